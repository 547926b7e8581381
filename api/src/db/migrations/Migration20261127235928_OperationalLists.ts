import { Migration } from '@mikro-orm/migrations';

export class Migration20261127235928_OperationalLists extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "need_source" as enum ('VISIT', 'SURVEY', 'ONLINE', 'HOTLINE', 'ORDER');`);
    this.addSql(`create type "need_category" as enum ('ELDERLY_CARE', 'CHILDCARE', 'EMPLOYMENT', 'HEALTH', 'LEGAL_AID', 'CULTURE_SPORTS', 'ENVIRONMENT', 'INFRASTRUCTURE', 'SAFETY', 'HARDSHIP_AID');`);
    this.addSql(`create type "need_status" as enum ('SUBMITTED', 'EVALUATING', 'ACCEPTED', 'REJECTED', 'MERGED', 'WITHDRAWN');`);
    this.addSql(`create type "alliance_unit_type" as enum ('GOVERNMENT', 'STATE_ENTERPRISE', 'PUBLIC_INSTITUTION', 'SCHOOL', 'HOSPITAL', 'SOCIAL_ORGANISATION', 'ENTERPRISE', 'OTHER');`);
    this.addSql(`create type "project_status" as enum ('DRAFT', 'RECRUITING', 'IN_PROGRESS', 'COMPLETED', 'EVALUATED', 'SUSPENDED', 'CANCELLED');`);
    this.addSql(`create type "membership_status" as enum ('APPLIED', 'ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'REJECTED');`);
    this.addSql(`create type "team_member_role" as enum ('LEADER', 'MEMBER');`);
    this.addSql(`create type "team_member_status" as enum ('ACTIVE', 'LEFT');`);
    this.addSql(`create type "resource_provider_type" as enum ('ALLIANCE_UNIT', 'VOLUNTEER_TEAM', 'CENTRE');`);
    this.addSql(`create type "resource_category" as enum ('VENUE', 'FUNDING', 'PROFESSIONALS', 'VOLUNTEER_SERVICE', 'EQUIPMENT', 'TRAINING', 'MEDICAL', 'LEGAL', 'CULTURE', 'EMPLOYMENT', 'CHILD_SERVICE', 'ELDERLY_SERVICE', 'PUBLICITY');`);
    this.addSql(`create type "resource_status" as enum ('DRAFT', 'ACTIVE', 'TEMPORARILY_CLOSED', 'INACTIVE');`);
    this.addSql(`create type "activity_kind" as enum ('POLITICAL_THEORY_TRAINING', 'SKILLS_TRAINING', 'SITE_TEACHING', 'THEME_ACTIVITY', 'PUBLIC_CLASS', 'VOLUNTEER_SERVICE', 'CO_BUILDING', 'CONSULTATION');`);
    this.addSql(`create type "activity_status" as enum ('PLANNED', 'PUBLISHED', 'POSTPONED', 'CANCELLED', 'CLOSED');`);
    this.addSql(`create table "need" ("id" text not null, "centre_code" varchar(15) not null, "source" "need_source" not null, "category" "need_category" not null, "title" text not null, "description" text null, "requester_count" int not null default 1, "submitted_on" date not null, "status" "need_status" not null default 'SUBMITTED', "internal_note" text null, "draft_answer" text null, "published_status" "need_status" not null default 'SUBMITTED', "public_answer" text null, "answer_published_at" timestamptz null, "merged_into_id" text null, "is_synthetic" boolean not null default false, "source_text" text null, constraint "need_pkey" primary key ("id"), constraint need_requester_count_check check (requester_count >= 1));`);
    this.addSql(`create index "need_centre_code_status_index" on "need" ("centre_code", "status");`);

    this.addSql(`create table "alliance_unit" ("id" text not null, "name" text not null, "unit_type" "alliance_unit_type" not null, "region_code" varchar(12) not null, "contacts" jsonb not null default '[]', "is_synthetic" boolean not null default false, "source" text null, constraint "alliance_unit_pkey" primary key ("id"));`);
    this.addSql(`create index "alliance_unit_region_code_index" on "alliance_unit" ("region_code");`);

    this.addSql(`create table "project" ("id" text not null, "centre_code" varchar(15) not null, "title" text not null, "description" text null, "lead_unit_id" text null, "budget_yuan" int null, "starts_on" date null, "ends_on" date null, "status" "project_status" not null default 'DRAFT', "progress" smallint not null default 0, "is_synthetic" boolean not null default false, "source_text" text null, constraint "project_pkey" primary key ("id"), constraint project_budget_check check (budget_yuan is null or budget_yuan >= 0), constraint project_progress_check check (progress >= 0 and progress <= 100));`);
    this.addSql(`create index "project_lead_unit_id_index" on "project" ("lead_unit_id");`);
    this.addSql(`create index "project_centre_code_status_index" on "project" ("centre_code", "status");`);

    this.addSql(`create table "project_timeline_entry" ("id" text not null, "project_id" text not null, "entry_on" date not null, "title" text not null, "description" text null, "status" "project_status" null, "recorded_at" timestamptz not null default now(), constraint "project_timeline_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "project_timeline_entry_project_id_index" on "project_timeline_entry" ("project_id");`);

    this.addSql(`create table "project_partner" ("project_id" text not null, "unit_id" text not null, constraint "project_partner_pkey" primary key ("project_id", "unit_id"));`);
    this.addSql(`create index "project_partner_unit_id_index" on "project_partner" ("unit_id");`);

    this.addSql(`create table "project_need" ("project_id" text not null, "need_id" text not null, constraint "project_need_pkey" primary key ("project_id", "need_id"));`);
    this.addSql(`create index "project_need_need_id_index" on "project_need" ("need_id");`);

    this.addSql(`create table "alliance_membership" ("id" text not null, "centre_code" varchar(15) not null, "unit_id" text not null, "status" "membership_status" not null, "agreement_signed_on" date null, "commitments" text[] not null default '{}', "left_on" date null, "is_synthetic" boolean not null default false, constraint "alliance_membership_pkey" primary key ("id"));`);
    this.addSql(`create index "alliance_membership_centre_code_index" on "alliance_membership" ("centre_code");`);
    this.addSql(`create index "alliance_membership_unit_id_index" on "alliance_membership" ("unit_id");`);
    this.addSql(`alter table "alliance_membership" add constraint "alliance_membership_centre_code_unit_id_unique" unique ("centre_code", "unit_id");`);

    this.addSql(`create table "volunteer_team" ("id" text not null, "centre_code" varchar(15) not null, "name" text not null, "description" text null, "skills" text[] not null default '{}', "reported_member_count" int null, "is_synthetic" boolean not null default false, "source_text" text null, constraint "volunteer_team_pkey" primary key ("id"));`);
    this.addSql(`create index "volunteer_team_centre_code_index" on "volunteer_team" ("centre_code");`);

    this.addSql(`create table "volunteer_member" ("id" text not null, "team_id" text not null, "name" text not null, "phone" text null, "role" "team_member_role" not null default 'MEMBER', "status" "team_member_status" not null default 'ACTIVE', "skills" text[] not null default '{}', "service_hours" double precision not null default 0, "is_synthetic" boolean not null default false, constraint "volunteer_member_pkey" primary key ("id"), constraint volunteer_member_hours_check check (service_hours >= 0));`);
    this.addSql(`create index "volunteer_member_team_id_index" on "volunteer_member" ("team_id");`);

    this.addSql(`create table "resource" ("id" text not null, "centre_code" varchar(15) not null, "provider_type" "resource_provider_type" not null, "provider_unit_id" text null, "provider_team_id" text null, "category" "resource_category" not null, "title" text not null, "description" text null, "capacity" int null, "capacity_unit" text null, "schedule" text null, "status" "resource_status" not null default 'ACTIVE', "last_verified_on" date not null, "is_synthetic" boolean not null default false, "source_text" text null, constraint "resource_pkey" primary key ("id"), constraint resource_capacity_check check (capacity is null or capacity >= 0));`);
    this.addSql(`create index "resource_provider_unit_id_index" on "resource" ("provider_unit_id");`);
    this.addSql(`create index "resource_provider_team_id_index" on "resource" ("provider_team_id");`);
    this.addSql(`create index "resource_centre_code_status_index" on "resource" ("centre_code", "status");`);

    this.addSql(`create table "project_resource" ("project_id" text not null, "resource_id" text not null, constraint "project_resource_pkey" primary key ("project_id", "resource_id"));`);
    this.addSql(`create index "project_resource_resource_id_index" on "project_resource" ("resource_id");`);

    this.addSql(`create table "activity" ("id" text not null, "centre_code" varchar(15) not null, "kind" "activity_kind" not null, "title" text not null, "organiser" text not null, "organiser_level" "centre_level" not null, "team_id" text null, "project_id" text null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "place" text null, "capacity" int null, "status" "activity_status" not null default 'PLANNED', "attendance_count" int null, "closing_report" text null, "closed_at" timestamptz null, "is_synthetic" boolean not null default false, constraint "activity_pkey" primary key ("id"), constraint activity_attendance_check check (attendance_count is null or attendance_count >= 0), constraint activity_capacity_check check (capacity is null or capacity >= 0));`);
    this.addSql(`create index "activity_team_id_index" on "activity" ("team_id");`);
    this.addSql(`create index "activity_project_id_index" on "activity" ("project_id");`);
    this.addSql(`create index "activity_centre_code_starts_at_index" on "activity" ("centre_code", "starts_at");`);

    this.addSql(`alter table "need" add constraint "need_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "need" add constraint "need_merged_into_id_foreign" foreign key ("merged_into_id") references "need" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "alliance_unit" add constraint "alliance_unit_region_code_foreign" foreign key ("region_code") references "region" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "project" add constraint "project_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "project" add constraint "project_lead_unit_id_foreign" foreign key ("lead_unit_id") references "alliance_unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "project_timeline_entry" add constraint "project_timeline_entry_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "project_partner" add constraint "project_partner_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_partner" add constraint "project_partner_unit_id_foreign" foreign key ("unit_id") references "alliance_unit" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "project_need" add constraint "project_need_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_need" add constraint "project_need_need_id_foreign" foreign key ("need_id") references "need" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "alliance_membership" add constraint "alliance_membership_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "alliance_membership" add constraint "alliance_membership_unit_id_foreign" foreign key ("unit_id") references "alliance_unit" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "volunteer_team" add constraint "volunteer_team_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);

    this.addSql(`alter table "volunteer_member" add constraint "volunteer_member_team_id_foreign" foreign key ("team_id") references "volunteer_team" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "resource" add constraint "resource_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "resource" add constraint "resource_provider_unit_id_foreign" foreign key ("provider_unit_id") references "alliance_unit" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "resource" add constraint "resource_provider_team_id_foreign" foreign key ("provider_team_id") references "volunteer_team" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "project_resource" add constraint "project_resource_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_resource" add constraint "project_resource_resource_id_foreign" foreign key ("resource_id") references "resource" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "activity" add constraint "activity_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity" add constraint "activity_team_id_foreign" foreign key ("team_id") references "volunteer_team" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "need" drop constraint "need_merged_into_id_foreign";`);

    this.addSql(`alter table "project_need" drop constraint "project_need_need_id_foreign";`);

    this.addSql(`alter table "project" drop constraint "project_lead_unit_id_foreign";`);

    this.addSql(`alter table "project_partner" drop constraint "project_partner_unit_id_foreign";`);

    this.addSql(`alter table "alliance_membership" drop constraint "alliance_membership_unit_id_foreign";`);

    this.addSql(`alter table "resource" drop constraint "resource_provider_unit_id_foreign";`);

    this.addSql(`alter table "project_timeline_entry" drop constraint "project_timeline_entry_project_id_foreign";`);

    this.addSql(`alter table "project_partner" drop constraint "project_partner_project_id_foreign";`);

    this.addSql(`alter table "project_need" drop constraint "project_need_project_id_foreign";`);

    this.addSql(`alter table "project_resource" drop constraint "project_resource_project_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_project_id_foreign";`);

    this.addSql(`alter table "volunteer_member" drop constraint "volunteer_member_team_id_foreign";`);

    this.addSql(`alter table "resource" drop constraint "resource_provider_team_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_team_id_foreign";`);

    this.addSql(`alter table "project_resource" drop constraint "project_resource_resource_id_foreign";`);

    this.addSql(`drop table if exists "need" cascade;`);

    this.addSql(`drop table if exists "alliance_unit" cascade;`);

    this.addSql(`drop table if exists "project" cascade;`);

    this.addSql(`drop table if exists "project_timeline_entry" cascade;`);

    this.addSql(`drop table if exists "project_partner" cascade;`);

    this.addSql(`drop table if exists "project_need" cascade;`);

    this.addSql(`drop table if exists "alliance_membership" cascade;`);

    this.addSql(`drop table if exists "volunteer_team" cascade;`);

    this.addSql(`drop table if exists "volunteer_member" cascade;`);

    this.addSql(`drop table if exists "resource" cascade;`);

    this.addSql(`drop table if exists "project_resource" cascade;`);

    this.addSql(`drop table if exists "activity" cascade;`);

    this.addSql(`drop type "need_source";`);
    this.addSql(`drop type "need_category";`);
    this.addSql(`drop type "need_status";`);
    this.addSql(`drop type "alliance_unit_type";`);
    this.addSql(`drop type "project_status";`);
    this.addSql(`drop type "membership_status";`);
    this.addSql(`drop type "team_member_role";`);
    this.addSql(`drop type "team_member_status";`);
    this.addSql(`drop type "resource_provider_type";`);
    this.addSql(`drop type "resource_category";`);
    this.addSql(`drop type "resource_status";`);
    this.addSql(`drop type "activity_kind";`);
    this.addSql(`drop type "activity_status";`);
  }

}
