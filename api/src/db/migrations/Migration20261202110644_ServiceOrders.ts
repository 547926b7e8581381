import { Migration } from '@mikro-orm/migrations';

export class Migration20261202110644_ServiceOrders extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "service_category" as enum ('POLICY_CONSULTATION', 'CONVENIENCE_SERVICE', 'LEGAL_AID', 'DISPUTE_MEDIATION', 'ELDERLY_CARE', 'CHILD_CARE', 'EMPLOYMENT', 'HEALTH', 'CULTURE_SPORTS', 'VOLUNTEER_HELP', 'LIVELIHOOD_REPAIR', 'OTHER');`);
    this.addSql(`create type "service_order_status" as enum ('SUBMITTED', 'ACCEPTED', 'DISPATCHED', 'PROVIDER_ACCEPTED', 'IN_PROGRESS', 'AWAITING_CONFIRMATION', 'COMPLETED', 'REVIEWED', 'CLOSED', 'CANCELLED', 'REJECTED', 'DUPLICATE');`);
    this.addSql(`create type "satisfaction" as enum ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');`);
    this.addSql(`create type "service_order_action" as enum ('SUBMIT', 'ACCEPT', 'DISPATCH', 'DECLINE', 'ALL_DECLINED', 'PROVIDER_ACCEPT', 'START', 'REPORT_DONE', 'CONFIRM', 'NOT_DONE', 'REVIEW', 'CLOSE', 'CANCEL', 'REJECT', 'MARK_DUPLICATE', 'REOPEN');`);
    this.addSql(`create type "event_actor" as enum ('RESIDENT', 'STAFF', 'SYSTEM');`);
    this.addSql(`create type "dispatch_status" as enum ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');`);
    this.addSql(`create table "service_order" ("id" text not null, "centre_code" varchar(15) not null, "category" "service_category" not null, "resource_id" text null, "description" text not null, "contact_name" text not null, "contact_phone" text not null, "status" "service_order_status" not null default 'SUBMITTED', "token_hash" text not null, "submission_key_hash" text null, "submission_input_hash" text null, "due_on" date null, "submitted_at" timestamptz not null default now(), "accepted_at" timestamptz null, "dispatched_at" timestamptz null, "provider_accepted_at" timestamptz null, "started_at" timestamptz null, "done_reported_at" timestamptz null, "disputed_at" timestamptz null, "completed_at" timestamptz null, "reviewed_at" timestamptz null, "closed_at" timestamptz null, "cancelled_at" timestamptz null, "rejected_at" timestamptz null, "marked_duplicate_at" timestamptz null, "reopened_at" timestamptz null, "reject_reason" text null, "duplicate_of_id" text null, "satisfaction" "satisfaction" null, "score" int null, "review_comment" text null, "is_synthetic" boolean not null default false, constraint "service_order_pkey" primary key ("id"), constraint service_order_score_check check (score is null or (score >= 1 and score <= 5)));`);
    this.addSql(`create index "service_order_resource_id_index" on "service_order" ("resource_id");`);
    this.addSql(`alter table "service_order" add constraint "service_order_token_hash_unique" unique ("token_hash");`);
    this.addSql(`alter table "service_order" add constraint "service_order_submission_key_unique" unique ("submission_key_hash");`);
    this.addSql(`create index "service_order_centre_code_submitted_at_index" on "service_order" ("centre_code", "submitted_at");`);

    this.addSql(`create table "service_order_event" ("id" bigserial primary key, "order_id" text not null, "at" timestamptz not null, "from_status" "service_order_status" null, "to_status" "service_order_status" not null, "action" "service_order_action" not null, "note" text null, "is_public" boolean not null, "actor" "event_actor" not null, "actor_account_id" uuid null);`);
    this.addSql(`create index "service_order_event_order_id_index" on "service_order_event" ("order_id");`);

    this.addSql(`create table "service_order_dispatch" ("id" text not null, "order_id" text not null, "unit_id" text null, "team_id" text null, "position" smallint not null, "is_lead" boolean not null, "status" "dispatch_status" not null default 'PENDING', "dispatched_at" timestamptz not null default now(), "responded_at" timestamptz null, "reason" text null, constraint "service_order_dispatch_pkey" primary key ("id"), constraint service_order_dispatch_provider_check check ((unit_id is null) <> (team_id is null)));`);
    this.addSql(`create index "service_order_dispatch_order_id_index" on "service_order_dispatch" ("order_id");`);
    this.addSql(`create index "service_order_dispatch_unit_id_index" on "service_order_dispatch" ("unit_id");`);
    this.addSql(`create index "service_order_dispatch_team_id_index" on "service_order_dispatch" ("team_id");`);

    this.addSql(`create table "working_calendar" ("day" date not null, "is_working" boolean not null, "name" text not null, constraint "working_calendar_pkey" primary key ("day"));`);

    this.addSql(`alter table "service_order" add constraint "service_order_centre_code_foreign" foreign key ("centre_code") references "centre" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "service_order" add constraint "service_order_resource_id_foreign" foreign key ("resource_id") references "resource" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "service_order" add constraint "service_order_duplicate_of_id_foreign" foreign key ("duplicate_of_id") references "service_order" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "service_order_event" add constraint "service_order_event_order_id_foreign" foreign key ("order_id") references "service_order" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "service_order_dispatch" add constraint "service_order_dispatch_order_id_foreign" foreign key ("order_id") references "service_order" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "service_order_dispatch" add constraint "service_order_dispatch_unit_id_foreign" foreign key ("unit_id") references "alliance_unit" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "service_order_dispatch" add constraint "service_order_dispatch_team_id_foreign" foreign key ("team_id") references "volunteer_team" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "service_order" drop constraint "service_order_duplicate_of_id_foreign";`);

    this.addSql(`alter table "service_order_event" drop constraint "service_order_event_order_id_foreign";`);

    this.addSql(`alter table "service_order_dispatch" drop constraint "service_order_dispatch_order_id_foreign";`);

    this.addSql(`drop table if exists "service_order" cascade;`);

    this.addSql(`drop table if exists "service_order_event" cascade;`);

    this.addSql(`drop table if exists "service_order_dispatch" cascade;`);

    this.addSql(`drop table if exists "working_calendar" cascade;`);

    this.addSql(`drop type "service_category";`);
    this.addSql(`drop type "service_order_status";`);
    this.addSql(`drop type "satisfaction";`);
    this.addSql(`drop type "service_order_action";`);
    this.addSql(`drop type "event_actor";`);
    this.addSql(`drop type "dispatch_status";`);
  }

}
