import { Arg, Args, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { runStaffMutation } from '../../auth/staff-mutation';
import { assertStaffMayRead, centreRecordOutcome, IDEMPOTENCY, mayManage } from '../../shared/centre-records';
import type { Context } from '../../context';
import { offsetAfter, toConnection } from '../../shared/pagination';
import { CentreView } from '../centre/centre.view';
import { toRegionQuery } from '../lists/lists.service';
import { VolunteerTeam } from './volunteer.entity';
import { AddVolunteerInput, CreateVolunteerTeamInput, RecordServiceHoursInput, RootTeamsArgs, TeamsArgs } from './volunteer.inputs';
import { addTeamMember, createTeam, listTeams, recordServiceHours } from './volunteer.service';
import { Volunteer, VolunteerTeamConnection } from './volunteer.types';

@Resolver(() => VolunteerTeam)
export class VolunteerTeamResolver {
  @Query(() => VolunteerTeamConnection, { description: 'Volunteer teams across centres, by name.' })
  async volunteerTeams(@Args() { regionCode, centreCode, filter, first, after }: RootTeamsArgs, @Ctx() { em, scope }: Context) {
    const where = await toRegionQuery(em, { regionCode, centreCode }, scope?.path);
    return toConnection(await listTeams(em, { ...where, filter, first, offset: offsetAfter(after) }));
  }

  @FieldResolver(() => CentreView)
  async centre(@Root() team: VolunteerTeam, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(team.centre.code))!;
  }

  // Members are people: the public sees how many and how much they served, never who.
  @FieldResolver(() => Int, { description: 'Active members on record; compare reportedMemberCount.' })
  async memberCount(@Root() team: VolunteerTeam, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.teamStatsById.load(team.id))?.memberCount ?? 0;
  }

  @FieldResolver(() => Float, { description: 'Service hours of the active members, summed.' })
  async serviceHours(@Root() team: VolunteerTeam, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.teamStatsById.load(team.id))?.serviceHours ?? 0;
  }

  @FieldResolver(() => Boolean, { description: 'True when the team has a leader on record.' })
  async hasLeader(@Root() team: VolunteerTeam, @Ctx() { loaders }: Context): Promise<boolean> {
    return ((await loaders.teamStatsById.load(team.id))?.leaderCount ?? 0) > 0;
  }
}

@Resolver(() => VolunteerTeam)
export class VolunteerTeamStaffResolver {
  @FieldResolver(() => [Volunteer], { description: 'Staff only (the centre’s staff and administrators of its region): the volunteers with their contacts.' })
  async members(@Root() team: VolunteerTeam, @Ctx() context: Context): Promise<Volunteer[]> {
    await assertStaffMayRead(context, team.centre.code);
    return (await context.loaders.membersByTeam.load(team.id)).map(({ id, name, phone, role, status, skills, serviceHours }) => ({ id, name, phone: phone ?? null, role, status, skills, serviceHours }));
  }
}

@Resolver(() => CentreView)
export class CentreVolunteerResolver {
  @FieldResolver(() => VolunteerTeamConnection, { description: 'The centre’s volunteer teams (志愿服务队), by name.' })
  async volunteerTeams(@Root() centre: CentreView, @Args() { filter, first, after }: TeamsArgs, @Ctx() { loaders }: Context) {
    return toConnection(await loaders.teamPagesByCentre(filter, first, offsetAfter(after)).load(centre.code));
  }
}

@Resolver()
export class VolunteerMutationResolver {
  @Mutation(() => VolunteerTeam, { description: 'Sets up a volunteer team at a centre.' })
  createVolunteerTeam(@Arg('input') input: CreateVolunteerTeamInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'createVolunteerTeam', idempotencyKey, input }, async (em, actor) =>
      centreRecordOutcome('createVolunteerTeam', 'VolunteerTeam', await createTeam(em, input, mayManage(actor))),
    );
  }

  @Mutation(() => VolunteerTeam, { description: 'Adds a volunteer to a team; answers with the team (members are not public).' })
  addVolunteer(@Arg('input') input: AddVolunteerInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'addVolunteer', idempotencyKey, input }, async (em, actor) => {
      const team = await addTeamMember(em, input, mayManage(actor));
      // The audit keeps who joined in which role, not their phone number.
      return centreRecordOutcome('addVolunteer', 'VolunteerTeam', team, { after: { teamId: team.id, name: input.name, role: input.role ?? 'MEMBER' } });
    });
  }

  @Mutation(() => VolunteerTeam, { description: 'Credits certified service hours to a volunteer; answers with the team.' })
  recordServiceHours(@Arg('input') input: RecordServiceHoursInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'recordServiceHours', idempotencyKey, input }, async (em, actor) =>
      centreRecordOutcome('recordServiceHours', 'VolunteerTeam', await recordServiceHours(em, input, mayManage(actor)), { after: input }),
    );
  }
}
