import { Args, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { offsetAfter, toConnection } from '../../shared/pagination';
import { Centre } from '../centre/centre.entity';
import { toRegionQuery } from '../lists/lists.service';
import { VolunteerTeam } from './volunteer.entity';
import { RootTeamsArgs, TeamsArgs } from './volunteer.inputs';
import { listTeams } from './volunteer.service';
import { VolunteerTeamConnection } from './volunteer.types';

@Resolver(() => VolunteerTeam)
export class VolunteerTeamResolver {
  @Query(() => VolunteerTeamConnection, { description: 'Volunteer teams across centres, by name.' })
  async volunteerTeams(@Args() { regionCode, centreCode, filter, first, after }: RootTeamsArgs, @Ctx() { em, scope }: Context) {
    const where = await toRegionQuery(em, { regionCode, centreCode }, scope?.path);
    return toConnection(await listTeams(em, { ...where, filter, first, offset: offsetAfter(after) }));
  }

  @FieldResolver(() => Centre)
  async centre(@Root() team: VolunteerTeam, @Ctx() { loaders }: Context): Promise<Centre> {
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

@Resolver(() => Centre)
export class CentreVolunteerResolver {
  @FieldResolver(() => VolunteerTeamConnection, { description: 'The centre’s volunteer teams (志愿服务队), by name.' })
  async volunteerTeams(@Root() centre: Centre, @Args() { filter, first, after }: TeamsArgs, @Ctx() { loaders }: Context) {
    return toConnection(await loaders.teamPagesByCentre(filter, first, offsetAfter(after)).load(centre.code));
  }
}
