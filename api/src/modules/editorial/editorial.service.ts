import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../db/sql';
import type { Page } from '../../shared/pagination';
import { toFullRegionCode } from '../region/region.service';
import { BrandProgramme } from './brand-programme.entity';
import { DEFAULT_LOCALE, type EditorialDocument } from './editorial-document';
import { articlesNewestFirstSql, ShowcaseArticle } from './showcase-article.entity';

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

/** One row per document: the requested locale where it exists, zh-Hans otherwise. */
export function preferLocale<T extends EditorialDocument>(rows: T[], locale: string): T[] {
  const chosen = new Map<string, T>();
  for (const row of rows) {
    const current = chosen.get(row.documentId);
    if (!current || (row.locale === locale && current.locale !== locale)) {
      chosen.set(row.documentId, row);
    }
  }
  return rows.filter((row) => chosen.get(row.documentId) === row);
}

export async function findProgrammeBySlug(em: EntityManager, slug: string, locale: string): Promise<BrandProgramme | null> {
  const rows = await em.find(BrandProgramme, { slug, locale: { $in: localesFor(locale) } });
  return preferLocale(rows, locale)[0] ?? null;
}

export async function findArticleBySlug(em: EntityManager, slug: string, locale: string): Promise<ShowcaseArticle | null> {
  const rows = await em.find(ShowcaseArticle, { slug, locale: { $in: localesFor(locale) } });
  return preferLocale(rows, locale)[0] ?? null;
}

/**
 * Articles across both sources: editorial fields from the read model, and the region and
 * current star rating of the centres they feature from the operational tables.
 */
export async function listArticles(em: EntityManager, query: ArticleQuery): Promise<Page<ShowcaseArticle>> {
  const conditions: string[] = [];
  const params: unknown[] = [query.locale, pgArray(localesFor(query.locale))];
  if (query.centreCode) {
    conditions.push('? = any(a.centre_codes)');
    params.push(query.centreCode);
  }
  if (query.regionCode) {
    conditions.push(`exists (select 1 from centre c join region r on r.code = c.region_code
      where c.code = any(a.centre_codes) and r.path like (select path from region where code = ?) || '%')`);
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
  const localized = `select distinct on (document_id) * from editorial_showcase_article
    where locale = any(?::text[]) order by document_id, (locale = ?) desc`;
  const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
  const base = `with a as (${localized}) select a.* from a ${where}`;
  // The CTE reads the locale list first, then the preferred locale.
  const cteParams = [params[1], params[0], ...params.slice(2)];
  const connection = em.getConnection();
  // Inside a transaction (a staff write, a test), read what it has written too.
  const transaction = em.getTransactionContext();
  const [rows, [count]] = await Promise.all([
    query.first === 0
      ? Promise.resolve([])
      : connection.execute<Record<string, unknown>[]>(`${base} order by ${articlesNewestFirstSql('a')} limit ? offset ?`, [...cteParams, query.first, query.offset], 'all', transaction),
    connection.execute<Array<{ count: number }>>(`select count(*)::int as count from (${base}) counted`, cteParams, 'all', transaction),
  ]);
  return { items: rows.map((row) => em.map(ShowcaseArticle, row)), totalCount: count!.count, offset: query.offset };
}
