import { BrandProgramme } from './brand-programme.entity';
import { CentreProfile } from './centre-profile.entity';
import type { EditorialDocument } from './editorial-document';
import { blocksToText } from './rich-text';
import { ShowcaseArticle } from './showcase-article.entity';
import type { StrapiBlock, StrapiDocument, StrapiMedia } from './strapi-types';

/** How one CMS content type maps to its read-model table. */
export interface EditorialType<E extends EditorialDocument = EditorialDocument> {
  uid: string;
  plural: string;
  entity: new () => E;
  /** Explicit populate: exactly what the read model stores, never a deep populate. */
  populate: string;
  toRow(document: StrapiDocument): Partial<E>;
}

const documentIds = (value: unknown) => (Array.isArray(value) ? value.map((item: { documentId?: string }) => item.documentId).filter((id): id is string => !!id) : []);
const centreCodes = (value: unknown) => (Array.isArray(value) ? value.map((item: { centreCode?: string }) => item.centreCode).filter((code): code is string => !!code) : []);
const blocks = (value: unknown) => (Array.isArray(value) ? (value as StrapiBlock[]) : []);
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function common(document: StrapiDocument, searchParts: unknown[]) {
  return {
    documentId: document.documentId,
    locale: document.locale,
    publishedAt: new Date(document.publishedAt ?? document.updatedAt),
    sourceUpdatedAt: new Date(document.updatedAt),
    searchText: searchParts.filter((part) => typeof part === 'string' && part !== '').join('\n'),
  };
}

export const CENTRE_PROFILE_TYPE: EditorialType<CentreProfile> = {
  uid: 'api::centre-profile.centre-profile',
  plural: 'centre-profiles',
  entity: CentreProfile,
  populate: 'populate[cover]=true&populate[gallery]=true&populate[highlights]=true&populate[seo][populate][0]=shareImage&populate[brandProgrammes][fields][0]=documentId',
  toRow: (document) => ({
    ...common(document, [document.title, document.summary, blocksToText(blocks(document.body))]),
    centreCode: String(document.centreCode),
    title: String(document.title),
    summary: text(document.summary),
    bodyBlocks: blocks(document.body),
    coverMedia: (document.cover as StrapiMedia | null) ?? undefined,
    galleryMedia: (document.gallery as StrapiMedia[] | null) ?? [],
    highlightItems: ((document.highlights as Array<{ label: string; value: number; unit?: string }>) ?? []).map(({ label, value, unit }) => ({
      label,
      value: Number(value),
      unit,
    })),
    seoData: (document.seo as CentreProfile['seoData']) ?? undefined,
    programmeDocumentIds: documentIds(document.brandProgrammes),
  }),
};

export const BRAND_PROGRAMME_TYPE: EditorialType<BrandProgramme> = {
  uid: 'api::brand-programme.brand-programme',
  plural: 'brand-programmes',
  entity: BrandProgramme,
  populate: 'populate[modules]=true&populate[logo]=true&populate[centres]=true',
  toRow: (document) => {
    const modules = ((document.modules as Array<{ name: string; description?: string }>) ?? []).map(({ name, description }) => ({ name, description }));
    return {
      ...common(document, [document.name, document.summary, blocksToText(blocks(document.body)), ...modules.flatMap((m) => [m.name, m.description])]),
      slug: String(document.slug),
      name: String(document.name),
      summary: text(document.summary),
      bodyBlocks: blocks(document.body),
      moduleItems: modules,
      logoMedia: (document.logo as StrapiMedia | null) ?? undefined,
      centreCodes: centreCodes(document.centres),
    };
  },
};

export const SHOWCASE_ARTICLE_TYPE: EditorialType<ShowcaseArticle> = {
  uid: 'api::showcase-article.showcase-article',
  plural: 'showcase-articles',
  entity: ShowcaseArticle,
  populate: 'populate[cover]=true&populate[centres]=true&populate[brandProgrammes][fields][0]=documentId',
  toRow: (document) => ({
    ...common(document, [document.title, document.summary, blocksToText(blocks(document.body))]),
    slug: String(document.slug),
    title: String(document.title),
    summary: text(document.summary),
    bodyBlocks: blocks(document.body),
    coverMedia: (document.cover as StrapiMedia | null) ?? undefined,
    series: text(document.series),
    episode: typeof document.episode === 'number' ? document.episode : undefined,
    centreCodes: centreCodes(document.centres),
    programmeDocumentIds: documentIds(document.brandProgrammes),
    source: text(document.source),
    author: text(document.author),
    publishedDate: text(document.publishedDate),
  }),
};

export const EDITORIAL_TYPES: EditorialType[] = [CENTRE_PROFILE_TYPE, BRAND_PROGRAMME_TYPE, SHOWCASE_ARTICLE_TYPE] as EditorialType[];

export function editorialTypeByUid(uid: unknown): EditorialType | undefined {
  return EDITORIAL_TYPES.find((type) => type.uid === uid);
}
