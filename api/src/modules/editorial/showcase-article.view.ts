import { Field, Int, ObjectType } from 'type-graphql';
import { DOCUMENT_COLUMNS, EditorialDocumentView } from './editorial-document.view';
import type { StrapiMedia } from './strapi-types';
import { Node } from '../../shared/node';

@ObjectType('ShowcaseArticle', { implements: Node, simpleResolvers: true, description: 'A showcase article (展播文章), e.g. episode 3 of 星级党群服务中心展播.' })
export class ShowcaseArticleView extends EditorialDocumentView {
  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  coverMedia!: StrapiMedia | null;

  @Field(() => String, { nullable: true, description: 'e.g. 星级党群服务中心展播' })
  series!: string | null;

  @Field(() => Int, { nullable: true })
  episode!: number | null;

  centreCodes!: string[];
  programmeDocumentIds!: string[];

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  author!: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date of the article (YYYY-MM-DD).' })
  publishedDate!: string | null;
}

/** A ShowcaseArticleView's columns in editorial_showcase_article: no body, no search text. */
export const SHOWCASE_ARTICLE_COLUMNS = {
  ...DOCUMENT_COLUMNS,
  slug: 'slug',
  title: 'title',
  summary: 'summary',
  coverMedia: 'cover_media',
  series: 'series',
  episode: 'episode',
  centreCodes: 'centre_codes',
  programmeDocumentIds: 'programme_document_ids',
  source: 'source',
  author: 'author',
  publishedDate: 'published_date',
} as const;
