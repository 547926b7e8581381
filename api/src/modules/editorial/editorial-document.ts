import { PrimaryKey, Property } from '@mikro-orm/core';

export const EDITORIAL_LOCALES = ['zh-Hans', 'en'] as const;
export type EditorialLocale = (typeof EDITORIAL_LOCALES)[number];
export const DEFAULT_LOCALE: EditorialLocale = 'zh-Hans';

/**
 * What every editorial read-model row shares: one published Strapi document in one locale.
 * Rows are written only by the editorial sync (webhook and reconcile), never by clients.
 */
export abstract class EditorialDocument {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text' })
  documentId!: string;

  @Property({ type: 'text' })
  locale!: string;

  @Property({ type: 'timestamptz' })
  publishedAt!: Date;

  /** The CMS's updatedAt: the reconcile pass compares it to spot changes. */
  @Property({ type: 'timestamptz' })
  sourceUpdatedAt!: Date;

  /** Plain text of title, summary and body, for search. */
  @Property({ type: 'text', default: '' })
  searchText: string = '';
}
