import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { offsetAfter, toConnection } from '../../shared/pagination';
import { ReportedFigure } from '../figure/reported-figure.entity';
import { RatingResult } from '../rating/rating-result.entity';
import { Region } from '../region/region.entity';
import { Centre } from './centre.entity';
import { CentreArgs, CentreOrder, CentreRatingArgs, CentresArgs, FiguresArgs } from './centre.inputs';
import { type CentreQuery, findCentre, listCentres } from './centre.service';
import { CentreConnection } from './centre.types';

@Resolver(() => Centre)
export class CentreResolver {
  @Query(() => Centre, { nullable: true, description: 'A centre by its code; null when no centre has it.' })
  centre(@Args() { code }: CentreArgs, @Ctx() { em, scope }: Context): Promise<Centre | null> {
    return findCentre(em, code, scope?.path);
  }

  @Query(() => CentreConnection, { description: 'Centres matching a filter, a page at a time.' })
  async centres(@Args() args: CentresArgs, @Ctx() { em, scope }: Context) {
    return toConnection(await listCentres(em, { ...toCentreQuery(args, []), scopePath: scope?.path }));
  }

  @FieldResolver(() => Region)
  async region(@Root() centre: Centre, @Ctx() { loaders }: Context): Promise<Region> {
    return (await loaders.regionByCode.load(centre.region.code))!;
  }

  @FieldResolver(() => Centre, { nullable: true, description: 'The hub this centre belongs to in the 1+6+N network.' })
  parent(@Root() centre: Centre, @Ctx() { loaders }: Context): Promise<Centre | null> | null {
    return centre.parent ? loaders.centreByCode.load(centre.parent.code) : null;
  }

  @FieldResolver(() => [Centre], { description: 'Centres attached to this one in the 1+6+N network.' })
  children(@Root() centre: Centre, @Ctx() { loaders }: Context): Promise<Centre[]> {
    return loaders.centresByParentCode.load(centre.code);
  }

  @FieldResolver(() => RatingResult, { nullable: true, description: 'The rating of the latest year this centre was rated.' })
  async currentRating(@Root() centre: Centre, @Ctx() { loaders }: Context): Promise<RatingResult | null> {
    const ratings = await loaders.ratingsByCentreCode.load(centre.code);
    return ratings[0] ?? null;
  }

  @FieldResolver(() => RatingResult, { nullable: true, description: 'The rating for one work year; null when not rated that year.' })
  async rating(@Root() centre: Centre, @Args() { year }: CentreRatingArgs, @Ctx() { loaders }: Context) {
    const ratings = await loaders.ratingsByCentreCode.load(centre.code);
    return ratings.find((rating) => rating.scheme.year === year) ?? null;
  }

  @FieldResolver(() => [RatingResult], { description: 'Every rating, newest year first.' })
  ratingHistory(@Root() centre: Centre, @Ctx() { loaders }: Context): Promise<RatingResult[]> {
    return loaders.ratingsByCentreCode.load(centre.code);
  }

  @FieldResolver(() => [ReportedFigure], { description: 'Figures the centre reported, newest year first.' })
  async figures(@Root() centre: Centre, @Args() { year }: FiguresArgs, @Ctx() { loaders }: Context) {
    const figures = await loaders.figuresByCentreCode.load(centre.code);
    return year === undefined ? figures : figures.filter((figure) => figure.year === year);
  }
}

/** Shared by Query.centres and Region.centres: the region codes given are all applied. */
export function toCentreQuery({ filter, orderBy, first, after }: CentresArgs, regionCodes: string[]): CentreQuery {
  return {
    regionCodes: [...regionCodes, ...(filter?.regionCode ? [filter.regionCode] : [])],
    levels: filter?.level,
    stars: filter?.stars,
    tier: filter?.tier,
    year: filter?.year,
    search: filter?.search,
    orderBy: orderBy ?? new CentreOrder(),
    first,
    offset: offsetAfter(after),
  };
}
