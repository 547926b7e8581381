import { Tags } from '../../cache/cache-tags';
import type { Reader } from '../../db/read';
import { findCentre } from '../centre/centre.service';
import { BRAND_PROGRAMME_COLUMNS, type BrandProgrammeView } from './brand-programme.view';
import { CENTRE_PROFILE_COLUMNS, type CentreProfileView } from './centre-profile.view';
import { type EditorialDocumentView, selectList, toDocumentView, type ViewColumns } from './editorial-document.view';
import { SHOWCASE_ARTICLE_COLUMNS, type ShowcaseArticleView } from './showcase-article.view';

/**
 * The document in exactly the locale its global id names (`documentKey`: `<documentId>:<locale>`),
 * or null. Unlike the loaders, no fallback to zh-Hans: that would be another object, with another id.
 */
async function findDocument<V extends EditorialDocumentView>(read: Reader, table: string, columns: ViewColumns, key: string, tagOf: (view: V) => string): Promise<V | null> {
  const colon = key.lastIndexOf(':');
  if (colon <= 0) return null;
  const [row] = await read.rows<V>(
    `select ${selectList('d', columns)} from ${table} d where d.document_id = ? and d.locale = ?`,
    [key.slice(0, colon), key.slice(colon + 1)],
    tagOf,
  );
  return row ? toDocumentView<V>(row) : null;
}

/** A profile, only when its centre is one the caller can see (a key limited to a region sees none outside it). */
export async function findProfile(key: string, { read }: { read: Reader }): Promise<CentreProfileView | null> {
  const profile = await findDocument<CentreProfileView>(read, 'editorial_centre_profile', CENTRE_PROFILE_COLUMNS, key, (view) => Tags.centre(view.centreCode));
  return profile && (await findCentre(read, profile.centreCode)) ? profile : null;
}

export function findProgramme(key: string, { read }: { read: Reader }): Promise<BrandProgrammeView | null> {
  return findDocument<BrandProgrammeView>(read, 'editorial_brand_programme', BRAND_PROGRAMME_COLUMNS, key, (view) => Tags.programme(view.documentId));
}

export function findArticle(key: string, { read }: { read: Reader }): Promise<ShowcaseArticleView | null> {
  return findDocument<ShowcaseArticleView>(read, 'editorial_showcase_article', SHOWCASE_ARTICLE_COLUMNS, key, (view) => Tags.article(view.documentId));
}
