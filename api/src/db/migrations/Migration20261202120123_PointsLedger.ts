import { Migration } from '@mikro-orm/migrations';

export class Migration20261202120123_PointsLedger extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "points_account_kind" as enum ('SOURCE', 'CENTRE_BUDGET', 'RESIDENT', 'HOLD', 'REDEEMED');`);
    this.addSql(`create type "points_transfer_kind" as enum ('BUDGET_GRANT', 'ISSUE', 'HOLD', 'FULFIL', 'RELEASE', 'REVERSAL');`);
    this.addSql(`create type "points_rule_key" as enum ('ORDER_REVIEWED', 'REPORT_VERIFIED', 'ACTIVITY_ATTENDED', 'VOLUNTEER_HOURS');`);
    this.addSql(`create type "points_actor" as enum ('RESIDENT', 'STAFF', 'SYSTEM');`);
    this.addSql(`create type "reward_channel" as enum ('ONLINE', 'AT_CENTRE');`);
    this.addSql(`create type "redemption_status" as enum ('HELD', 'FULFILLED', 'RELEASED');`);
    this.addSql(`create table "points_account" ("id" text not null, "kind" "points_account_kind" not null, "centre_code" text null, "resident_key" text null, "balance" int not null default 0, "created_at" timestamptz not null default now(), constraint "points_account_pkey" primary key ("id"), constraint points_account_balance_check check (balance >= 0 or kind = 'SOURCE'));`);
    this.addSql(`create index "points_account_centre_code_index" on "points_account" ("centre_code");`);
    this.addSql(`alter table "points_account" add constraint "points_account_resident_key_unique" unique ("resident_key");`);

    this.addSql(`create table "points_rule" ("key" text not null, "name" text not null, "points" int not null, "daily_limit" int not null, "yearly_limit" int not null, "is_active" boolean not null default true, "updated_at" timestamptz not null default now(), constraint "points_rule_pkey" primary key ("key"), constraint points_rule_limits_check check (points > 0 and daily_limit >= 0 and yearly_limit >= 0));`);

    this.addSql(`create table "points_transfer" ("id" text not null, "kind" "points_transfer_kind" not null, "rule" "points_rule_key" null, "centre_code" text not null, "reference" text null, "issue_key" text null, "reverses_transfer_id" text null, "at" timestamptz not null default now(), "actor" "points_actor" not null, "actor_account_id" uuid null, "note" text null, constraint "points_transfer_pkey" primary key ("id"));`);
    this.addSql(`alter table "points_transfer" add constraint "points_transfer_issue_key_unique" unique ("issue_key");`);
    this.addSql(`alter table "points_transfer" add constraint "points_transfer_reverses_unique" unique ("reverses_transfer_id");`);
    this.addSql(`create index "points_transfer_centre_code_at_index" on "points_transfer" ("centre_code", "at");`);

    this.addSql(`create table "points_movement" ("id" bigserial primary key, "transfer_id" text not null, "account_id" text not null, "amount" int not null, constraint points_movement_amount_check check (amount <> 0));`);
    this.addSql(`create index "points_movement_transfer_id_index" on "points_movement" ("transfer_id");`);
    this.addSql(`create index "points_movement_account_id_index" on "points_movement" ("account_id");`);

    this.addSql(`create table "reward_item" ("id" text not null, "centre_code" text not null, "name" text not null, "points_cost" int not null, "stock" int not null, "channel" "reward_channel" not null, "is_active" boolean not null default true, "created_at" timestamptz not null default now(), constraint "reward_item_pkey" primary key ("id"), constraint reward_item_stock_check check (stock >= 0 and points_cost > 0));`);
    this.addSql(`create index "reward_item_centre_code_index" on "reward_item" ("centre_code");`);

    this.addSql(`create table "points_redemption" ("id" text not null, "item_id" text not null, "account_id" text not null, "points" int not null, "status" "redemption_status" not null default 'HELD', "key_hash" text not null, "input_hash" text not null, "hold_transfer_id" text not null, "settle_transfer_id" text null, "created_at" timestamptz not null default now(), "settled_at" timestamptz null, constraint "points_redemption_pkey" primary key ("id"));`);
    this.addSql(`create index "points_redemption_item_id_index" on "points_redemption" ("item_id");`);
    this.addSql(`create index "points_redemption_account_id_index" on "points_redemption" ("account_id");`);
    this.addSql(`alter table "points_redemption" add constraint "points_redemption_key_unique" unique ("key_hash");`);

    this.addSql(`alter table "points_transfer" add constraint "points_transfer_reverses_transfer_id_foreign" foreign key ("reverses_transfer_id") references "points_transfer" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "points_movement" add constraint "points_movement_transfer_id_foreign" foreign key ("transfer_id") references "points_transfer" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "points_movement" add constraint "points_movement_account_id_foreign" foreign key ("account_id") references "points_account" ("id") on update cascade on delete no action;`);

    this.addSql(`alter table "points_redemption" add constraint "points_redemption_item_id_foreign" foreign key ("item_id") references "reward_item" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "points_redemption" add constraint "points_redemption_account_id_foreign" foreign key ("account_id") references "points_account" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "points_redemption" add constraint "points_redemption_hold_transfer_id_foreign" foreign key ("hold_transfer_id") references "points_transfer" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "points_redemption" add constraint "points_redemption_settle_transfer_id_foreign" foreign key ("settle_transfer_id") references "points_transfer" ("id") on update cascade on delete no action;`);

    // Hand-written (README “Points”): the database keeps the ledger's rules whatever the code does.
    // Balances follow the movements: each inserted movement adds its amount to its account (the
    // CHECK above then refuses a negative balance), and nothing else may change a balance.
    this.addSql(`create function points_apply_movement() returns trigger language plpgsql as $$
      begin
        update points_account set balance = balance + new.amount where id = new.account_id;
        return null;
      end $$;`);
    this.addSql(`create trigger points_movement_apply after insert on points_movement for each row execute function points_apply_movement();`);
    this.addSql(`create function points_guard_balance() returns trigger language plpgsql as $$
      begin
        if new.balance <> old.balance and pg_trigger_depth() < 2 then
          raise exception 'points_account.balance follows the movements: insert a transfer instead' using errcode = 'integrity_constraint_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger points_account_guard_balance before update on points_account for each row execute function points_guard_balance();`);
    // Every transfer balances: its movements (two or more) sum to zero, checked at commit.
    this.addSql(`create function points_check_transfer() returns trigger language plpgsql as $$
      declare
        transfer text := to_jsonb(new) ->> tg_argv[0];
        total bigint;
        lines int;
      begin
        select coalesce(sum(amount), 0), count(*) into total, lines from points_movement where transfer_id = transfer;
        if total <> 0 or lines < 2 then
          raise exception 'points transfer % does not balance: % movements summing to %', transfer, lines, total using errcode = 'check_violation';
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger points_transfer_balanced after insert on points_transfer deferrable initially deferred for each row execute function points_check_transfer('id');`);
    this.addSql(`create constraint trigger points_movement_balanced after insert on points_movement deferrable initially deferred for each row execute function points_check_transfer('transfer_id');`);
    // Corrections are reversals, never edits: transfers and movements are never updated or deleted.
    this.addSql(`create function points_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% rows are never changed or deleted: correct with a reversal', tg_table_name using errcode = 'integrity_constraint_violation';
      end $$;`);
    this.addSql(`create trigger points_transfer_immutable before update or delete on points_transfer for each row execute function points_refuse_change();`);
    this.addSql(`create trigger points_movement_immutable before update or delete on points_movement for each row execute function points_refuse_change();`);

    // The rules residents earn by, editable by city administrators (setPointsRule).
    this.addSql(`insert into points_rule (key, name, points, daily_limit, yearly_limit) values
      ('ORDER_REVIEWED', '点单点评', 10, 20, 200),
      ('REPORT_VERIFIED', '随手拍核实', 5, 20, 300),
      ('ACTIVITY_ATTENDED', '活动参与', 5, 10, 200),
      ('VOLUNTEER_HOURS', '志愿服务时长（每小时）', 10, 80, 1000);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists points_apply_movement, points_guard_balance, points_check_transfer, points_refuse_change cascade;`);
    this.addSql(`alter table "points_movement" drop constraint "points_movement_account_id_foreign";`);

    this.addSql(`alter table "points_redemption" drop constraint "points_redemption_account_id_foreign";`);

    this.addSql(`alter table "points_transfer" drop constraint "points_transfer_reverses_transfer_id_foreign";`);

    this.addSql(`alter table "points_movement" drop constraint "points_movement_transfer_id_foreign";`);

    this.addSql(`alter table "points_redemption" drop constraint "points_redemption_hold_transfer_id_foreign";`);

    this.addSql(`alter table "points_redemption" drop constraint "points_redemption_settle_transfer_id_foreign";`);

    this.addSql(`alter table "points_redemption" drop constraint "points_redemption_item_id_foreign";`);

    this.addSql(`drop table if exists "points_account" cascade;`);

    this.addSql(`drop table if exists "points_rule" cascade;`);

    this.addSql(`drop table if exists "points_transfer" cascade;`);

    this.addSql(`drop table if exists "points_movement" cascade;`);

    this.addSql(`drop table if exists "reward_item" cascade;`);

    this.addSql(`drop table if exists "points_redemption" cascade;`);

    this.addSql(`drop type "points_account_kind";`);
    this.addSql(`drop type "points_transfer_kind";`);
    this.addSql(`drop type "points_rule_key";`);
    this.addSql(`drop type "points_actor";`);
    this.addSql(`drop type "reward_channel";`);
    this.addSql(`drop type "redemption_status";`);
  }

}
