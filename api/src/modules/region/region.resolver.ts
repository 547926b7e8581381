import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { toConnection } from '../../shared/pagination';
import { CentresArgs } from '../centre/centre.inputs';
import { toCentreQuery } from '../centre/centre.resolver';
import { listCentres } from '../centre/centre.service';
import { CentreConnection } from '../centre/centre.types';
import { Region } from './region.entity';
import { RegionArgs, RegionsArgs } from './region.inputs';
import { ancestorCodes, findRegion, listRegions } from './region.service';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: 'A region by code; null when no region has it.' })
  region(@Args() { code }: RegionArgs, @Ctx() { em }: Context): Promise<Region | null> {
    return findRegion(em, code);
  }

  @Query(() => [Region], { description: 'Regions by code, optionally the children of one region or one level only.' })
  regions(@Args() args: RegionsArgs, @Ctx() { em }: Context): Promise<Region[]> {
    return listRegions(em, args);
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Region | null> | null {
    return region.parent ? loaders.regionByCode.load(region.parent.code) : null;
  }

  @FieldResolver(() => [Region], { description: 'Direct children, by code.' })
  children(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Region[]> {
    return loaders.regionsByParentCode.load(region.code);
  }

  @FieldResolver(() => [Region], { description: 'From the top (Yuxi) down to the parent.' })
  async ancestors(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Region[]> {
    const ancestors = await loaders.regionByCode.loadMany(ancestorCodes(region));
    return ancestors.filter((ancestor): ancestor is Region => ancestor instanceof Region);
  }

  @FieldResolver(() => CentreConnection, { description: 'Centres anywhere in this region; `filter.regionCode` narrows further.' })
  async centres(@Root() region: Region, @Args() args: CentresArgs, @Ctx() { em, scope }: Context) {
    return toConnection(await listCentres(em, { ...toCentreQuery(args, [region.code]), scopePath: scope?.path }));
  }
}
