import { Tags } from '../../cache/cache-tags';
import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { manyByKey, oneByKey } from '../../shared/loader';
import { type Scope, subtreeSql } from '../../shared/region-subtree';
import type { RatingTier } from '../rating/rating-result.entity';
import { RATING_CYCLE_COLUMNS, RATING_CYCLE_FROM, type RatingCycleView, toCycleView } from './rating-cycle.view';
import { RATING_INDICATOR_COLUMNS, RATING_INDICATOR_FROM, type RatingIndicatorView } from './rating-indicator.view';

/**
 * A key limited to a region sees the cycles of counties inside it, and the one cycle of the
 * county it lies in (whose notice then lists only the key's centres: centreByCode is scoped).
 * `r` is the cycle's region.
 */
export function cycleScopeSql(scope: Scope | undefined): { sql: string; params: string[] } {
  if (!scope) return { sql: 'true', params: [] };
  const ancestors = scope.path.split('/').map((_, index, codes) => codes.slice(0, index + 1).join('/'));
  const subtree = subtreeSql('r.path', scope.path);
  return { sql: `(${subtree.sql} or r.path = any(?::text[]))`, params: [...subtree.params, pgArray(ancestors)] };
}

export const cycleTag = (cycle: { id: number }) => Tags.cycle(cycle.id);

/** A line of a cycle's public notice: the city assessment of a candidate, as decided. */
export interface NoticeRow {
  cycleId: number;
  centreCode: string;
  totalScore: number;
  stars: number | null;
  tier: RatingTier | null;
  isOverridden: boolean;
  overrideStars: number | null;
  overrideTier: RatingTier | null;
}

/** Always batched: no cycle data is in the benchmark's List and Deep workloads (shared/loader.ts). */
export function createRatingCycleLoaders(read: Reader) {
  const scope = cycleScopeSql(read.scope);
  return {
    indicatorsByYear: manyByKey<number, RatingIndicatorView>(
      (years) => read.rows(`select ${RATING_INDICATOR_COLUMNS} from ${RATING_INDICATOR_FROM} where i.year = any(?::int[]) order by i.position`, [pgArray(years)]),
      (indicator) => indicator.year,
    ),
    indicatorById: oneByKey<number, RatingIndicatorView>(
      (ids) => read.rows(`select ${RATING_INDICATOR_COLUMNS} from ${RATING_INDICATOR_FROM} where i.id = any(?::int[])`, [pgArray(ids)]),
      (indicator) => indicator.id,
    ),
    cyclesByYear: manyByKey<number, RatingCycleView>(
      async (years) =>
        (
          await read.rows<RatingCycleView>(
            `select ${RATING_CYCLE_COLUMNS} from ${RATING_CYCLE_FROM} where rc.year = any(?::int[]) and ${scope.sql} order by rc.region_code`,
            [pgArray(years), ...scope.params],
            cycleTag,
          )
        ).map(toCycleView),
      (cycle) => cycle.year,
    ),
    /** The city assessments of each cycle, by centre: what its public notice lists. */
    noticeByCycleId: manyByKey<number, NoticeRow>(
      (ids) =>
        read.rows(
          `select a.cycle_id as "cycleId", a.centre_code as "centreCode", a.total_score as "totalScore", a.stars, a.tier,
            a.is_overridden as "isOverridden", a.override_stars as "overrideStars", a.override_tier as "overrideTier"
          from assessment a where a.cycle_id = any(?::int[]) and a.stage = 'CITY' order by a.centre_code`,
          [pgArray(ids)],
        ),
      (row) => row.cycleId,
    ),
  };
}
