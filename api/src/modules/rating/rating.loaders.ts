import type { EntityManager } from '@mikro-orm/postgresql';
import { type LoaderOptions, manyByKey, oneByKey } from '../../shared/loader';
import { RatingDimension } from './rating-dimension.entity';
import { RatingResult } from './rating-result.entity';
import { RatingScheme } from './rating-scheme.entity';

export function createRatingLoaders(em: EntityManager, options: LoaderOptions) {
  return {
    /** Every rating of each centre, newest year first. */
    ratingsByCentreCode: manyByKey<string, RatingResult>(
      (codes) => em.find(RatingResult, { centre: { $in: [...codes] } }, { orderBy: { scheme: 'desc' } }),
      (result) => result.centre.code,
      options,
    ),
    schemeByYear: oneByKey<number, RatingScheme>(
      (years) => em.find(RatingScheme, { year: { $in: [...years] } }),
      (scheme) => scheme.year,
      options,
    ),
    dimensionsByYear: manyByKey<number, RatingDimension>(
      (years) => em.find(RatingDimension, { scheme: { $in: [...years] } }, { orderBy: { position: 'asc' } }),
      (dimension) => dimension.scheme.year,
      options,
    ),
  };
}
