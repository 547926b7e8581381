import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { offsetAfter, selectsTotalCount, toConnection } from '../../shared/pagination';
import { RegionView } from '../region/region.view';
import { CentreArgs, CentreOrder, CentresArgs } from './centre.inputs';
import { type CentreQuery, findCentre, listCentres } from './centre.service';
import { CentreConnection } from './centre.types';
import { CentreView } from './centre.view';
import { globalId } from '../../shared/global-id';

@Resolver(() => CentreView)
export class CentreResolver {
  @FieldResolver(() => ID, { description: 'Globally unique and stable (Node): fetch this object again with node(id:).' })
  id(@Root() centre: CentreView): string {
    return globalId('Centre', centre.code);
  }

  @Query(() => CentreView, { nullable: true, description: 'A centre by its code; null when no centre has it.' })
  centre(@Args() { code }: CentreArgs, @Ctx() { read }: Context): Promise<CentreView | null> {
    return findCentre(read, code);
  }

  @Query(() => CentreConnection, { description: 'Centres matching a filter, a page at a time.' })
  async centres(@Args() args: CentresArgs, @Ctx() { read }: Context, @Info() info: GraphQLResolveInfo) {
    return toConnection(await listCentres(read, toCentreQuery(args, []), selectsTotalCount(info)));
  }

  @FieldResolver(() => RegionView)
  async region(@Root() centre: CentreView, @Ctx() { loaders }: Context): Promise<RegionView> {
    return (await loaders.regionByCode.load(centre.regionCode))!;
  }

  @FieldResolver(() => CentreView, { nullable: true, description: 'The hub this centre belongs to in the 1+6+N network.' })
  parent(@Root() centre: CentreView, @Ctx() { loaders }: Context): Promise<CentreView | null> | null {
    return centre.parentCode ? loaders.centreByCode.load(centre.parentCode) : null;
  }

  @FieldResolver(() => [CentreView], { description: 'Centres attached to this one in the 1+6+N network.' })
  children(@Root() centre: CentreView, @Ctx() { loaders }: Context): Promise<CentreView[]> {
    return loaders.centresByParentCode.load(centre.code);
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
