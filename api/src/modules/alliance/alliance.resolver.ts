import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertMayManageRegion } from '../../auth/authorize';
import { runStaffMutation } from '../../auth/staff-mutation';
import { Tags } from '../../cache/cache-tags';
import { assertStaffMayRead, centreRecordOutcome, IDEMPOTENCY, mayManage, snapshot } from '../../shared/centre-records';
import type { Context } from '../../context';
import { offsetAfter, toConnection } from '../../shared/pagination';
import { CentreView } from '../centre/centre.view';
import { toRegionQuery } from '../lists/lists.service';
import { AllianceMembership, AllianceUnit } from './alliance.entity';
import { AddAllianceMembershipInput, ChangeMembershipStatusInput, CreateAllianceUnitInput, MembershipsArgs, RootMembershipsArgs } from './alliance.inputs';
import { addMembership, changeMembershipStatus, createAllianceUnit, listMemberships } from './alliance.service';
import { AllianceMembershipConnection, UnitContact } from './alliance.types';

@Resolver(() => AllianceMembership)
export class AllianceMembershipResolver {
  @Query(() => AllianceMembershipConnection, { description: 'Alliance memberships (党建联盟) across centres, oldest agreement first.' })
  async allianceMemberships(@Args() { regionCode, centreCode, filter, first, after }: RootMembershipsArgs, @Ctx() { em, scope }: Context) {
    const where = await toRegionQuery(em, { regionCode, centreCode }, scope?.path);
    return toConnection(await listMemberships(em, { ...where, filter, first, offset: offsetAfter(after) }));
  }

  @FieldResolver(() => CentreView)
  async centre(@Root() membership: AllianceMembership, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(membership.centre.code))!;
  }

  @FieldResolver(() => [UnitContact], { description: 'Staff only (the centre’s staff and administrators of its region): whom to call at the unit.' })
  async unitContacts(@Root() membership: AllianceMembership, @Ctx() context: Context): Promise<UnitContact[]> {
    await assertStaffMayRead(context, membership.centre.code);
    const unit = await context.loaders.unitById.load(membership.unit.id);
    return (unit?.contacts ?? []).map(({ name, role, phone }) => ({ name, role: role ?? null, phone: phone ?? null }));
  }

  @FieldResolver(() => AllianceUnit)
  async unit(@Root() membership: AllianceMembership, @Ctx() { loaders }: Context): Promise<AllianceUnit> {
    return (await loaders.unitById.load(membership.unit.id))!;
  }
}

@Resolver(() => CentreView)
export class CentreAllianceResolver {
  @FieldResolver(() => AllianceMembershipConnection, { description: 'Units in the centre’s alliance (党建联盟) with their co-building agreements.' })
  async allianceMemberships(@Root() centre: CentreView, @Args() { filter, first, after }: MembershipsArgs, @Ctx() { loaders }: Context) {
    return toConnection(await loaders.membershipPagesByCentre(filter, first, offsetAfter(after)).load(centre.code));
  }
}

@Resolver()
export class AllianceMutationResolver {
  @Mutation(() => AllianceUnit, { description: 'Registers a co-building unit in a region (administrators of that region).' })
  createAllianceUnit(@Arg('input') input: CreateAllianceUnitInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'createAllianceUnit', idempotencyKey, input }, async (em, actor) => {
      const unit = await createAllianceUnit(em, input, (regionPath) => assertMayManageRegion(actor, regionPath));
      return {
        result: unit,
        // Contacts are personal data: the audit records that they changed, not what they are.
        audit: { action: 'createAllianceUnit', targetType: 'AllianceUnit', targetId: unit.id, regionPath: unit.region.path, after: { name: unit.name, unitType: unit.unitType, contacts: unit.contacts.length } },
        purgeTags: [Tags.operationalLists],
      };
    });
  }

  @Mutation(() => AllianceMembership, { description: 'A unit joins a centre’s alliance: ACTIVE with an agreement date, APPLIED without.' })
  addAllianceMembership(@Arg('input') input: AddAllianceMembershipInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'addAllianceMembership', idempotencyKey, input }, async (em, actor) =>
      centreRecordOutcome('addAllianceMembership', 'AllianceMembership', await addMembership(em, input, mayManage(actor))),
    );
  }

  @Mutation(() => AllianceMembership, { description: 'applied → active → suspended / withdrawn; activation needs the agreement date.' })
  changeMembershipStatus(@Arg('input') input: ChangeMembershipStatusInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'changeMembershipStatus', idempotencyKey, input }, async (em, actor) => {
      const before = snapshot(await em.findOne(AllianceMembership, { id: input.membershipId }));
      return centreRecordOutcome('changeMembershipStatus', 'AllianceMembership', await changeMembershipStatus(em, input, mayManage(actor)), { before });
    });
  }
}
