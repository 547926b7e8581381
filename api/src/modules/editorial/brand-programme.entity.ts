import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { EditorialDocument } from './editorial-document';
import type { StrapiBlock, StrapiMedia } from './strapi-types';

@Entity({ tableName: 'editorial_brand_programme' })
@Unique({ properties: ['documentId', 'locale'] })
@Index({
  name: 'editorial_brand_programme_search_text_trgm',
  expression: 'create index "editorial_brand_programme_search_text_trgm" on "editorial_brand_programme" using gin ("search_text" gin_trgm_ops)',
})
@Index({ properties: ['slug', 'locale'] })
@Index({
  name: 'editorial_brand_programme_centre_codes_idx',
  expression: 'create index "editorial_brand_programme_centre_codes_idx" on "editorial_brand_programme" using gin ("centre_codes")',
})
export class BrandProgramme extends EditorialDocument {
  @Property({ type: 'text' })
  slug!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  summary?: string;

  /** Lazy: lists never read bodies; the body field loads them (editorial.loaders.ts bodyBlocksOf). */
  @Property({ type: 'jsonb', default: '[]', lazy: true })
  bodyBlocks: StrapiBlock[] = [];

  @Property({ type: 'jsonb', default: '[]' })
  moduleItems: Array<{ name: string; description?: string | null }> = [];

  @Property({ type: 'jsonb', nullable: true })
  logoMedia?: StrapiMedia;

  @Property({ type: 'text[]', default: '{}' })
  centreCodes: string[] = [];
}
