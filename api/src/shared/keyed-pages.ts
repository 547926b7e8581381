import DataLoader from 'dataloader';
import type { Reader } from '../db/read';
import type { LoaderOptions } from './loader';
import type { Page } from './pagination';

/** One page per key on plain rows (rowPagesByKey): the SQL pieces of its statement. */
export interface RowPageQuery<R, V = R> {
  /** SQL expression of the key a row is paged under, e.g. `e.centre_code` (compared as text). */
  keySql: string;
  /** The select list, aliased to the view's properties (`e.title, e.centre_code as "centreCode"`). */
  columns: string;
  /**
   * `<tables> where <conditions>` for the batch's keys, with its `?` parameters. The caller
   * restricts rows to the keys itself, where an index can use them (`e.centre_code = any(?::text[])`).
   */
  from(keys: readonly string[]): { sql: string; params: readonly unknown[] };
  /** Order inside each key, ending in a unique column. */
  orderSql: string;
  first: number;
  offset: number;
  /**
   * Read each key's last row too, so the total is known even for an empty page. Without it,
   * one row past the page tells whether more follow (`totalCount` -1, `hasNextPage` set).
   */
  withTotalCount: boolean;
  /** Turns a row into its view (numbers from bigint text, dates…); rows are the views without it. */
  map?: (row: R) => V;
  /** The cache tag of a row shown (only the page's rows are tagged, not one read past it). */
  tagOf?: (view: V) => string;
}

/**
 * The plain-row pagesByKey: one page of rows per key for many keys in one statement, with
 * row_number() and count(*) over each key's rows (the count shares the numbering's sort).
 * No entity is made: rows come back as the select list names them.
 */
export function rowPagesByKey<R extends object, V = R>(read: Reader, query: RowPageQuery<R, V>, { batch }: LoaderOptions = { batch: true }) {
  return new DataLoader<string, Page<V>>(
    async (keys) => {
      const pages = new Map<string, Page<V>>(
        keys.map((key) => [
          key,
          query.withTotalCount ? { items: [], totalCount: 0, offset: query.offset } : { items: [], totalCount: -1, offset: query.offset, hasNextPage: false },
        ]),
      );
      const last = query.offset + query.first;
      const from = query.from(keys);
      const wanted = query.withTotalCount ? '(p.page_row > ? and p.page_row <= ?) or p.page_row = p.page_total' : 'p.page_row > ? and p.page_row <= ?';
      const rows = await read.rows<R & { page_key: string; page_total: string; page_row: string }>(
        `select * from (
          select ${query.columns}, (${query.keySql})::text as page_key, count(*) over (partition by ${query.keySql}) as page_total,
            row_number() over (partition by ${query.keySql} order by ${query.orderSql}) as page_row
          from ${from.sql}
        ) p where ${wanted} order by p.page_row`,
        [...from.params, query.offset, query.withTotalCount ? last : last + 1],
      );
      for (const { page_key, page_total, page_row, ...row } of rows) {
        const page = pages.get(page_key);
        if (!page) continue;
        const position = Number(page_row);
        if (query.withTotalCount) page.totalCount = Number(page_total);
        if (position > last) {
          if (!query.withTotalCount) page.hasNextPage = true;
        } else if (position > query.offset) {
          const view = query.map ? query.map(row as unknown as R) : (row as unknown as V);
          page.items.push(view);
          if (query.tagOf) read.tag(query.tagOf(view));
        }
      }
      return keys.map((key) => pages.get(key)!);
    },
    { batch },
  );
}
