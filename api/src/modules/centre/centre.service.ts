import { QueryFlag, QueryOrder } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { Page } from '../../shared/pagination';
import { latestRatedYear } from '../rating/rating.service';
import type { RatingTier } from '../rating/rating-result.entity';
import { Region } from '../region/region.entity';
import { toFullRegionCode } from '../region/region.service';
import { Centre, type CentreLevel } from './centre.entity';

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
  /** Region path of the caller's key scope: nothing outside it is listed. */
  scopePath?: string;
}

export function findCentre(em: EntityManager, code: string, scopePath?: string): Promise<Centre | null> {
  return em.findOne(Centre, { code, ...(scopePath ? { region: { path: { $like: `${scopePath}%` } } } : {}) });
}

export async function listCentres(em: EntityManager, query: CentreQuery): Promise<Page<Centre>> {
  const qb = em.createQueryBuilder(Centre, 'c').select('c.*').setFlag(QueryFlag.DISABLE_PAGINATE);

  if (query.regionCodes.length > 0 || query.scopePath) {
    qb.join('c.region', 'r');
    if (query.scopePath) {
      qb.andWhere({ 'r.path': { $like: `${query.scopePath}%` } });
    }
    for (const code of query.regionCodes) {
      // The region's own path is a prefix of every path in its subtree.
      const regionPath = em.createQueryBuilder(Region, 'sub').select('sub.path').where({ code: toFullRegionCode(code) });
      qb.andWhere(`r.path like (${regionPath.getFormattedQuery()}) || '%'`);
    }
  }
  if (query.levels?.length) {
    qb.andWhere({ level: { $in: query.levels } });
  }
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    qb.andWhere({ $or: [{ name: { $ilike: pattern } }, { address: { $ilike: pattern } }] });
  }

  const needsRating =
    query.stars !== undefined || query.tier !== undefined || [CentreOrderField.STARS, CentreOrderField.TOTAL_SCORE].includes(query.orderBy.field);
  if (needsRating) {
    const year = query.year ?? (await latestRatedYear(em));
    qb.leftJoin('c.ratings', 'rr', { 'rr.scheme': year ?? 0 });
    if (query.stars?.length) {
      qb.andWhere({ 'rr.stars': { $in: query.stars } });
    }
    if (query.tier !== undefined) {
      qb.andWhere({ 'rr.tier': query.tier });
    }
  }

  const direction = query.orderBy.direction === SortDirection.ASC ? QueryOrder.ASC_NULLS_LAST : QueryOrder.DESC_NULLS_LAST;
  const orderColumn = {
    [CentreOrderField.CODE]: 'c.code',
    [CentreOrderField.NAME]: 'c.name',
    [CentreOrderField.STARS]: 'rr.stars',
    [CentreOrderField.TOTAL_SCORE]: 'rr.total_score',
  }[query.orderBy.field];
  qb.orderBy([{ [orderColumn]: direction }, { 'c.code': QueryOrder.ASC }]);

  const countQb = qb.clone();
  const [items, totalCount] = await Promise.all([
    query.first === 0 ? Promise.resolve([]) : qb.limit(query.first).offset(query.offset).getResultList(),
    countQb.getCount('c.code', true),
  ]);
  return { items, totalCount, offset: query.offset };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
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
