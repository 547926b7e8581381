import { Migration } from '@mikro-orm/migrations';

export class Migration20261127222754_EditorialReadModel extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "editorial_brand_programme" ("id" serial primary key, "document_id" text not null, "locale" text not null, "published_at" timestamptz not null, "source_updated_at" timestamptz not null, "search_text" text not null default '', "slug" text not null, "name" text not null, "summary" text null, "body_blocks" jsonb not null default '[]', "module_items" jsonb not null default '[]', "logo_media" jsonb null, "centre_codes" text[] not null default '{}');`);
    this.addSql(`create index "editorial_brand_programme_centre_codes_idx" on "editorial_brand_programme" using gin ("centre_codes");`);
    this.addSql(`create index "editorial_brand_programme_slug_locale_index" on "editorial_brand_programme" ("slug", "locale");`);
    this.addSql(`alter table "editorial_brand_programme" add constraint "editorial_brand_programme_document_id_locale_unique" unique ("document_id", "locale");`);

    this.addSql(`create table "editorial_centre_profile" ("id" serial primary key, "document_id" text not null, "locale" text not null, "published_at" timestamptz not null, "source_updated_at" timestamptz not null, "search_text" text not null default '', "centre_code" text not null, "title" text not null, "summary" text null, "body_blocks" jsonb not null default '[]', "cover_media" jsonb null, "gallery_media" jsonb not null default '[]', "highlight_items" jsonb not null default '[]', "seo_data" jsonb null, "programme_document_ids" text[] not null default '{}');`);
    this.addSql(`create index "editorial_centre_profile_centre_code_locale_index" on "editorial_centre_profile" ("centre_code", "locale");`);
    this.addSql(`alter table "editorial_centre_profile" add constraint "editorial_centre_profile_document_id_locale_unique" unique ("document_id", "locale");`);

    this.addSql(`create table "editorial_showcase_article" ("id" serial primary key, "document_id" text not null, "locale" text not null, "published_at" timestamptz not null, "source_updated_at" timestamptz not null, "search_text" text not null default '', "slug" text not null, "title" text not null, "summary" text null, "body_blocks" jsonb not null default '[]', "cover_media" jsonb null, "series" text null, "episode" int null, "centre_codes" text[] not null default '{}', "programme_document_ids" text[] not null default '{}', "source" text null, "author" text null, "published_date" date null);`);
    this.addSql(`create index "editorial_showcase_article_centre_codes_idx" on "editorial_showcase_article" using gin ("centre_codes");`);
    this.addSql(`create index "editorial_showcase_article_slug_locale_index" on "editorial_showcase_article" ("slug", "locale");`);
    this.addSql(`alter table "editorial_showcase_article" add constraint "editorial_showcase_article_document_id_locale_unique" unique ("document_id", "locale");`);

    // Search (search.service.ts) matches substrings, which suits Chinese without word
    // segmentation; trigram indexes serve queries of three characters and more.
    this.addSql(`create extension if not exists pg_trgm;`);
    for (const table of ['editorial_centre_profile', 'editorial_brand_programme', 'editorial_showcase_article']) {
      this.addSql(`create index "${table}_search_text_trgm" on "${table}" using gin ("search_text" gin_trgm_ops);`);
    }
    this.addSql(`create index "centre_name_trgm" on "centre" using gin ("name" gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "centre_name_trgm";`);
    this.addSql(`drop table if exists "editorial_brand_programme" cascade;`);

    this.addSql(`drop table if exists "editorial_centre_profile" cascade;`);

    this.addSql(`drop table if exists "editorial_showcase_article" cascade;`);

  }

}
