import { Migration } from '@mikro-orm/migrations';

export class Migration20261202120149_Reports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "report_kind" as enum ('HAZARD', 'DISPUTE', 'LOST_PROPERTY', 'CASE_LEAD', 'HOUSEHOLD_INFO', 'MUTUAL_HELP');`);
    this.addSql(`create type "report_status" as enum ('SUBMITTED', 'ACCEPTED', 'IN_HANDLING', 'FEEDBACK_GIVEN', 'CLOSED', 'REJECTED', 'DUPLICATE');`);
    this.addSql(`create type "case_mode" as enum ('IMMEDIATE', 'TRACKED', 'JOINT');`);
    this.addSql(`create type "report_action" as enum ('SUBMIT', 'ACCEPT', 'START', 'HANDLER_REPORT', 'GIVE_FEEDBACK', 'CLOSE', 'CONFIRM', 'REJECT', 'MARK_DUPLICATE', 'HIDE', 'UNHIDE', 'REOPEN');`);
    this.addSql(`create type "report_handler_type" as enum ('ALLIANCE_UNIT', 'VOLUNTEER_TEAM', 'DEPARTMENT');`);
    this.addSql(`create table "report" ("id" text not null, "centre_code" varchar(15) not null, "kind" "report_kind" not null, "description" text not null, "location_text" text null, "contact_name" text null, "contact_phone" text null, "status" "report_status" not null default 'SUBMITTED', "case_mode" "case_mode" null, "is_hidden" boolean not null default false, "token_hash" text not null, "submission_key_hash" text null, "submission_input_hash" text null, "due_on" date null, "submitted_at" timestamptz not null default now(), "accepted_at" timestamptz null, "started_at" timestamptz null, "feedback_at" timestamptz null, "closed_at" timestamptz null, "confirmed_at" timestamptz null, "rejected_at" timestamptz null, "marked_duplicate_at" timestamptz null, "hidden_at" timestamptz null, "reopened_at" timestamptz null, "result" text null, "reject_reason" text null, "duplicate_of_id" text null, "satisfaction" "satisfaction" null, "score" int null, "rating_comment" text null, "is_synthetic" boolean not null default false, constraint "report_pkey" primary key ("id"), constraint report_score_check check (score is null or (score >= 1 and score <= 5)));`);
    this.addSql(`alter table "report" add constraint "report_token_hash_unique" unique ("token_hash");`);
    this.addSql(`alter table "report" add constraint "report_submission_key_unique" unique ("submission_key_hash");`);
    this.addSql(`create index "report_duplicate_of_id_index" on "report" ("duplicate_of_id");`);
    this.addSql(`create index "report_centre_code_submitted_at_index" on "report" ("centre_code", "submitted_at");`);

    this.addSql(`create table "report_event" ("id" bigserial primary key, "report_id" text not null, "at" timestamptz not null, "from_status" "report_status" null, "to_status" "report_status" not null, "action" "report_action" not null, "note" text null, "is_public" boolean not null, "actor" "event_actor" not null, "actor_account_id" uuid null);`);
    this.addSql(`create index "report_event_report_id_index" on "report_event" ("report_id");`);

    this.addSql(`create table "report_photo" ("id" text not null, "report_id" text not null, "content_type" text not null, "byte_size" int not null, "storage_key" text not null, "created_at" timestamptz not null default now(), constraint "report_photo_pkey" primary key ("id"));`);
    this.addSql(`create index "report_photo_report_id_index" on "report_photo" ("report_id");`);

    this.addSql(`create table "report_handler" ("id" text not null, "report_id" text not null, "handler_type" "report_handler_type" not null, "unit_id" text null, "team_id" text null, "department" text null, "position" smallint not null, "is_lead" boolean not null, "assigned_at" timestamptz not null, "reported_at" timestamptz null, "result" text null, constraint "report_handler_pkey" primary key ("id"), constraint report_handler_kind_check check ((handler_type = 'ALLIANCE_UNIT') = (unit_id is not null) and (handler_type = 'VOLUNTEER_TEAM') = (team_id is not null) and (handler_type = 'DEPARTMENT') = (department is not null)));`);
    this.addSql(`create index "report_handler_report_id_index" on "report_handler" ("report_id");`);

    this.addSql(`alter table "report" add constraint "report_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "report" add constraint "report_duplicate_of_id_foreign" foreign key ("duplicate_of_id") references "report" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "report_event" add constraint "report_event_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "report_photo" add constraint "report_photo_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "report_handler" add constraint "report_handler_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report_handler" add constraint "report_handler_unit_id_foreign" foreign key ("unit_id") references "alliance_unit" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report_handler" add constraint "report_handler_team_id_foreign" foreign key ("team_id") references "volunteer_team" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "report" drop constraint "report_duplicate_of_id_foreign";`);

    this.addSql(`alter table "report_event" drop constraint "report_event_report_id_foreign";`);

    this.addSql(`alter table "report_photo" drop constraint "report_photo_report_id_foreign";`);

    this.addSql(`alter table "report_handler" drop constraint "report_handler_report_id_foreign";`);

    this.addSql(`drop table if exists "report" cascade;`);

    this.addSql(`drop table if exists "report_event" cascade;`);

    this.addSql(`drop table if exists "report_photo" cascade;`);

    this.addSql(`drop table if exists "report_handler" cascade;`);

    this.addSql(`drop type "report_kind";`);
    this.addSql(`drop type "report_status";`);
    this.addSql(`drop type "case_mode";`);
    this.addSql(`drop type "report_action";`);
    this.addSql(`drop type "report_handler_type";`);
  }

}
