import DataLoader from 'dataloader';
import { Tags } from '../../cache/cache-tags';
import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { rowPagesByKey } from '../../shared/keyed-pages';
import { type LoaderOptions, loaderCache } from '../../shared/loader';
import type { Page } from '../../shared/pagination';
import { BRAND_PROGRAMME_COLUMNS, type BrandProgrammeView } from './brand-programme.view';
import { CENTRE_PROFILE_COLUMNS, type CentreProfileView } from './centre-profile.view';
import { type EditorialDocumentView, selectList, toDocumentView, type ViewColumns } from './editorial-document.view';
import { articleTag, localeParams, preferredLocaleFrom, programmeTag } from './editorial.service';
import { articlesNewestFirstSql } from './showcase-article.entity';
import { SHOWCASE_ARTICLE_COLUMNS, type ShowcaseArticleView } from './showcase-article.view';
import type { StrapiBlock } from './strapi-types';

/** Loader keys carry the locale: `${locale}|${key}`. */
export const localizedKey = (locale: string, key: string) => `${locale}|${key}`;

/** A page of a centre's articles: loaders are shared by the fields that ask for the same page. */
export interface ArticlePageArgs {
  locale: string;
  first: number;
  offset: number;
  withTotalCount: boolean;
}

const PROFILES = 'editorial_centre_profile';
const PROGRAMMES = 'editorial_brand_programme';
const ARTICLES = 'editorial_showcase_article';

export function createEditorialLoaders(read: Reader, options: LoaderOptions) {
  /** Views of one table for the given keys, in the preferred locale, tagged as they load. */
  const localizedRows = async <V extends EditorialDocumentView>(
    table: string,
    columns: ViewColumns,
    where: string,
    keys: string[],
    locale: string,
    tagOf: (view: V) => string,
    orderSql = '',
  ): Promise<V[]> => {
    const rows = await read.rows<Record<string, unknown>>(`select ${selectList('d', columns)} from ${preferredLocaleFrom(table, columns, where, 'd')} ${orderSql}`, [
      pgArray(keys),
      ...localeParams(locale),
    ]);
    const views = rows.map((row) => toDocumentView<V>(row));
    for (const view of views) read.tag(tagOf(view));
    return views;
  };
  const pages = loaderCache();
  return {
    profileByCentreCode: localizedLoader(async (codes, locale) => {
      const rows = await localizedRows<CentreProfileView>(PROFILES, CENTRE_PROFILE_COLUMNS, 'e.centre_code = any(?::text[])', codes, locale, (profile) =>
        Tags.centre(profile.centreCode),
      );
      return groupByCodes(codes, rows, (row) => [row.centreCode]).map((group) => group[0] ?? null);
    }, options),
    /** Programmes listing each centre, by slug. */
    programmesByCentreCode: localizedLoader(async (codes, locale) => {
      // Without each programme's whole centre list (≈ 25 codes a row, most of what a row weighs):
      // only the batch's codes it lists, for grouping. `BrandProgramme.centres` reads the rest.
      const { centreCodes: _all, ...columns } = BRAND_PROGRAMME_COLUMNS;
      const rows = await read.rows<BrandProgrammeView & { pageCodes: string[] }>(
        `select ${selectList('d', columns)}, array(select code from unnest(d.centre_codes) code where code = any(?::text[])) as "pageCodes"
          from ${preferredLocaleFrom(PROGRAMMES, BRAND_PROGRAMME_COLUMNS, 'e.centre_codes && ?::text[]', 'd')} order by d.slug`,
        [pgArray(codes), pgArray(codes), ...localeParams(locale)],
        programmeTag,
      );
      const views = rows.map((row) => toDocumentView<BrandProgrammeView & { pageCodes: string[] }>(row));
      return groupByCodes(codes, views, (view) => view.pageCodes);
    }, options),
    /**
     * One page of each centre's articles, newest first (articlesNewestFirstSql), paged in SQL
     * for every centre of the request in one statement.
     */
    articlesByCentreCode: ({ locale, first, offset, withTotalCount }: ArticlePageArgs): DataLoader<string, Page<ShowcaseArticleView>> =>
      pages(`articles|${locale}|${first}|${offset}|${withTotalCount}`, () =>
        rowPagesByKey<Record<string, unknown>, ShowcaseArticleView>(
          read,
          {
            keySql: 'featured.code',
            columns: selectList('a', SHOWCASE_ARTICLE_COLUMNS),
            // Each centre's articles found through the GIN index, one probe per code: `centre_codes &&`
            // over a 100-code list is an array compare per row, a seq scan that grew tenfold with the data.
            from: (codes) => ({
              sql: `unnest(?::text[]) featured(code) cross join lateral ${preferredLocaleFrom(ARTICLES, SHOWCASE_ARTICLE_COLUMNS, 'e.centre_codes @> array[featured.code]', 'a')}`,
              params: [pgArray(codes), ...localeParams(locale)],
            }),
            orderSql: articlesNewestFirstSql('a'),
            first,
            offset,
            withTotalCount,
            map: (row) => toDocumentView<ShowcaseArticleView>(row),
            tagOf: articleTag,
          },
          options,
        ),
      ),
    articleByDocumentId: localizedLoader(async (ids, locale) => {
      const rows = await localizedRows<ShowcaseArticleView>(ARTICLES, SHOWCASE_ARTICLE_COLUMNS, 'e.document_id = any(?::text[])', ids, locale, articleTag);
      return groupByCodes(ids, rows, (row) => [row.documentId]).map((group) => group[0] ?? null);
    }, options),
    programmeByDocumentId: localizedLoader(async (ids, locale) => {
      const rows = await localizedRows<BrandProgrammeView>(PROGRAMMES, BRAND_PROGRAMME_COLUMNS, 'e.document_id = any(?::text[])', ids, locale, programmeTag);
      return groupByCodes(ids, rows, (row) => [row.documentId]).map((group) => group[0] ?? null);
    }, options),
    /** Bodies, read only for the documents whose `body` is asked for: the body column alone, by row id. */
    profileBodyById: bodyLoader(read, PROFILES, options),
    programmeBodyById: bodyLoader(read, PROGRAMMES, options),
    articleBodyById: bodyLoader(read, ARTICLES, options),
  };
}

