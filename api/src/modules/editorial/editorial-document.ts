import { PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

export const EDITORIAL_LOCALES = ['zh-Hans', 'en'] as const;
export type EditorialLocale = (typeof EDITORIAL_LOCALES)[number];
export const DEFAULT_LOCALE: EditorialLocale = 'zh-Hans';

/**
 * What every editorial read-model row shares: one published Strapi document in one locale.
 * Rows are written only by the editorial sync (webhook and reconcile), never by clients.
 */
@ObjectType()
export abstract class EditorialDocument {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: "The document's id in the CMS (the same across its locales)." })
  @Property({ type: 'text' })
  documentId!: string;

  @Field({ name: 'resolvedLocale', description: 'The locale of this content: the one asked for, or zh-Hans when that translation is missing.' })
  @Property({ type: 'text' })
  locale!: string;

  @Field({ description: 'When the CMS published this version.' })
  @Property({ type: 'timestamptz' })
  publishedAt!: Date;

  /** The CMS's updatedAt: the reconcile pass compares it to spot changes. */
  @Property({ type: 'timestamptz' })
  sourceUpdatedAt!: Date;

  /** Plain text of title, summary and body, for search. */
  @Property({ type: 'text', default: '' })
  searchText: string = '';
}
