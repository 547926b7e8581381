import { Migration } from '@mikro-orm/migrations';

export class Migration20261202103518_PortalKeys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "api_key_kind" as enum ('SECRET', 'PUBLISHABLE');`);
    this.addSql(`create table "api_key_operation" ("key_id" int not null, "hash" text not null, "name" text null, "document" text not null, "registered_at" timestamptz not null default now(), constraint "api_key_operation_pkey" primary key ("key_id", "hash"));`);

    this.addSql(`alter table "api_key" add column "kind" "api_key_kind" not null default 'SECRET';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_key_operation" cascade;`);

    this.addSql(`alter table "api_key" drop column "kind";`);

    this.addSql(`drop type "api_key_kind";`);
  }

}
