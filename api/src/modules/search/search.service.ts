import type { Reader } from '../../db/read';
import { escapeLike, pgArray } from '../../db/sql';
import { badInput } from '../../errors/app-error';
import { subtreeSql } from '../../shared/region-subtree';
import { localesFor } from '../editorial/editorial.service';
import { escapeHtml } from '../editorial/rich-text';

export enum SearchHitType {
  CENTRE = 'CENTRE',
  CENTRE_PROFILE = 'CENTRE_PROFILE',
  BRAND_PROGRAMME = 'BRAND_PROGRAMME',
  SHOWCASE_ARTICLE = 'SHOWCASE_ARTICLE',
}

export interface SearchHitRow {
  type: SearchHitType;
  /** Centre code for centres and profiles, document id for programmes and articles. */
  key: string;
  title: string;
  score: number;
  snippet: string;
}

export interface SearchResult {
  totalCount: number;
  hits: SearchHitRow[];
}

const MAX_TERMS = 5;
const TITLE_WEIGHT = 10;
const SNIPPET_CONTEXT = 40;

/**
 * Substring search over centres and the editorial read model. Chinese has no spaces
 * between words, so a two-character word such as 调解 is found anywhere inside longer
 * text; space-separated terms must all match. Title hits rank above body hits.
 */
export async function search(read: Reader, { query, first, locale }: { query: string; first: number; locale: string }): Promise<SearchResult> {
  const terms = [...new Set(query.trim().split(/\s+/).filter(Boolean))].slice(0, MAX_TERMS);
  if (terms.length === 0) {
    throw badInput('query', 'must contain at least one non-space character.');
  }
  const patterns = terms.map((term) => `%${escapeLike(term)}%`);
  const matchAll = patterns.map(() => '(d.title ilike ? or d.body ilike ?)').join(' and ');
  const score = patterns.map(() => `(case when d.title ilike ? then ${TITLE_WEIGHT} else 0 end + case when d.body ilike ? then 1 else 0 end)`).join(' + ');
  const locales = pgArray(localesFor(locale));
  // `path` is the region of the centre a hit is about; a key's scope hides other regions' centres
  // (and every hit about no centre: its path is null).
  const scope = read.scope ? subtreeSql('d.path', read.scope.path) : { sql: 'true', params: [] };
  const localized = (table: string, key: string, title: string, type: SearchHitType, path: string) =>
    `select '${type}' as type, ${key} as key, ${title} as title, search_text as body, ${path} as path from (
       select distinct on (document_id) * from ${table} where locale = any(?::text[]) order by document_id, (locale = ?) desc
     ) ${table}`;
  const centrePath = (code: string) => `(select r.path from centre c join region r on r.code = c.region_code where c.code = ${code})`;
  const documents = [
    `select '${SearchHitType.CENTRE}' as type, c.code as key, c.name as title, coalesce(c.address, '') as body, r.path as path
       from centre c join region r on r.code = c.region_code`,
    localized('editorial_centre_profile', 'centre_code', 'title', SearchHitType.CENTRE_PROFILE, centrePath('centre_code')),
    localized('editorial_brand_programme', 'document_id', 'name', SearchHitType.BRAND_PROGRAMME, 'null::text'),
    localized('editorial_showcase_article', 'document_id', 'title', SearchHitType.SHOWCASE_ARTICLE, 'null::text'),
  ].join(' union all ');
  const sql = `select d.type, d.key, d.title, d.body, (${score}) as score, count(*) over () as total
    from (${documents}) d
    where ${matchAll} and ${scope.sql}
    order by score desc, d.type, d.title
    limit ?`;
  const params = [
    ...patterns.flatMap((pattern) => [pattern, pattern]),
    ...[0, 1, 2].flatMap(() => [locales, locale]),
    ...patterns.flatMap((pattern) => [pattern, pattern]),
    ...scope.params,
    first,
  ];
  const rows = await read.rows<{ type: SearchHitType; key: string; title: string; body: string; score: number; total: string }>(sql, params);
  return {
    totalCount: rows.length ? Number(rows[0]!.total) : 0,
    hits: rows.map((row) => ({
      type: row.type,
      key: row.key,
      title: row.title,
      score: Number(row.score),
      snippet: snippet(row.body || row.title, terms),
    })),
  };
}

/** A short window of text around the first match, escaped, with every term in <mark>. */
export function snippet(text: string, terms: string[]): string {
  const lower = text.toLowerCase();
  const positions = terms.map((term) => lower.indexOf(term.toLowerCase())).filter((index) => index >= 0);
  const first = positions.length ? Math.min(...positions) : 0;
  const start = Math.max(0, first - SNIPPET_CONTEXT);
  const end = Math.min(text.length, first + SNIPPET_CONTEXT * 2);
  const window = text.slice(start, end).replace(/\s+/g, ' ');
  const pattern = new RegExp(terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  let html = '';
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    html += `${escapeHtml(window.slice(last, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index! + match[0].length;
  }
  html += escapeHtml(window.slice(last));
  return `${start > 0 ? '…' : ''}${html}${end < text.length ? '…' : ''}`;
}
