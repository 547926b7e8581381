import { Migration } from '@mikro-orm/migrations';

export class Migration20261127224454_ApiKeys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_key" ("id" serial primary key, "name" text not null, "prefix" text not null, "key_hash" text not null, "allowed_origins" text[] not null default '{}', "region_code" text null, "rate_per_minute" int not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);

    this.addSql(`create table "api_key_usage" ("key_id" int not null, "day" date not null, "requests" int not null default 0, "cost" int not null default 0, constraint "api_key_usage_pkey" primary key ("key_id", "day"));`);
    this.addSql(`create index "api_key_usage_day_index" on "api_key_usage" ("day");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "api_key_usage" cascade;`);
  }

}
