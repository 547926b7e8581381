import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { AssessmentScore } from './assessment-score.entity';
import { Assessment } from './assessment.entity';
import { EvaluatorAssignment } from './evaluator-assignment.entity';
import { RatingCycle } from './rating-cycle.entity';
import { createAssessmentLoaders } from './assessment.loaders';
import { createRatingCycleLoaders } from './rating-cycle.loaders';
import { AssessmentResolver, AssessmentScoreResolver, CycleAssessmentResolver } from './assessment.resolver';
import { RatingCycleResolver, RatingSchemeIndicatorsResolver } from './rating-cycle.resolver';
import { RatingIndicator } from './rating-indicator.entity';
import { RatingObjection } from './rating-objection.entity';

export const ratingCycleModule = defineModule({
  name: 'rating-cycle',
  entities: [RatingIndicator, RatingCycle, Assessment, AssessmentScore, EvaluatorAssignment, RatingObjection],
  resolvers: [RatingCycleResolver, CycleAssessmentResolver, AssessmentResolver, AssessmentScoreResolver, RatingSchemeIndicatorsResolver],
  loaders: ({ read }) => ({ ...createRatingCycleLoaders(read), ...createAssessmentLoaders(read) }),
  listTags: { ratingCycles: Tags.ratings, ratingCycle: Tags.ratings },
});
