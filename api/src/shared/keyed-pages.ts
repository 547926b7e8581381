import { raw, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Page } from './pagination';

export interface KeyedPageQuery<T> {
  /** Property holding the key, e.g. 'centre'; `column` is its SQL column. */
  keyProperty: string;
  keyColumn: string;
  where: FilterQuery<T>;
  /** SQL order inside each key, on alias `e`, ending in a unique column. */
  orderSql: string;
  first: number;
  offset: number;
}

/**
 * One page of rows per key (a centre's needs, say) for many keys in one statement. A
 * window function numbers each key's rows and counts them; the last row of every key is
 * always fetched as well, so the total is known even when the page itself is empty.
 */
export function pagesByKey<T extends object>(em: EntityManager, entity: EntityName<T>, query: KeyedPageQuery<T>) {
  return new DataLoader<string, Page<T>>(async (keys) => {
    const inner = em
      .createQueryBuilder(entity, 'e')
      .select([
        'e.*',
        raw(`count(*) over (partition by e.${query.keyColumn}) as "page_total"`),
        raw(`row_number() over (partition by e.${query.keyColumn} order by ${query.orderSql}) as "page_row"`),
      ])
      .where({ $and: [query.where, { [query.keyProperty]: { $in: [...keys] } }] } as FilterQuery<T>);
    const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
      `select * from (${inner.getFormattedQuery()}) p
        where (p.page_row > ? and p.page_row <= ?) or p.page_row = p.page_total
        order by p.page_row`,
      [query.offset, query.offset + query.first],
    );
    const pages = new Map<string, Page<T>>(keys.map((key) => [key, { items: [], totalCount: 0, offset: query.offset }]));
    for (const { page_total, page_row, ...row } of rows) {
      const page = pages.get(String(row[query.keyColumn]))!;
      page.totalCount = Number(page_total);
      const position = Number(page_row);
      if (position > query.offset && position <= query.offset + query.first) {
        page.items.push(em.map(entity, row as never));
      }
    }
    return keys.map((key) => pages.get(key)!);
  });
}
