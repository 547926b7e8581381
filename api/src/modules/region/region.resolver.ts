import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { selectsTotalCount, toConnection } from '../../shared/pagination';
import { CentresArgs } from '../centre/centre.inputs';
import { toCentreQuery } from '../centre/centre.resolver';
import { listCentres } from '../centre/centre.service';
import { CentreConnection } from '../centre/centre.types';
import { RegionArgs, RegionsArgs } from './region.inputs';
import { ancestorCodes, listRegions, readRegion } from './region.service';
import { RegionView } from './region.view';
import { globalId } from '../../shared/global-id';

@Resolver(() => RegionView)
export class RegionResolver {
  @FieldResolver(() => ID, { description: 'Globally unique and stable (Node): fetch this object again with node(id:).' })
  id(@Root() region: RegionView): string {
    return globalId('Region', region.code);
  }

  @Query(() => RegionView, { nullable: true, description: 'A region by code; null when no region has it.' })
  region(@Args() { code }: RegionArgs, @Ctx() { read }: Context): Promise<RegionView | null> {
    return readRegion(read, code);
  }

  @Query(() => [RegionView], { description: 'Regions by code, optionally the children of one region or one level only.' })
  regions(@Args() args: RegionsArgs, @Ctx() { read }: Context): Promise<RegionView[]> {
    return listRegions(read, args);
  }

  @FieldResolver(() => RegionView, { nullable: true })
  parent(@Root() region: RegionView, @Ctx() { loaders }: Context): Promise<RegionView | null> | null {
    return region.parentCode ? loaders.regionByCode.load(region.parentCode) : null;
  }

  @FieldResolver(() => [RegionView], { description: 'Direct children, by code.' })
  children(@Root() region: RegionView, @Ctx() { loaders }: Context): Promise<RegionView[]> {
    return loaders.regionsByParentCode.load(region.code);
  }

  @FieldResolver(() => [RegionView], { description: 'From the top (Yuxi) down to the parent.' })
  async ancestors(@Root() region: RegionView, @Ctx() { loaders }: Context): Promise<RegionView[]> {
    const ancestors = await loaders.regionByCode.loadMany(ancestorCodes(region));
    return ancestors.filter((ancestor): ancestor is RegionView => ancestor !== null && !(ancestor instanceof Error));
  }

  @FieldResolver(() => CentreConnection, { description: 'Centres anywhere in this region; `filter.regionCode` narrows further.' })
  async centres(@Root() region: RegionView, @Args() args: CentresArgs, @Ctx() { read }: Context, @Info() info: GraphQLResolveInfo) {
    return toConnection(await listCentres(read, toCentreQuery(args, [region.code]), selectsTotalCount(info)));
  }
}
