import DataLoader from 'dataloader';
import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import type { LoaderOptions } from '../../shared/loader';
import type { Page } from '../../shared/pagination';
import type { Sql } from './record-sql';

export interface RowPageQuery<Row, Item> {
  /** The select list, aliased to Row's properties. */
  columns: string;
  /** Tables and joins. */
  from: string;
  /** The SQL column holding the key, e.g. `e.centre_code`, and how a row names its key. */
  keyColumn: string;
  keyOf: (row: Row) => string;
  where: Sql;
  /** The order inside each key, ending in a unique column. */
  order: string;
  first: number;
  offset: number;
  /** Makes the item a page holds, once it is known to be on the page (and declares its cache tags). */
  toItem: (row: Row) => Item;
}

/**
 * One page of rows per key (a centre's needs, say) for many keys in one statement. A window
 * function numbers each key's rows and counts them; the last row of every key is always
 * fetched as well, so the total is known even when the page itself is empty.
 */
export function rowPagesByKey<Row extends object, Item>(read: Reader, query: RowPageQuery<Row, Item>, { batch }: LoaderOptions) {
  return new DataLoader<string, Page<Item>>(
    async (keys) => {
      const rows = await read.rows<Row & { page_total: string; page_row: string }>(
        `select * from (
           select ${query.columns},
                  count(*) over (partition by ${query.keyColumn}) as page_total,
                  row_number() over (partition by ${query.keyColumn} order by ${query.order}) as page_row
             from ${query.from}
            where ${query.keyColumn} = any(?::text[]) and ${query.where.sql}
         ) p
         where (p.page_row > ? and p.page_row <= ?) or p.page_row = p.page_total
         order by p.page_row`,
        [pgArray(keys), ...query.where.params, query.offset, query.offset + query.first],
      );
      const pages = new Map<string, Page<Item>>(keys.map((key) => [key, { items: [], totalCount: 0, offset: query.offset }]));
      for (const { page_total, page_row, ...row } of rows) {
        const page = pages.get(query.keyOf(row as unknown as Row))!;
        page.totalCount = Number(page_total);
        const position = Number(page_row);
        if (position > query.offset && position <= query.offset + query.first) page.items.push(query.toItem(row as unknown as Row));
      }
      return keys.map((key) => pages.get(key)!);
    },
    { batch },
  );
}
