import { Tags } from '../../cache/cache-tags';
import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import type { Page } from '../../shared/pagination';
import { subtreeSqlOf } from '../../shared/region-subtree';
import { toFullRegionCode } from '../region/region.service';
import { BRAND_PROGRAMME_COLUMNS, type BrandProgrammeView } from './brand-programme.view';
import { DEFAULT_LOCALE } from './editorial-document';
import { columnList, selectList, toDocumentView, type ViewColumns } from './editorial-document.view';
import { articlesNewestFirstSql } from './showcase-article.entity';
import { SHOWCASE_ARTICLE_COLUMNS, type ShowcaseArticleView } from './showcase-article.view';

export interface ArticleQuery {
  centreCode?: string;
  regionCode?: string;
  programme?: string;
  series?: string;
  stars?: number[];
  locale: string;
  first: number;
  offset: number;
}

/** The locales to read for a request, in order of preference. */
export function localesFor(locale: string): string[] {
  return locale === DEFAULT_LOCALE ? [DEFAULT_LOCALE] : [locale, DEFAULT_LOCALE];
}

/**
 * A sub-select `(…) alias` of one row per document among `table`'s rows (aliased `e`) that
 * match `where`: the requested locale where it exists, zh-Hans otherwise. It keeps the view's
 * columns under their own names; select them with `selectList(alias, columns)`.
 * Its parameters: the `where` ones, then `localeParams(locale)`.
 */
export function preferredLocaleFrom(table: string, columns: ViewColumns, where: string, alias: string): string {
  return `(select distinct on (e.document_id) ${columnList('e', columns)} from ${table} e
    where ${where} and e.locale = any(?::text[]) order by e.document_id, (e.locale = ?) desc) ${alias}`;
}

export function localeParams(locale: string): [string, string] {
  return [pgArray(localesFor(locale)), locale];
}

export const programmeTag = (programme: { documentId: string }) => Tags.programme(programme.documentId);
export const articleTag = (article: { documentId: string }) => Tags.article(article.documentId);

export async function findProgrammeBySlug(read: Reader, slug: string, locale: string): Promise<BrandProgrammeView | null> {
  const rows = await read.rows<Record<string, unknown>>(
    `select ${selectList('p', BRAND_PROGRAMME_COLUMNS)} from ${preferredLocaleFrom('editorial_brand_programme', BRAND_PROGRAMME_COLUMNS, 'e.slug = ?', 'p')} limit 1`,
    [slug, ...localeParams(locale)],
  );
  const programme = rows[0] ? toDocumentView<BrandProgrammeView>(rows[0]) : null;
  if (programme) read.tag(programmeTag(programme));
  return programme;
}

export async function findArticleBySlug(read: Reader, slug: string, locale: string): Promise<ShowcaseArticleView | null> {
  const rows = await read.rows<Record<string, unknown>>(
    `select ${selectList('a', SHOWCASE_ARTICLE_COLUMNS)} from ${preferredLocaleFrom('editorial_showcase_article', SHOWCASE_ARTICLE_COLUMNS, 'e.slug = ?', 'a')} limit 1`,
    [slug, ...localeParams(locale)],
  );
  const article = rows[0] ? toDocumentView<ShowcaseArticleView>(rows[0]) : null;
  if (article) read.tag(articleTag(article));
  return article;
}

/**
 * Articles across both sources: editorial fields from the read model, and the region and
 * current star rating of the centres they feature from the operational tables. One statement
 * for the page (one row past it tells whether more follow) and one for the count, only when
 * the caller selected `totalCount`.
 */
export async function listArticles(read: Reader, query: ArticleQuery, withTotalCount = true): Promise<Page<ShowcaseArticleView>> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (query.centreCode) {
    conditions.push('? = any(a.centre_codes)');
    params.push(query.centreCode);
  }
  if (query.regionCode) {
    conditions.push(`exists (select 1 from centre c join region r on r.code = c.region_code join region root on root.code = ?
      where c.code = any(a.centre_codes) and ${subtreeSqlOf('r.path', 'root.path')})`);
    params.push(toFullRegionCode(query.regionCode));
  }
  if (query.programme) {
    conditions.push('exists (select 1 from editorial_brand_programme p where p.slug = ? and p.document_id = any(a.programme_document_ids))');
    params.push(query.programme);
  }
  if (query.series) {
    conditions.push('a.series = ?');
    params.push(query.series);
  }
  if (query.stars?.length) {
    // The current rating is each centre's latest year.
    conditions.push(`exists (select 1 from unnest(a.centre_codes) featured(code)
      join lateral (select stars from rating_result rr where rr.centre_code = featured.code order by rr.year desc limit 1) current on true
      where current.stars = any(?::int[]))`);
    params.push(pgArray(query.stars));
  }
  // The locale is chosen per document first; the conditions then apply to the chosen row.
  const from = `${preferredLocaleFrom('editorial_showcase_article', SHOWCASE_ARTICLE_COLUMNS, 'true', 'a')} ${conditions.length ? `where ${conditions.join(' and ')}` : ''}`;
  const fromParams = [...localeParams(query.locale), ...params];
  const fetch = withTotalCount ? query.first : query.first + 1;
  const [rows, count] = await Promise.all([
    fetch === 0
      ? Promise.resolve([])
      : read.rows<Record<string, unknown>>(`select ${selectList('a', SHOWCASE_ARTICLE_COLUMNS)} from ${from} order by ${articlesNewestFirstSql('a')} limit ? offset ?`, [
          ...fromParams,
          fetch,
          query.offset,
        ]),
    withTotalCount ? read.rows<{ count: string }>(`select count(*) as count from ${from}`, fromParams) : Promise.resolve(undefined),
  ]);
  const items = rows.slice(0, query.first).map((row) => toDocumentView<ShowcaseArticleView>(row));
  for (const article of items) read.tag(articleTag(article));
  return count ? { items, totalCount: Number(count[0]!.count), offset: query.offset } : { items, totalCount: -1, offset: query.offset, hasNextPage: rows.length > query.first };
}
