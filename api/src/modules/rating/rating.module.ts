import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { RatingDimension } from './rating-dimension.entity';
import { RatingResult } from './rating-result.entity';
import { RatingScheme } from './rating-scheme.entity';
import { createRatingLoaders } from './rating.loaders';
import { CentreRatingsResolver, RatingResultResolver, RatingSchemeResolver, RatingStatisticsResolver, RegionRatingStatisticsResolver } from './rating.resolver';
import { findRatingResult } from './rating.nodes';

export const ratingModule = defineModule({
  name: 'rating',
  entities: [RatingScheme, RatingDimension, RatingResult],
  resolvers: [RatingResultResolver, CentreRatingsResolver, RatingSchemeResolver, RatingStatisticsResolver, RegionRatingStatisticsResolver],
  loaders: ({ read, options }) => createRatingLoaders(read, options),
  listTags: { ratingStatistics: Tags.ratings, ratingScheme: Tags.ratings },
  nodes: { RatingResult: { load: findRatingResult, missingTag: Tags.ratings } },
});
