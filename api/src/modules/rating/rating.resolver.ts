import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CentreView } from '../centre/centre.view';
import { RegionView } from '../region/region.view';
import { RatingResult } from './rating-result.entity';
import { RatingScheme } from './rating-scheme.entity';
import { RatingDimension } from './rating-dimension.entity';
import { RatingStatisticsArgs } from './rating.inputs';
import { ratingStatistics } from './rating.service';
import { DimensionScore, RatingStatistics, RegionRatingStatistics } from './rating.types';

@Resolver(() => RatingResult)
export class RatingResultResolver {
  @Query(() => RatingStatistics, { description: 'How many centres earned each star level in a work year.' })
  ratingStatistics(@Args() { year, regionCode }: RatingStatisticsArgs, @Ctx() { em, scope }: Context) {
    return ratingStatistics(em, { year, regionCode: regionCode ?? scope?.regionCode, scopePath: scope?.path });
  }

  @FieldResolver(() => Int)
  year(@Root() result: RatingResult): number {
    return result.scheme.year;
  }

  @FieldResolver(() => CentreView)
  async centre(@Root() result: RatingResult, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(result.centre.code))!;
  }

  @FieldResolver(() => RatingScheme)
  async scheme(@Root() result: RatingResult, @Ctx() { loaders }: Context): Promise<RatingScheme> {
    return (await loaders.schemeByYear.load(result.scheme.year))!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'When the centre first held this star level and tier without a break: the awardedOn of the earliest result in the unbroken run of years ending here.' })
  async achievedOn(@Root() result: RatingResult, @Ctx() { loaders }: Context): Promise<string | null> {
    const history = await loaders.ratingsByCentreCode.load(result.centre.code);
    let earliest = result;
    for (let year = result.scheme.year - 1; ; year -= 1) {
      const previous = history.find((candidate) => candidate.scheme.year === year);
      if (!previous || previous.stars !== result.stars || previous.tier !== result.tier) break;
      earliest = previous;
    }
    return earliest.awardedOn ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "When the centre stopped holding this level: the awardedOn of the next year's result when it differs; null while it still holds." })
  async lostOn(@Root() result: RatingResult, @Ctx() { loaders }: Context): Promise<string | null> {
    const history = await loaders.ratingsByCentreCode.load(result.centre.code);
    const next = history.find((candidate) => candidate.scheme.year === result.scheme.year + 1);
    return next && (next.stars !== result.stars || next.tier !== result.tier) ? (next.awardedOn ?? null) : null;
  }

  @FieldResolver(() => [DimensionScore], { description: 'Score on each of the six dimensions, in scheme order.' })
  async dimensionScores(@Root() result: RatingResult, @Ctx() { loaders }: Context): Promise<DimensionScore[]> {
    const dimensions = await loaders.dimensionsByYear.load(result.scheme.year);
    return dimensions.map(({ key, name, maxScore, weight }) => ({
      key,
      name,
      maxScore,
      weight,
      score: result.scoresByDimension[key] ?? null,
    }));
  }
}

@Resolver(() => RatingScheme)
export class RatingSchemeResolver {
  @FieldResolver(() => [RatingDimension])
  dimensions(@Root() scheme: RatingScheme, @Ctx() { loaders }: Context): Promise<RatingDimension[]> {
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
