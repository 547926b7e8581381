import type { EntityManager } from '@mikro-orm/postgresql';
import type { Reader } from '../../db/read';
import { escapeLike, pgArray } from '../../db/sql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { Page } from '../../shared/pagination';
import { subtreeSqlOf } from '../../shared/region-subtree';
import type { RatingTier } from '../rating/rating-result.entity';
import { toFullRegionCode } from '../region/region.service';
import { Centre, type CentreLevel } from './centre.entity';
import { centreScopeSql, centreTag } from './centre.loaders';
import { CENTRE_COLUMNS, CENTRE_FROM, type CentreView } from './centre.view';

export enum CentreOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
  STARS = 'STARS',
  TOTAL_SCORE = 'TOTAL_SCORE',
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export interface CentreQuery {
  /** Centres must lie in the subtree of every one of these regions. */
  regionCodes: string[];
  levels?: CentreLevel[];
  stars?: number[];
  tier?: RatingTier;
  /** Work year the rating conditions and rating order refer to; the latest rated year when absent. */
  year?: number;
  search?: string;
  orderBy: { field: CentreOrderField; direction: SortDirection };
  first: number;
  offset: number;
}

export async function findCentre(read: Reader, code: string): Promise<CentreView | null> {
  const scope = centreScopeSql(read.scope);
  const [centre] = await read.rows<CentreView>(`select ${CENTRE_COLUMNS} from ${CENTRE_FROM} where c.code = ? and ${scope.sql}`, [code, ...scope.params], centreTag);
  return centre ?? null;
}

const ORDER_COLUMNS: Record<CentreOrderField, string> = {
  [CentreOrderField.CODE]: 'c.code',
  [CentreOrderField.NAME]: 'c.name',
  [CentreOrderField.STARS]: 'rr.stars',
  [CentreOrderField.TOTAL_SCORE]: 'rr.total_score',
};

/**
 * One page of centres in one statement, and their count in a second only when the caller
 * selected `totalCount` (otherwise one row more than the page tells whether more follow).
 */
export async function listCentres(read: Reader, query: CentreQuery, withTotalCount = true): Promise<Page<CentreView>> {
  // Joins come before the conditions in the SQL, so their parameters are kept apart.
  const joins: string[] = [];
  const joinParams: unknown[] = [];
  const scope = centreScopeSql(read.scope);
  const where: string[] = [scope.sql];
  const params: unknown[] = [...scope.params];
  query.regionCodes.forEach((code, index) => {
    // The root is joined, not looked up first: an unknown code matches nothing, in the same statement.
    joins.push(`join region root${index} on root${index}.code = ?`);
    joinParams.push(toFullRegionCode(code));
    where.push(subtreeSqlOf('r.path', `root${index}.path`));
  });
  if (query.levels?.length) {
    where.push('c.level::text = any(?::text[])');
    params.push(pgArray(query.levels));
  }
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    where.push('(c.name ilike ? or c.address ilike ?)');
    params.push(pattern, pattern);
  }
  const needsRating = query.stars !== undefined || query.tier !== undefined || [CentreOrderField.STARS, CentreOrderField.TOTAL_SCORE].includes(query.orderBy.field);
  if (needsRating) {
    const year = query.year ?? (await latestRatedYear(read));
    joins.push('left join rating_result rr on rr.centre_code = c.code and rr.year = ?');
    joinParams.push(year ?? 0);
    if (query.stars?.length) {
      where.push('rr.stars = any(?::int[])');
      params.push(pgArray(query.stars));
    }
    if (query.tier !== undefined) {
      where.push('rr.tier::text = ?');
      params.push(query.tier);
    }
  }
  const from = `${CENTRE_FROM} ${joins.join(' ')} where ${where.join(' and ')}`;
  params.unshift(...joinParams);
  const direction = query.orderBy.direction === SortDirection.ASC ? 'asc nulls last' : 'desc nulls last';
  const order = `${ORDER_COLUMNS[query.orderBy.field]} ${direction}, c.code asc`;
  const fetch = withTotalCount ? query.first : query.first + 1;
  const [rows, count] = await Promise.all([
    fetch === 0
      ? Promise.resolve([])
      : read.rows<CentreView>(`select ${CENTRE_COLUMNS} from ${from} order by ${order} limit ? offset ?`, [...params, fetch, query.offset], centreTag),
    withTotalCount ? read.rows<{ count: string }>(`select count(*) as count from ${from}`, params) : Promise.resolve(undefined),
  ]);
  const items = rows.slice(0, query.first);
  return count ? { items, totalCount: Number(count[0].count), offset: query.offset } : { items, totalCount: -1, offset: query.offset, hasNextPage: rows.length > query.first };
}

/** What a write checks before touching a centre's records: the caller may manage it. */
export type CentreGuard = (centre: { code: string; regionPath: string }) => void;

/** The centre a write targets, with its region, after the guard let the caller through. */
export async function centreForWrite(em: EntityManager, code: string, guard: CentreGuard, argument = 'centreCode'): Promise<Centre> {
  const centre = await em.findOne(Centre, { code }, { populate: ['region'] });
  if (!centre) {
    throw new AppError(ErrorCode.NOT_FOUND, `No centre has the code "${code}".`, { argument });
  }
  guard({ code: centre.code, regionPath: centre.region.path });
  return centre;
}

/** The centre a record belongs to, with its region, after the guard let the caller through. */
export async function guardCentreOf(em: EntityManager, record: { centre: Centre }, guard: CentreGuard): Promise<Centre> {
  await em.populate(record, ['centre.region'] as never[]);
  guard({ code: record.centre.code, regionPath: record.centre.region.path });
  return record.centre;
}

/** The work year ratings are read for when a query names none: the latest one rated. */
export async function latestRatedYear(read: Reader): Promise<number | undefined> {
  const [row] = await read.rows<{ year: number | null }>('select max(year) as year from rating_result');
  return row?.year ?? undefined;
}
