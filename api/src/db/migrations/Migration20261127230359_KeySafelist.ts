import { Migration } from '@mikro-orm/migrations';

export class Migration20261127230359_KeySafelist extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "api_key" add column "safelist_only" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_key" drop column "safelist_only";`);
  }

}
