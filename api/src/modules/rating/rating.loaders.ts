import { Tags } from '../../cache/cache-tags';
import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { type LoaderOptions, manyByKey, oneByKey } from '../../shared/loader';
import { RATING_RESULT_COLUMNS, type RatingResultView } from './rating-result.view';
import { RATING_DIMENSION_COLUMNS, RATING_SCHEME_COLUMNS, type RatingDimensionView, type RatingSchemeRow, type RatingSchemeView, toRatingSchemeView } from './rating-scheme.view';

/** A rating is shown, changed and purged as part of its centre. */
const ratingTag = (result: RatingResultView) => Tags.centre(result.centreCode);

export function createRatingLoaders(read: Reader, options: LoaderOptions) {
  return {
    /** Every rating of each centre, newest year first (a few rows a centre: history, one year, achievedOn, lostOn). */
    ratingsByCentreCode: manyByKey<string, RatingResultView>(
      (codes) =>
        read.rows<RatingResultView>(
          `select ${RATING_RESULT_COLUMNS} from rating_result rr where rr.centre_code = any(?::text[]) order by rr.year desc`,
          [pgArray(codes)],
          ratingTag,
        ),
      (result) => result.centreCode,
      options,
    ),
    /** The latest rating of each centre: one row per centre, whatever the number of years rated. */
    currentRatingByCentreCode: oneByKey<string, RatingResultView>(
      (codes) =>
        read.rows<RatingResultView>(
          `select distinct on (rr.centre_code) ${RATING_RESULT_COLUMNS} from rating_result rr
            where rr.centre_code = any(?::text[]) order by rr.centre_code, rr.year desc`,
          [pgArray(codes)],
          ratingTag,
        ),
      (result) => result.centreCode,
      options,
    ),
    /**
     * Schemes carry no tag of their own: a scheme changes only until its year's first cycle
     * opens (it is frozen then), so no rating shows one that can still change, and the one
     * root that can (ratingScheme) is tagged `ratings` through the module's listTags.
     */
    schemeByYear: oneByKey<number, RatingSchemeView>(
      async (years) =>
        (await read.rows<RatingSchemeRow>(`select ${RATING_SCHEME_COLUMNS} from rating_scheme s where s.year = any(?::int[])`, [pgArray(years)])).map(toRatingSchemeView),
      (scheme) => scheme.year,
      options,
    ),
    /** Each year's dimensions, in scheme order. */
    dimensionsByYear: manyByKey<number, RatingDimensionView>(
      (years) =>
        read.rows<RatingDimensionView>(`select ${RATING_DIMENSION_COLUMNS} from rating_dimension d where d.year = any(?::int[]) order by d.position, d.id`, [pgArray(years)]),
      (dimension) => dimension.year,
      options,
    ),
  };
}
