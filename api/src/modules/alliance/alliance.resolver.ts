import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { assertMayManageRegion } from '../../auth/authorize';
import { runStaffMutation } from '../../auth/staff-mutation';
import { Tags } from '../../cache/cache-tags';
import type { Context } from '../../context';
import { assertStaffMayRead } from '../centre-records/record-access';
import { centreRecordResolvers, type ResolverClasses } from '../centre-records/record-resolvers';
import { IDEMPOTENCY, writeCentreRecord } from '../centre-records/record-write';
import { AddAllianceMembershipInput, ChangeMembershipStatusInput, CreateAllianceUnitInput, MembershipFilterInput } from './alliance.inputs';
import { type MembershipFilter, membershipList, readUnits } from './alliance.loaders';
import { addMembership, changeMembershipStatus, createAllianceUnit } from './alliance.service';
import { AllianceMembershipConnection, AllianceMembershipView, AllianceUnitView, UnitContactView } from './alliance.view';

export const membershipListResolvers: ResolverClasses = centreRecordResolvers<AllianceMembershipView, MembershipFilter>({
  field: 'allianceMemberships',
  list: membershipList,
  view: AllianceMembershipView,
  connection: AllianceMembershipConnection,
  filter: MembershipFilterInput,
  loaders: ({ loaders }) => loaders.membershipRecords,
  description: {
    root: 'Alliance memberships (党建联盟) across centres, oldest agreement first.',
    centre: 'Units in the centre’s alliance (党建联盟) with their co-building agreements.',
  },
});

@Resolver(() => AllianceMembershipView)
export class AllianceMembershipResolver {
  @FieldResolver(() => [UnitContactView], { description: 'Staff only (the centre’s staff and administrators of its region): whom to call at the unit.' })
  async unitContacts(@Root() membership: AllianceMembershipView, @Ctx() context: Context): Promise<UnitContactView[]> {
    await assertStaffMayRead(context, membership.centreCode);
    const unit = await context.loaders.unitContactsById.load(membership.unitId);
    return (unit?.contacts ?? []).map(({ name, role, phone }) => ({ name, role: role ?? null, phone: phone ?? null }));
  }

  @FieldResolver(() => AllianceUnitView)
  async unit(@Root() membership: AllianceMembershipView, @Ctx() { loaders }: Context): Promise<AllianceUnitView> {
    return (await loaders.unitById.load(membership.unitId))!;
  }
}

@Resolver()
export class AllianceMutationResolver {
  @Mutation(() => AllianceUnitView, { description: 'Registers a co-building unit in a region (administrators of that region).' })
  async createAllianceUnit(@Arg('input') input: CreateAllianceUnitInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    const unit = await runStaffMutation(context, { name: 'createAllianceUnit', idempotencyKey, input }, async (em, actor) => {
      const unit = await createAllianceUnit(em, input, (regionPath) => assertMayManageRegion(actor, regionPath));
      return {
        result: unit,
        // Contacts are personal data: the audit records that they changed, not what they are.
        audit: {
          action: 'createAllianceUnit',
          targetType: 'AllianceUnit',
          targetId: unit.id,
          regionPath: unit.region.path,
          after: { name: unit.name, unitType: unit.unitType, contacts: unit.contacts.length },
        },
        purgeTags: [Tags.operationalLists],
      };
    });
    return (await readUnits(context.read, [unit.id]))[0]!;
  }

  @Mutation(() => AllianceMembershipView, { description: 'A unit joins a centre’s alliance: ACTIVE with an agreement date, APPLIED without.' })
  addAllianceMembership(@Arg('input') input: AddAllianceMembershipInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, membershipList, { name: 'addAllianceMembership', idempotencyKey, input, work: (em, guard) => addMembership(em, input, guard) });
  }

  @Mutation(() => AllianceMembershipView, { description: 'applied → active → suspended / withdrawn; activation needs the agreement date.' })
  changeMembershipStatus(
    @Arg('input') input: ChangeMembershipStatusInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ) {
    return writeCentreRecord(context, membershipList, {
      name: 'changeMembershipStatus',
      idempotencyKey,
      input,
      beforeId: input.membershipId,
      work: (em, guard) => changeMembershipStatus(em, input, guard),
    });
  }
}
