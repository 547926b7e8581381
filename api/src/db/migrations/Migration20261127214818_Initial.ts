import { Migration } from '@mikro-orm/migrations';

export class Migration20261127214818_Initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "region_level" as enum ('CITY', 'COUNTY', 'STREET', 'COMMUNITY');`);
    this.addSql(`create type "centre_level" as enum ('COUNTY', 'STREET', 'COMMUNITY', 'SITE');`);
    this.addSql(`create type "centre_status" as enum ('OPEN', 'TEMPORARILY_CLOSED', 'CLOSED');`);
    this.addSql(`create type "rating_tier" as enum ('COUNTY', 'CITY');`);
    this.addSql(`create table "rating_scheme" ("year" int not null, "name" text not null, "source" text null, constraint "rating_scheme_pkey" primary key ("year"));`);

    this.addSql(`create table "rating_dimension" ("id" serial primary key, "year" int not null, "key" text not null, "name" text not null, "weight" double precision not null, "max_score" double precision not null, "position" int not null);`);
    this.addSql(`alter table "rating_dimension" add constraint "rating_dimension_year_key_unique" unique ("year", "key");`);

    this.addSql(`create table "region" ("code" varchar(12) not null, "name" text not null, "level" "region_level" not null, "parent_code" varchar(12) null, "path" text not null, "is_synthetic" boolean not null default false, "source" text null, constraint "region_pkey" primary key ("code"));`);
    this.addSql(`create index "region_parent_code_index" on "region" ("parent_code");`);
    this.addSql(`create index "region_path_prefix_idx" on "region" ("path" text_pattern_ops);`);

    this.addSql(`create table "centre" ("code" varchar(15) not null, "name" text not null, "level" "centre_level" not null, "region_code" varchar(12) not null, "parent_code" varchar(15) null, "address" text null, "slogan" text null, "floor_area" double precision null, "residents_covered" int null, "service_windows" int null, "year_opened" int null, "facilities" text[] not null default '{}', "status" "centre_status" not null default 'OPEN', "is_synthetic" boolean not null default false, "source" text null, constraint "centre_pkey" primary key ("code"));`);
    this.addSql(`create index "centre_region_code_index" on "centre" ("region_code");`);
    this.addSql(`create index "centre_parent_code_index" on "centre" ("parent_code");`);

    this.addSql(`create table "rating_result" ("id" serial primary key, "centre_code" varchar(15) not null, "year" int not null, "stars" smallint not null, "tier" "rating_tier" not null, "total_score" double precision null, "scores_by_dimension" jsonb not null default '{}', "awarded_on" date null, "is_synthetic" boolean not null default false, constraint rating_result_city_tier_check check (tier = 'COUNTY' or stars = 5), constraint rating_result_stars_check check (stars between 3 and 5));`);
    this.addSql(`create index "rating_result_year_index" on "rating_result" ("year");`);
    this.addSql(`alter table "rating_result" add constraint "rating_result_centre_code_year_unique" unique ("centre_code", "year");`);

    this.addSql(`create table "reported_figure" ("id" serial primary key, "centre_code" varchar(15) not null, "year" int not null, "key" text not null, "label" text not null, "value" double precision not null, "unit" text not null, "is_lower_bound" boolean not null default false, "is_cumulative" boolean not null default false, "source" text not null);`);
    this.addSql(`alter table "reported_figure" add constraint "reported_figure_centre_code_year_key_unique" unique ("centre_code", "year", "key");`);

    this.addSql(`alter table "rating_dimension" add constraint "rating_dimension_year_foreign" foreign key ("year") references "rating_scheme" ("year") on update cascade on delete cascade;`);

    this.addSql(`alter table "region" add constraint "region_parent_code_foreign" foreign key ("parent_code") references "region" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "centre" add constraint "centre_region_code_foreign" foreign key ("region_code") references "region" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "centre" add constraint "centre_parent_code_foreign" foreign key ("parent_code") references "centre" ("code") on update cascade on delete set null;`);

    this.addSql(`alter table "rating_result" add constraint "rating_result_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "rating_result" add constraint "rating_result_year_foreign" foreign key ("year") references "rating_scheme" ("year") on update cascade on delete restrict;`);

    this.addSql(`alter table "reported_figure" add constraint "reported_figure_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "rating_dimension" drop constraint "rating_dimension_year_foreign";`);

    this.addSql(`alter table "rating_result" drop constraint "rating_result_year_foreign";`);

    this.addSql(`alter table "region" drop constraint "region_parent_code_foreign";`);

    this.addSql(`alter table "centre" drop constraint "centre_region_code_foreign";`);

    this.addSql(`alter table "centre" drop constraint "centre_parent_code_foreign";`);

    this.addSql(`alter table "rating_result" drop constraint "rating_result_centre_code_foreign";`);

    this.addSql(`alter table "reported_figure" drop constraint "reported_figure_centre_code_foreign";`);

    this.addSql(`drop table if exists "rating_scheme" cascade;`);

    this.addSql(`drop table if exists "rating_dimension" cascade;`);

    this.addSql(`drop table if exists "region" cascade;`);

    this.addSql(`drop table if exists "centre" cascade;`);

    this.addSql(`drop table if exists "rating_result" cascade;`);

    this.addSql(`drop table if exists "reported_figure" cascade;`);

    this.addSql(`drop type "region_level";`);
    this.addSql(`drop type "centre_level";`);
    this.addSql(`drop type "centre_status";`);
    this.addSql(`drop type "rating_tier";`);
  }

}
