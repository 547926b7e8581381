import { Entity, Formula, Index, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { EditorialDocument } from './editorial-document';
import type { StrapiBlock, StrapiMedia } from './strapi-types';

/**
 * The day an article is listed under, newest first: its own date, or for an article published
 * without one, the day it was published in China. One spelling for every list (SQL and ORM).
 */
export function articleDaySql(alias: string): string {
  return `coalesce(${alias}.published_date, (${alias}.published_at at time zone 'Asia/Shanghai')::date)`;
}

/** Newest first: by the listed day, then by the moment of publication. */
export function articlesNewestFirstSql(alias: string): string {
  return `${articleDaySql(alias)} desc, ${alias}.published_at desc, ${alias}.id desc`;
}

@ObjectType({ description: 'A showcase article (展播文章), e.g. episode 3 of 星级党群服务中心展播.' })
@Entity({ tableName: 'editorial_showcase_article' })
@Unique({ properties: ['documentId', 'locale'] })
@Index({ name: 'editorial_showcase_article_search_text_trgm', expression: 'create index "editorial_showcase_article_search_text_trgm" on "editorial_showcase_article" using gin ("search_text" gin_trgm_ops)' })
@Index({ properties: ['slug', 'locale'] })
@Index({ name: 'editorial_showcase_article_centre_codes_idx', expression: 'create index "editorial_showcase_article_centre_codes_idx" on "editorial_showcase_article" using gin ("centre_codes")' })
export class ShowcaseArticle extends EditorialDocument {
  @Field()
  @Property({ type: 'text' })
  slug!: string;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  summary?: string;

  /** Lazy: lists never read bodies; the body field loads them (editorial.loaders.ts bodyBlocksOf). */
  @Property({ type: 'jsonb', default: '[]', lazy: true })
  bodyBlocks: StrapiBlock[] = [];

  @Property({ type: 'jsonb', nullable: true })
  coverMedia?: StrapiMedia;

  @Field({ nullable: true, description: 'e.g. 星级党群服务中心展播' })
  @Property({ type: 'text', nullable: true })
  series?: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  episode?: number;

  @Property({ type: 'text[]', default: '{}' })
  centreCodes: string[] = [];

  @Property({ type: 'text[]', default: '{}' })
  programmeDocumentIds: string[] = [];

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  source?: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  author?: string;

  @Field({ nullable: true, description: 'Publication date of the article (YYYY-MM-DD).' })
  @Property({ type: 'date', nullable: true })
  publishedDate?: string;

  /** For ordering only (see articleDaySql); not a column. */
  @Formula((table) => articleDaySql(table.alias))
  listedDay?: string;
}
