import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { EditorialDocument } from './editorial-document';
import type { StrapiBlock, StrapiMedia } from './strapi-types';

/**
 * The day an article is listed under, newest first: its own date, or for an article published
 * without one, the day it was published in China. One spelling for every list (articles, a centre's).
 */
export function articleDaySql(alias: string): string {
  return `coalesce(${alias}.published_date, (${alias}.published_at at time zone 'Asia/Shanghai')::date)`;
}

/** Newest first: by the listed day, then by the moment of publication. */
export function articlesNewestFirstSql(alias: string): string {
  return `${articleDaySql(alias)} desc, ${alias}.published_at desc, ${alias}.id desc`;
}

@Entity({ tableName: 'editorial_showcase_article' })
@Unique({ properties: ['documentId', 'locale'] })
@Index({
  name: 'editorial_showcase_article_search_text_trgm',
  expression: 'create index "editorial_showcase_article_search_text_trgm" on "editorial_showcase_article" using gin ("search_text" gin_trgm_ops)',
})
@Index({ properties: ['slug', 'locale'] })
@Index({
  name: 'editorial_showcase_article_centre_codes_idx',
  expression: 'create index "editorial_showcase_article_centre_codes_idx" on "editorial_showcase_article" using gin ("centre_codes")',
})
export class ShowcaseArticle extends EditorialDocument {
  @Property({ type: 'text' })
  slug!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  summary?: string;

  /** Lazy: lists never read bodies; the body field loads them (editorial.loaders.ts bodyBlocksOf). */
  @Property({ type: 'jsonb', default: '[]', lazy: true })
  bodyBlocks: StrapiBlock[] = [];

  @Property({ type: 'jsonb', nullable: true })
  coverMedia?: StrapiMedia;

  @Property({ type: 'text', nullable: true })
  series?: string;

  @Property({ type: 'integer', nullable: true })
  episode?: number;

  @Property({ type: 'text[]', default: '{}' })
  centreCodes: string[] = [];

  @Property({ type: 'text[]', default: '{}' })
  programmeDocumentIds: string[] = [];

  @Property({ type: 'text', nullable: true })
  source?: string;

  @Property({ type: 'text', nullable: true })
  author?: string;

  @Property({ type: 'date', nullable: true })
  publishedDate?: string;
}
