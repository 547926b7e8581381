import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { offsetAfter, toConnection } from '../../shared/pagination';
import { Centre } from '../centre/centre.entity';
import { toRegionQuery } from '../lists/lists.service';
import { AllianceMembership, AllianceUnit } from './alliance.entity';
import { MembershipsArgs, RootMembershipsArgs } from './alliance.inputs';
import { listMemberships } from './alliance.service';
import { AllianceMembershipConnection } from './alliance.types';

@Resolver(() => AllianceMembership)
export class AllianceMembershipResolver {
  @Query(() => AllianceMembershipConnection, { description: 'Alliance memberships (党建联盟) across centres, oldest agreement first.' })
  async allianceMemberships(@Args() { regionCode, centreCode, filter, first, after }: RootMembershipsArgs, @Ctx() { em, scope }: Context) {
    const where = await toRegionQuery(em, { regionCode, centreCode }, scope?.path);
    return toConnection(await listMemberships(em, { ...where, filter, first, offset: offsetAfter(after) }));
  }

  @FieldResolver(() => Centre)
  async centre(@Root() membership: AllianceMembership, @Ctx() { loaders }: Context): Promise<Centre> {
    return (await loaders.centreByCode.load(membership.centre.code))!;
  }

  @FieldResolver(() => AllianceUnit)
  async unit(@Root() membership: AllianceMembership, @Ctx() { loaders }: Context): Promise<AllianceUnit> {
    return (await loaders.unitById.load(membership.unit.id))!;
  }
}

@Resolver(() => Centre)
export class CentreAllianceResolver {
  @FieldResolver(() => AllianceMembershipConnection, { description: 'Units in the centre’s alliance (党建联盟) with their co-building agreements.' })
  async allianceMemberships(@Root() centre: Centre, @Args() { filter, first, after }: MembershipsArgs, @Ctx() { loaders }: Context) {
    return toConnection(await loaders.membershipPagesByCentre(filter, first, offsetAfter(after)).load(centre.code));
  }
}
