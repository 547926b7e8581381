import type { EntityClass } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Tags } from '../../cache/cache-tags';
import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { loaderCache, oneByKey } from '../../shared/loader';
import { rowPagesByKey } from '../../shared/keyed-pages';
import type { Page } from '../../shared/pagination';
import type { LoaderDeps } from '../module';
import { type RecordPlace, placeSql } from './record-place';
import { allOf, type Sql } from './record-sql';

/** What every row of a centre's records carries. */
export interface CentreRecordRow {
  id: string;
  centreCode: string;
}

/** How one kind of a centre's records (needs, teams, …) is read: written once for every list of them. */
export interface CentreRecordListSpec<Row extends CentreRecordRow, View, Filter, Entity> {
  /** The write side's entity, and the type name audit entries give the record ('Need'). */
  entity: EntityClass<Entity>;
  targetType: string;
  /** The table, read under the alias `e`. */
  table: string;
  /** The select list on `e`, aliased to Row's properties: `e.id`, `e.centre_code as "centreCode"`, … */
  columns: string;
  /** The conditions a filter argument puts on `e` (record-sql.ts: oneOf, given, sql). */
  filter: (filter: Filter) => ReadonlyArray<Sql | undefined>;
  /**
   * The order of every list of these records, on `e`, ending in a unique column. Root lists and
   * the per-centre windows both sort by it, so a cursor (an offset into this order) means the
   * same record in `needs(centreCode: …)` and `Centre.needs`.
   */
  order: string;
  /** The view a row becomes (conversions PostgreSQL leaves to the caller: timestamps, numerics). */
  toView: (row: Row) => View;
}

/** The per-request loaders of one kind of record. */
export interface CentreRecordLoaders<View, Filter> {
  /** One page of each centre's records, for one filter and page: a loader per argument set. */
  pagesByCentre: (filter: Filter | null | undefined, first: number, offset: number) => DataLoader<string, Page<View>>;
  /** Records by id, whatever their centre: relations name them by id. */
  byId: DataLoader<string, View | null>;
}

export interface CentreRecordList<View, Filter, Entity = object> {
  entity: EntityClass<Entity>;
  targetType: string;
  /** A page across centres (a root list), its total counted only when asked for. */
  page(read: Reader, place: RecordPlace, filter: Filter | null | undefined, page: { first: number; offset: number }, withTotalCount: boolean): Promise<Page<View>>;
  /** One record by id, read afresh (a staff write answers with it). */
  readOne(read: Reader, id: string): Promise<View | null>;
  loaders(deps: LoaderDeps): CentreRecordLoaders<View, Filter>;
  /**
   * Records reached from another key (a project's needs), grouped by it: `joins` lead from the
   * record (`e`) to the key's `column`; with `inScope`, records of centres outside the caller's
   * key scope are left out.
   */
  related(deps: Pick<LoaderDeps, 'read' | 'options'>, query: RelatedRecords): DataLoader<string, View[]>;
}

export interface RelatedRecords {
  column: string;
  joins?: string;
  order?: string;
  inScope?: boolean;
}

export function defineCentreRecordList<R extends CentreRecordRow, View extends { id: string }, Filter, Entity>(
  spec: CentreRecordListSpec<R, View, Filter, Entity>,
): CentreRecordList<View, Filter, Entity> {
  const conditions = (filter: Filter | null | undefined) => allOf(spec.filter(filter ?? ({} as Filter)));
  const select = `select ${spec.columns} from ${spec.table} e`;
  const viewOf = (read: Reader, row: R) => {
    // A centre's records are shown and changed as part of that centre: the answer carries its tag.
    read.tag(Tags.centre(row.centreCode));
    return spec.toView(row);
  };
  const byIds = async (read: Reader, ids: readonly string[]) => (await read.rows<R>(`${select} where e.id = any(?::text[])`, [pgArray(ids)])).map((row) => viewOf(read, row));

  return {
    entity: spec.entity,
    targetType: spec.targetType,
    async page(read, place, filter, { first, offset }, withTotalCount) {
      const at = placeSql(place);
      const where = allOf([conditions(filter), at.where]);
      const from = `${spec.table} e${at.joins} where ${where.sql}`;
      // Without a count, one row more than the page tells whether more follow.
      const fetch = withTotalCount ? first : first + 1;
      const [rows, count] = await Promise.all([
        fetch === 0 ? Promise.resolve([] as R[]) : read.rows<R>(`select ${spec.columns} from ${from} order by ${spec.order} limit ? offset ?`, [...where.params, fetch, offset]),
        withTotalCount ? read.rows<{ count: number }>(`select count(*)::int as count from ${from}`, where.params) : Promise.resolve(undefined),
      ]);
      const items = rows.slice(0, first).map((row) => viewOf(read, row));
      return count ? { items, totalCount: count[0]!.count, offset } : { items, totalCount: -1, offset, hasNextPage: rows.length > first };
    },
    async readOne(read, id) {
      return (await byIds(read, [id]))[0] ?? null;
    },
    loaders({ read, options }) {
      const cached = loaderCache();
      return {
        pagesByCentre: (filter, first, offset) =>
          cached(JSON.stringify([filter, first, offset]), () =>
            rowPagesByKey<R, View>(
              read,
              {
                columns: spec.columns,
                keySql: 'e.centre_code',
                from: (keys) => {
                  const where = conditions(filter);
                  return { sql: `${spec.table} e where e.centre_code = any(?::text[]) and ${where.sql}`, params: [pgArray(keys), ...where.params] };
                },
                orderSql: spec.order,
                first,
                offset,
                withTotalCount: true,
                // viewOf declares the row's cache tag: only rows on the page are made views.
                map: (row) => viewOf(read, row),
              },
              options,
            ),
          ),
        byId: oneByKey<string, View>(
          (ids) => byIds(read, ids),
          (view) => view.id,
          options,
        ),
      };
    },
    related({ read, options }, { column, joins = '', order = spec.order, inScope = false }) {
      const scope = placeSql(inScope ? { scopePath: read.scope?.path } : {});
      return new DataLoader<string, View[]>(
        async (keys) => {
          const rows = await read.rows<R & { relatedKey: string }>(
            `select ${column} as "relatedKey", ${spec.columns} from ${spec.table} e ${joins}${scope.joins}
              where ${column} = any(?::text[]) and ${scope.where.sql} order by ${order}`,
            [pgArray(keys), ...scope.where.params],
          );
          const groups = new Map<string, View[]>(keys.map((key) => [key, []]));
          for (const { relatedKey, ...row } of rows) groups.get(relatedKey)?.push(viewOf(read, row as unknown as R));
          return keys.map((key) => groups.get(key)!);
        },
        { batch: options.batch },
      );
    },
  };
}
