import { Field, ObjectType } from 'type-graphql';
import { DOCUMENT_COLUMNS, EditorialDocumentView } from './editorial-document.view';
import type { StrapiMedia } from './strapi-types';
import { Node } from '../../shared/node';

@ObjectType('BrandProgramme', { implements: Node, simpleResolvers: true, description: 'A service brand such as 六心服务 or 仪凤公开课 (服务品牌).' })
export class BrandProgrammeView extends EditorialDocumentView {
  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  moduleItems!: Array<{ name: string; description?: string | null }>;
  logoMedia!: StrapiMedia | null;
  /** Absent on programmes read for a centre's list (`programmesByCentreCode`), which leave the whole list out. */
  centreCodes?: string[];
}

/** A BrandProgrammeView's columns in editorial_brand_programme: no body, no search text. */
export const BRAND_PROGRAMME_COLUMNS = {
  ...DOCUMENT_COLUMNS,
  slug: 'slug',
  name: 'name',
  summary: 'summary',
  moduleItems: 'module_items',
  logoMedia: 'logo_media',
  centreCodes: 'centre_codes',
} as const;
