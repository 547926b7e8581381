import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { centreRecordResolvers, type ResolverClasses } from '../centre-records/record-resolvers';
import { IDEMPOTENCY, writeCentreRecord } from '../centre-records/record-write';
import { ProjectView } from '../projects/project.view';
import { VolunteerTeamView } from '../volunteer/volunteer.view';
import { ActivityStatus } from './activity.entity';
import { ActivityFilterInput, CloseActivityInput, CreateActivityInput } from './activity.inputs';
import { activityList, type ActivityFilter } from './activity.loaders';
import { changeActivityStatus, closeActivity, createActivity } from './activity.service';
import { ActivityConnection, ActivityView } from './activity.view';

export const activityListResolvers: ResolverClasses = centreRecordResolvers<ActivityView, ActivityFilter>({
  field: 'activities',
  list: activityList,
  view: ActivityView,
  connection: ActivityConnection,
  filter: ActivityFilterInput,
  loaders: ({ loaders }) => loaders.activityRecords,
  description: {
    root: 'Activities and trainings across centres, by start time: an activity calendar.',
    centre: 'The centre’s activity calendar: activities and trainings by start time.',
  },
});

@Resolver(() => ActivityView)
export class ActivityResolver {
  @FieldResolver(() => VolunteerTeamView, { nullable: true, description: 'The team that ran it, if a team did.' })
  team(@Root() activity: ActivityView, @Ctx() { loaders }: Context) {
    return activity.teamId ? loaders.teamRecords.byId.load(activity.teamId) : null;
  }

  @FieldResolver(() => ProjectView, { nullable: true, description: 'The project it belongs to, if any.' })
  project(@Root() activity: ActivityView, @Ctx() { loaders }: Context) {
    return activity.projectId ? loaders.projectRecords.byId.load(activity.projectId) : null;
  }
}

@Resolver(() => ProjectView)
export class ProjectActivitiesResolver {
  @FieldResolver(() => [ActivityView], { description: 'Activities held under the project, by start time.' })
  activities(@Root() project: ProjectView, @Ctx() { loaders }: Context): Promise<ActivityView[]> {
    return loaders.activitiesByProject.load(project.id);
  }
}

@Resolver()
export class ActivityMutationResolver {
  @Mutation(() => ActivityView, { description: 'Puts an activity or training on a centre’s calendar (PLANNED).' })
  createActivity(@Arg('input') input: CreateActivityInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, activityList, { name: 'createActivity', idempotencyKey, input, work: (em, guard) => createActivity(em, input, guard) });
  }

  @Mutation(() => ActivityView, { description: 'Publishes, postpones or cancels an activity; closeActivity records that it was held.' })
  changeActivityStatus(
    @Arg('activityId', () => ID) activityId: string,
    @Arg('status', () => ActivityStatus) status: ActivityStatus,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ) {
    return writeCentreRecord(context, activityList, {
      name: 'changeActivityStatus',
      idempotencyKey,
      input: { activityId, status },
      beforeId: activityId,
      work: (em, guard) => changeActivityStatus(em, { activityId, status }, guard),
    });
  }

  @Mutation(() => ActivityView, { description: 'The closing record: the activity was held and this many attended. Figures derive from it.' })
  closeActivity(@Arg('input') input: CloseActivityInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, activityList, {
      name: 'closeActivity',
      idempotencyKey,
      input,
      beforeId: input.activityId,
      work: (em, guard) => closeActivity(em, input, guard),
    });
  }
}
