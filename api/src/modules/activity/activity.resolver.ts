import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { offsetAfter, toConnection } from '../../shared/pagination';
import { Centre } from '../centre/centre.entity';
import { Project } from '../lists/project.entity';
import { toRegionQuery } from '../lists/lists.service';
import { VolunteerTeam } from '../volunteer/volunteer.entity';
import { Activity } from './activity.entity';
import { ActivitiesArgs, RootActivitiesArgs } from './activity.inputs';
import { listActivities } from './activity.service';
import { ActivityConnection } from './activity.types';

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => ActivityConnection, { description: 'Activities and trainings across centres, by start time: an activity calendar.' })
  async activities(@Args() { regionCode, centreCode, filter, first, after }: RootActivitiesArgs, @Ctx() { em, scope }: Context) {
    const where = await toRegionQuery(em, { regionCode, centreCode }, scope?.path);
    return toConnection(await listActivities(em, { ...where, filter, first, offset: offsetAfter(after) }));
  }

  @FieldResolver(() => Centre)
  async centre(@Root() activity: Activity, @Ctx() { loaders }: Context): Promise<Centre> {
    return (await loaders.centreByCode.load(activity.centre.code))!;
  }

  @FieldResolver(() => VolunteerTeam, { nullable: true, description: 'The team that ran it, if a team did.' })
  team(@Root() activity: Activity, @Ctx() { loaders }: Context) {
    return activity.team ? loaders.teamById.load(activity.team.id) : null;
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project it belongs to, if any.' })
  project(@Root() activity: Activity, @Ctx() { loaders }: Context) {
    return activity.project ? loaders.projectById.load(activity.project.id) : null;
  }
}

@Resolver(() => Centre)
export class CentreActivityResolver {
  @FieldResolver(() => ActivityConnection, { description: 'The centre’s activity calendar: activities and trainings by start time.' })
  async activities(@Root() centre: Centre, @Args() { filter, first, after }: ActivitiesArgs, @Ctx() { loaders }: Context) {
    return toConnection(await loaders.activityPagesByCentre(filter, first, offsetAfter(after)).load(centre.code));
  }
}
