import { Arg, Ctx, FieldResolver, Float, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { assertStaffMayRead } from '../centre-records/record-access';
import { centreRecordResolvers, type ResolverClasses } from '../centre-records/record-resolvers';
import { IDEMPOTENCY, writeCentreRecord } from '../centre-records/record-write';
import { AddVolunteerInput, CreateVolunteerTeamInput, RecordServiceHoursInput, TeamFilterInput } from './volunteer.inputs';
import { type TeamFilter, teamList } from './volunteer.loaders';
import { addTeamMember, createTeam, recordServiceHours } from './volunteer.service';
import { VolunteerTeamConnection, VolunteerTeamView, VolunteerView } from './volunteer.view';

export const teamListResolvers: ResolverClasses = centreRecordResolvers<VolunteerTeamView, TeamFilter>({
  field: 'volunteerTeams',
  list: teamList,
  view: VolunteerTeamView,
  connection: VolunteerTeamConnection,
  filter: TeamFilterInput,
  loaders: ({ loaders }) => loaders.teamRecords,
  description: { root: 'Volunteer teams across centres, by name.', centre: 'The centre’s volunteer teams (志愿服务队), by name.' },
});

@Resolver(() => VolunteerTeamView)
export class VolunteerTeamResolver {
  // Members are people: the public sees how many and how much they served, never who.
  @FieldResolver(() => Int, { description: 'Active members on record; compare reportedMemberCount.' })
  async memberCount(@Root() team: VolunteerTeamView, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.teamStatsById.load(team.id))?.memberCount ?? 0;
  }

  @FieldResolver(() => Float, { description: 'Service hours of the active members, summed.' })
  async serviceHours(@Root() team: VolunteerTeamView, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.teamStatsById.load(team.id))?.serviceHours ?? 0;
  }

  @FieldResolver(() => Boolean, { description: 'True when the team has a leader on record.' })
  async hasLeader(@Root() team: VolunteerTeamView, @Ctx() { loaders }: Context): Promise<boolean> {
    return ((await loaders.teamStatsById.load(team.id))?.leaderCount ?? 0) > 0;
  }

  @FieldResolver(() => [VolunteerView], { description: 'Staff only (the centre’s staff and administrators of its region): the volunteers with their contacts.' })
  async members(@Root() team: VolunteerTeamView, @Ctx() context: Context): Promise<VolunteerView[]> {
    await assertStaffMayRead(context, team.centreCode);
    return context.loaders.membersByTeam.load(team.id);
  }
}

@Resolver()
export class VolunteerMutationResolver {
  @Mutation(() => VolunteerTeamView, { description: 'Sets up a volunteer team at a centre.' })
  createVolunteerTeam(@Arg('input') input: CreateVolunteerTeamInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, teamList, { name: 'createVolunteerTeam', idempotencyKey, input, work: (em, guard) => createTeam(em, input, guard) });
  }

  @Mutation(() => VolunteerTeamView, { description: 'Adds a volunteer to a team; answers with the team (members are not public).' })
  addVolunteer(@Arg('input') input: AddVolunteerInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, teamList, {
      name: 'addVolunteer',
      idempotencyKey,
      input,
      work: (em, guard) => addTeamMember(em, input, guard),
      // The audit keeps who joined in which role, not their phone number.
      after: (team) => ({ teamId: team.id, name: input.name, role: input.role ?? 'MEMBER' }),
    });
  }

  @Mutation(() => VolunteerTeamView, { description: 'Credits certified service hours to a volunteer; answers with the team.' })
  recordServiceHours(@Arg('input') input: RecordServiceHoursInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, teamList, {
      name: 'recordServiceHours',
      idempotencyKey,
      input,
      after: () => input,
      work: (em, guard) => recordServiceHours(em, input, guard),
    });
  }
}
