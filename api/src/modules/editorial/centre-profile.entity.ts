import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { EditorialDocument } from './editorial-document';
import type { StrapiBlock, StrapiMedia } from './strapi-types';

@Entity({ tableName: 'editorial_centre_profile' })
@Unique({ properties: ['documentId', 'locale'] })
@Index({
  name: 'editorial_centre_profile_search_text_trgm',
  expression: 'create index "editorial_centre_profile_search_text_trgm" on "editorial_centre_profile" using gin ("search_text" gin_trgm_ops)',
})
@Index({ properties: ['centreCode', 'locale'] })
export class CentreProfile extends EditorialDocument {
  @Property({ type: 'text' })
  centreCode!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  summary?: string;

  /** Lazy: lists never read bodies; the body field loads them (editorial.loaders.ts bodyBlocksOf). */
  @Property({ type: 'jsonb', default: '[]', lazy: true })
  bodyBlocks: StrapiBlock[] = [];

  @Property({ type: 'jsonb', nullable: true })
  coverMedia?: StrapiMedia;

  @Property({ type: 'jsonb', default: '[]' })
  galleryMedia: StrapiMedia[] = [];

  @Property({ type: 'jsonb', default: '[]' })
  highlightItems: Array<{ label: string; value: number; unit?: string | null }> = [];

  @Property({ type: 'jsonb', nullable: true })
  seoData?: { metaTitle?: string | null; metaDescription?: string | null; shareImage?: StrapiMedia | null };

  @Property({ type: 'text[]', default: '{}' })
  programmeDocumentIds: string[] = [];
}
