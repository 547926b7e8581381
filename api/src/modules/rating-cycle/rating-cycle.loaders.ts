import type { EntityManager } from '@mikro-orm/postgresql';
import { manyByKey } from '../../shared/loader';
import { AssessmentScore } from './assessment-score.entity';
import { Assessment } from './assessment.entity';
import { RatingCycle } from './rating-cycle.entity';
import { RatingIndicator } from './rating-indicator.entity';

export function createRatingCycleLoaders(em: EntityManager) {
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
      (years) => em.find(RatingCycle, { scheme: { $in: [...years] } }, { orderBy: { region: 'asc' } }),
      (cycle) => cycle.scheme.year,
    ),
  };
}
