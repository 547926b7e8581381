import { Field, ObjectType } from 'type-graphql';
import { DOCUMENT_COLUMNS, EditorialDocumentView } from './editorial-document.view';
import type { StrapiMedia } from './strapi-types';
import { Node } from '../../shared/node';

@ObjectType('CentreProfile', { implements: Node, simpleResolvers: true, description: "A centre's published profile from the CMS (中心简介)." })
export class CentreProfileView extends EditorialDocumentView {
  @Field()
  centreCode!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  coverMedia!: StrapiMedia | null;
  galleryMedia!: StrapiMedia[];
  highlightItems!: Array<{ label: string; value: number; unit?: string | null }>;
  seoData!: { metaTitle?: string | null; metaDescription?: string | null; shareImage?: StrapiMedia | null } | null;
  programmeDocumentIds!: string[];
}

/** A CentreProfileView's columns in editorial_centre_profile: no body, no search text. */
export const CENTRE_PROFILE_COLUMNS = {
  ...DOCUMENT_COLUMNS,
  centreCode: 'centre_code',
  title: 'title',
  summary: 'summary',
  coverMedia: 'cover_media',
  galleryMedia: 'gallery_media',
  highlightItems: 'highlight_items',
  seoData: 'seo_data',
  programmeDocumentIds: 'programme_document_ids',
} as const;