function bodyLoader(read: Reader, table: string, { batch }: LoaderOptions) {
  return new DataLoader<number, StrapiBlock[]>(
    async (ids) => {
      const rows = await read.rows<{ id: number; body: StrapiBlock[] }>(`select id, body_blocks as body from ${table} where id = any(?::int[])`, [pgArray(ids)]);
      const byId = new Map(rows.map((row) => [row.id, row.body] as const));
      return ids.map((id) => byId.get(id) ?? []);
    },
    { batch },
  );
}

/**
 * A DataLoader over `${locale}|${key}` keys: one query per locale present in the batch
 * (almost always one), each returning a value per key in key order.
 */
function localizedLoader<V>(fetch: (keys: string[], locale: string) => Promise<V[]>, { batch }: LoaderOptions) {
  return new DataLoader<string, V>(
    async (compositeKeys) => {
      const byLocale = new Map<string, string[]>();
      for (const compositeKey of compositeKeys) {
        const [locale, key] = splitKey(compositeKey);
        const keys = byLocale.get(locale);
        if (keys) keys.push(key);
        else byLocale.set(locale, [key]);
      }
      const results = new Map<string, V>();
      for (const [locale, keys] of byLocale) {
        const values = await fetch(keys, locale);
        keys.forEach((key, index) => results.set(localizedKey(locale, key), values[index]!));
      }
      return compositeKeys.map((compositeKey) => results.get(compositeKey)!);
    },
    { batch },
  );
}

/** Rows per key, in row order, in one pass (a document may name many centres). */
function groupByCodes<R>(codes: string[], rows: R[], codesOf: (row: R) => string[]): R[][] {
  const groups = new Map<string, R[]>(codes.map((code) => [code, []]));
  for (const row of rows) {
    for (const code of codesOf(row)) groups.get(code)?.push(row);
  }
  return codes.map((code) => groups.get(code)!);
}

function splitKey(compositeKey: string): [string, string] {
  const separator = compositeKey.indexOf('|');
  return [compositeKey.slice(0, separator), compositeKey.slice(separator + 1)];
}
