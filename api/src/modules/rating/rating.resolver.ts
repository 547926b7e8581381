import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CentreView } from '../centre/centre.view';
import { RegionView } from '../region/region.view';
import { ratingKey, RatingResultView } from './rating-result.view';
import { RatingDimensionView, RatingSchemeView } from './rating-scheme.view';
import { CentreRatingArgs, RatingStatisticsArgs } from './rating.inputs';
import { ratingStatistics } from './rating.service';
import { DimensionScore, RatingStatistics, RegionRatingStatistics } from './rating.types';
import { globalId } from '../../shared/global-id';

@Resolver(() => RatingResultView)
export class RatingResultResolver {
  @FieldResolver(() => ID, { description: 'Globally unique and stable (Node): fetch this object again with node(id:).' })
  id(@Root() result: RatingResultView): string {
    return globalId('RatingResult', ratingKey(result));
  }

  @Query(() => RatingStatistics, { description: 'How many centres earned each star level in a work year.' })
  ratingStatistics(@Args() { year, regionCode }: RatingStatisticsArgs, @Ctx() { read }: Context): Promise<RatingStatistics> {
    return ratingStatistics(read, { year, regionCode: regionCode ?? read.scope?.regionCode });
  }

  @FieldResolver(() => CentreView)
  async centre(@Root() result: RatingResultView, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(result.centreCode))!;
  }

  @FieldResolver(() => RatingSchemeView)
  async scheme(@Root() result: RatingResultView, @Ctx() { loaders }: Context): Promise<RatingSchemeView> {
    return (await loaders.schemeByYear.load(result.year))!;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'When the centre first held this star level and tier without a break: the awardedOn of the earliest result in the unbroken run of years ending here.',
  })
  async achievedOn(@Root() result: RatingResultView, @Ctx() { loaders }: Context): Promise<string | null> {
    const history = await loaders.ratingsByCentreCode.load(result.centreCode);
    let earliest = result;
    for (let year = result.year - 1; ; year -= 1) {
      const previous = history.find((candidate) => candidate.year === year);
      if (!previous || previous.stars !== result.stars || previous.tier !== result.tier) break;
      earliest = previous;
    }
    return earliest.awardedOn ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "When the centre stopped holding this level: the awardedOn of the next year's result when it differs; null while it still holds.",
  })
  async lostOn(@Root() result: RatingResultView, @Ctx() { loaders }: Context): Promise<string | null> {
    const history = await loaders.ratingsByCentreCode.load(result.centreCode);
    const next = history.find((candidate) => candidate.year === result.year + 1);
    return next && (next.stars !== result.stars || next.tier !== result.tier) ? (next.awardedOn ?? null) : null;
  }

  @FieldResolver(() => [DimensionScore], { description: 'Score on each of the six dimensions, in scheme order.' })
  async dimensionScores(@Root() result: RatingResultView, @Ctx() { loaders }: Context): Promise<DimensionScore[]> {
    const dimensions = await loaders.dimensionsByYear.load(result.year);
    return dimensions.map(({ key, name, maxScore, weight }) => ({
      key,
      name,
      maxScore,
      weight,
      score: result.scoresByDimension[key] ?? null,
    }));
  }
}

/** The ratings a centre shows; currentRating reads one row per centre, the others its history. */
@Resolver(() => CentreView)
export class CentreRatingsResolver {
  @FieldResolver(() => RatingResultView, { nullable: true, description: 'The rating of the latest year this centre was rated.' })
  currentRating(@Root() centre: CentreView, @Ctx() { loaders }: Context): Promise<RatingResultView | null> {
    return loaders.currentRatingByCentreCode.load(centre.code);
  }

  @FieldResolver(() => RatingResultView, { nullable: true, description: 'The rating for one work year; null when not rated that year.' })
  async rating(@Root() centre: CentreView, @Args() { year }: CentreRatingArgs, @Ctx() { loaders }: Context): Promise<RatingResultView | null> {
    // The whole history (a row a year): shared with ratingHistory, achievedOn and lostOn in one statement.
    const ratings = await loaders.ratingsByCentreCode.load(centre.code);
    return ratings.find((rating) => rating.year === year) ?? null;
  }

  @FieldResolver(() => [RatingResultView], { description: 'Every rating, newest year first.' })
  ratingHistory(@Root() centre: CentreView, @Ctx() { loaders }: Context): Promise<RatingResultView[]> {
    return loaders.ratingsByCentreCode.load(centre.code);
  }
}

@Resolver(() => RatingSchemeView)
export class RatingSchemeResolver {
  @FieldResolver(() => [RatingDimensionView])
  dimensions(@Root() scheme: RatingSchemeView, @Ctx() { loaders }: Context): Promise<RatingDimensionView[]> {
    return loaders.dimensionsByYear.load(scheme.year);
  }
}

@Resolver(() => RatingStatistics)
export class RatingStatisticsResolver {
  @FieldResolver(() => RegionView)
  async region(@Root() statistics: RatingStatistics, @Ctx() { loaders }: Context): Promise<RegionView> {
    return (await loaders.regionByCode.load(statistics.regionCode))!;
  }
}

@Resolver(() => RegionRatingStatistics)
export class RegionRatingStatisticsResolver {
  @FieldResolver(() => RegionView)
  async region(@Root() row: RegionRatingStatistics, @Ctx() { loaders }: Context): Promise<RegionView> {
    return (await loaders.regionByCode.load(row.regionCode))!;
  }
}
