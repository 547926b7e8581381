import { Migration } from '@mikro-orm/migrations';

export class Migration20261128001308_RatingCycle extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "indicator_rule" as enum ('CHECKLIST', 'MET_UNMET', 'NUMERIC_BAND', 'DERIVED');`);
    this.addSql(`create type "cycle_stage" as enum ('SETUP', 'SELF_ASSESSMENT', 'COUNTY_REVIEW', 'CITY_RATING', 'PUBLIC_NOTICE', 'PUBLISHED');`);
    this.addSql(`create type "objection_status" as enum ('OPEN', 'UPHELD', 'DISMISSED');`);
    this.addSql(`create type "assessment_stage" as enum ('SELF', 'COUNTY', 'CITY');`);
    this.addSql(`create table "rating_indicator" ("id" serial primary key, "year" int not null, "dimension_id" int not null, "code" text not null, "name" text not null, "max_score" double precision not null, "rule" "indicator_rule" not null, "checklist" text[] not null default '{}', "bands" jsonb not null default '[]', "figure_key" text null, "requires_evidence" boolean not null default false, "requires_justification" boolean not null default false, "is_veto" boolean not null default false, "position" int not null);`);
    this.addSql(`alter table "rating_indicator" add constraint "rating_indicator_year_code_unique" unique ("year", "code");`);

    this.addSql(`create table "rating_cycle" ("id" serial primary key, "year" int not null, "region_code" varchar(12) not null, "stage" "cycle_stage" not null default 'SETUP', "notice_starts_on" date null, "notice_ends_on" date null, "published_at" timestamptz null, "is_imported" boolean not null default false);`);
    this.addSql(`alter table "rating_cycle" add constraint "rating_cycle_year_region_code_unique" unique ("year", "region_code");`);

    this.addSql(`create table "rating_objection" ("id" serial primary key, "cycle_id" int not null, "centre_code" varchar(15) not null, "text" text not null, "contact" text null, "status" "objection_status" not null default 'OPEN', "resolution" text null, "lodged_at" timestamptz not null default now());`);

    this.addSql(`create table "assessment" ("id" serial primary key, "cycle_id" int not null, "centre_code" varchar(15) not null, "stage" "assessment_stage" not null, "total_score" double precision not null, "scores_by_dimension" jsonb not null, "is_vetoed" boolean not null, "stars" smallint null, "tier" "rating_tier" null, "submitted_at" timestamptz not null, "submitted_by" uuid not null, "override_stars" smallint null, "override_tier" "rating_tier" null, "override_reason" text null, "overridden_by" uuid null, "overridden_at" timestamptz null, "is_overridden" boolean not null default false);`);
    this.addSql(`alter table "assessment" add constraint "assessment_cycle_id_centre_code_stage_unique" unique ("cycle_id", "centre_code", "stage");`);

    this.addSql(`create table "assessment_score" ("id" serial primary key, "assessment_id" int not null, "indicator_id" int not null, "score" double precision null, "measured_value" double precision null, "justification" text null, "evidence_urls" text[] not null default '{}', "snapshot" jsonb null);`);
    this.addSql(`alter table "assessment_score" add constraint "assessment_score_assessment_id_indicator_id_unique" unique ("assessment_id", "indicator_id");`);

    this.addSql(`create table "evaluator_assignment" ("cycle_id" int not null, "centre_code" varchar(15) not null, "evaluator_id" uuid not null, constraint "evaluator_assignment_pkey" primary key ("cycle_id", "centre_code", "evaluator_id"));`);

    this.addSql(`alter table "rating_indicator" add constraint "rating_indicator_year_foreign" foreign key ("year") references "rating_scheme" ("year") on update cascade on delete cascade;`);
    this.addSql(`alter table "rating_indicator" add constraint "rating_indicator_dimension_id_foreign" foreign key ("dimension_id") references "rating_dimension" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "rating_cycle" add constraint "rating_cycle_year_foreign" foreign key ("year") references "rating_scheme" ("year") on update cascade on delete restrict;`);
    this.addSql(`alter table "rating_cycle" add constraint "rating_cycle_region_code_foreign" foreign key ("region_code") references "region" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "rating_objection" add constraint "rating_objection_cycle_id_foreign" foreign key ("cycle_id") references "rating_cycle" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "rating_objection" add constraint "rating_objection_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);

    this.addSql(`alter table "assessment" add constraint "assessment_cycle_id_foreign" foreign key ("cycle_id") references "rating_cycle" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assessment" add constraint "assessment_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);

    this.addSql(`alter table "assessment_score" add constraint "assessment_score_assessment_id_foreign" foreign key ("assessment_id") references "assessment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assessment_score" add constraint "assessment_score_indicator_id_foreign" foreign key ("indicator_id") references "rating_indicator" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "evaluator_assignment" add constraint "evaluator_assignment_cycle_id_foreign" foreign key ("cycle_id") references "rating_cycle" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "evaluator_assignment" add constraint "evaluator_assignment_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "evaluator_assignment" add constraint "evaluator_assignment_evaluator_id_foreign" foreign key ("evaluator_id") references "staff_account" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "rating_scheme" add column "three_star_min" double precision not null default 60, add column "four_star_min" double precision not null default 75, add column "five_star_min" double precision not null default 90, add column "notice_working_days" smallint not null default 5, add column "frozen_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "assessment_score" drop constraint "assessment_score_indicator_id_foreign";`);

    this.addSql(`alter table "rating_objection" drop constraint "rating_objection_cycle_id_foreign";`);

    this.addSql(`alter table "assessment" drop constraint "assessment_cycle_id_foreign";`);

    this.addSql(`alter table "evaluator_assignment" drop constraint "evaluator_assignment_cycle_id_foreign";`);

    this.addSql(`alter table "assessment_score" drop constraint "assessment_score_assessment_id_foreign";`);

    this.addSql(`drop table if exists "rating_indicator" cascade;`);

    this.addSql(`drop table if exists "rating_cycle" cascade;`);

    this.addSql(`drop table if exists "rating_objection" cascade;`);

    this.addSql(`drop table if exists "assessment" cascade;`);

    this.addSql(`drop table if exists "assessment_score" cascade;`);

    this.addSql(`drop table if exists "evaluator_assignment" cascade;`);

    this.addSql(`alter table "rating_scheme" drop column "three_star_min", drop column "four_star_min", drop column "five_star_min", drop column "notice_working_days", drop column "frozen_at";`);

    this.addSql(`drop type "indicator_rule";`);
    this.addSql(`drop type "cycle_stage";`);
    this.addSql(`drop type "objection_status";`);
    this.addSql(`drop type "assessment_stage";`);
  }

}
