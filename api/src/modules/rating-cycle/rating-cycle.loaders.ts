import type { EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '../../context';
import { manyByKey } from '../../shared/loader';
import { inScope } from '../centre/centre.loaders';
import { AssessmentScore } from './assessment-score.entity';
import { Assessment } from './assessment.entity';
import { RatingCycle } from './rating-cycle.entity';
import { RatingIndicator } from './rating-indicator.entity';

/**
 * A key limited to a region sees the cycles of counties inside it, and the one cycle of the
 * county it lies in (whose notice then lists only the key's centres: centreByCode is scoped).
 */
export function cycleInScope(scope: Scope | undefined) {
  if (!scope) return {};
  const ancestors = scope.path.split('/').map((_, index, codes) => codes.slice(0, index + 1).join('/'));
  return { $or: [inScope(scope), { region: { path: { $in: ancestors } } }] };
}

export function createRatingCycleLoaders(em: EntityManager, scope: Scope | undefined) {
  return {
    indicatorsByYear: manyByKey<number, RatingIndicator>(
      (years) => em.find(RatingIndicator, { scheme: { $in: [...years] } }, { orderBy: { position: 'asc' } }),
      (indicator) => indicator.scheme.year,
    ),
    assessmentsByCycleId: manyByKey<number, Assessment>(
      (ids) => em.find(Assessment, { cycle: { $in: [...ids] } }, { orderBy: { centre: 'asc', stage: 'asc' } }),
      (assessment) => assessment.cycle.id,
    ),
    scoresByAssessmentId: manyByKey<number, AssessmentScore>(
      (ids) => em.find(AssessmentScore, { assessment: { $in: [...ids] } }, { populate: ['indicator'], orderBy: { indicator: { position: 'asc' } } }),
      (score) => score.assessment.id,
    ),
    cyclesByYear: manyByKey<number, RatingCycle>(
      (years) => em.find(RatingCycle, { scheme: { $in: [...years] }, ...cycleInScope(scope) }, { orderBy: { region: 'asc' } }),
      (cycle) => cycle.scheme.year,
    ),
  };
}
