import { Migration } from '@mikro-orm/migrations';

export class Migration20261127235857_StaffAccounts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "staff_role" as enum ('CITY_ADMIN', 'COUNTY_ADMIN', 'STREET_ADMIN', 'CENTRE_STAFF', 'EVALUATOR');`);
    this.addSql(`create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null default now(), "actor_id" uuid not null, "actor_email" text not null, "actor_role" "staff_role" not null, "action" text not null, "target_type" text not null, "target_id" text not null, "region_path" text not null, "before" jsonb null, "after" jsonb null);`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_region_path_idx" on "audit_entry" ("region_path" text_pattern_ops);`);
    this.addSql(`create index "audit_entry_target_type_target_id_index" on "audit_entry" ("target_type", "target_id");`);

    this.addSql(`create table "idempotency_record" ("account_id" uuid not null, "key" text not null, "operation" text not null, "input_hash" text not null, "result_entity" text not null, "result_id" jsonb not null, "created_at" timestamptz not null default now(), constraint "idempotency_record_pkey" primary key ("account_id", "key"));`);

    this.addSql(`create table "staff_account" ("id" uuid not null default gen_random_uuid(), "email" text not null, "display_name" text not null, "role" "staff_role" not null, "region_code" varchar(12) not null, "centre_code" varchar(15) null, "password_hash" text not null, "disabled_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "staff_account_pkey" primary key ("id"));`);
    this.addSql(`create unique index "staff_account_email_unique" on "staff_account" ("email");`);

    this.addSql(`create table "staff_session" ("token_hash" text not null, "account_id" uuid not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "staff_session_pkey" primary key ("token_hash"));`);
    this.addSql(`create index "staff_session_account_id_index" on "staff_session" ("account_id");`);

    this.addSql(`alter table "staff_account" add constraint "staff_account_region_code_foreign" foreign key ("region_code") references "region" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "staff_account" add constraint "staff_account_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "staff_session" add constraint "staff_session_account_id_foreign" foreign key ("account_id") references "staff_account" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "staff_session" drop constraint "staff_session_account_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "staff_account" cascade;`);

    this.addSql(`drop table if exists "staff_session" cascade;`);

    this.addSql(`drop type "staff_role";`);
  }

}
