import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { AssessmentScore } from './assessment-score.entity';
import { Assessment } from './assessment.entity';
import { EvaluatorAssignment } from './evaluator-assignment.entity';
import { RatingCycle } from './rating-cycle.entity';
import { createRatingCycleLoaders } from './rating-cycle.loaders';
import {
  AssessmentResolver,
  AssessmentScoreResolver,
  RatingCycleResolver,
  RatingSchemeIndicatorsResolver,
} from './rating-cycle.resolver';
import { RatingIndicator } from './rating-indicator.entity';
import { RatingObjection } from './rating-objection.entity';

export const ratingCycleModule = defineModule({
  name: 'rating-cycle',
  entities: [RatingIndicator, RatingCycle, Assessment, AssessmentScore, EvaluatorAssignment, RatingObjection],
  resolvers: [RatingCycleResolver, AssessmentResolver, AssessmentScoreResolver, RatingSchemeIndicatorsResolver],
  loaders: ({ read, em }) => createRatingCycleLoaders(read, em),
  listTags: { ratingCycles: Tags.ratings, ratingCycle: Tags.ratings },
});
