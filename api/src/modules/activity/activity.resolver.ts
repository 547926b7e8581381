import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { runStaffMutation } from '../../auth/staff-mutation';
import { centreRecordOutcome, mayManage, snapshot, IDEMPOTENCY } from '../../shared/centre-records';
import type { Context } from '../../context';
import { offsetAfter, toConnection } from '../../shared/pagination';
import { CentreView } from '../centre/centre.view';
import { Project } from '../lists/project.entity';
import { toRegionQuery } from '../lists/lists.service';
import { VolunteerTeam } from '../volunteer/volunteer.entity';
import { Activity, ActivityStatus } from './activity.entity';
import { ActivitiesArgs, CloseActivityInput, CreateActivityInput, RootActivitiesArgs } from './activity.inputs';
import { changeActivityStatus, closeActivity, createActivity, listActivities } from './activity.service';
import { ActivityConnection } from './activity.types';

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => ActivityConnection, { description: 'Activities and trainings across centres, by start time: an activity calendar.' })
  async activities(@Args() { regionCode, centreCode, filter, first, after }: RootActivitiesArgs, @Ctx() { em, scope }: Context) {
    const where = await toRegionQuery(em, { regionCode, centreCode }, scope?.path);
    return toConnection(await listActivities(em, { ...where, filter, first, offset: offsetAfter(after) }));
  }

  @FieldResolver(() => CentreView)
  async centre(@Root() activity: Activity, @Ctx() { loaders }: Context): Promise<CentreView> {
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

@Resolver(() => CentreView)
export class CentreActivityResolver {
  @FieldResolver(() => ActivityConnection, { description: 'The centre’s activity calendar: activities and trainings by start time.' })
  async activities(@Root() centre: CentreView, @Args() { filter, first, after }: ActivitiesArgs, @Ctx() { loaders }: Context) {
    return toConnection(await loaders.activityPagesByCentre(filter, first, offsetAfter(after)).load(centre.code));
  }
}

@Resolver()
export class ActivityMutationResolver {
  @Mutation(() => Activity, { description: 'Puts an activity or training on a centre’s calendar (PLANNED).' })
  createActivity(@Arg('input') input: CreateActivityInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'createActivity', idempotencyKey, input }, async (em, actor) =>
      centreRecordOutcome('createActivity', 'Activity', await createActivity(em, input, mayManage(actor))),
    );
  }

  @Mutation(() => Activity, { description: 'Publishes, postpones or cancels an activity; closeActivity records that it was held.' })
  changeActivityStatus(
    @Arg('activityId', () => ID) activityId: string,
    @Arg('status', () => ActivityStatus) status: ActivityStatus,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ) {
    return runStaffMutation(context, { name: 'changeActivityStatus', idempotencyKey, input: { activityId, status } }, async (em, actor) => {
      const before = snapshot(await em.findOne(Activity, { id: activityId }));
      return centreRecordOutcome('changeActivityStatus', 'Activity', await changeActivityStatus(em, { activityId, status }, mayManage(actor)), { before });
    });
  }

  @Mutation(() => Activity, { description: 'The closing record: the activity was held and this many attended. Figures derive from it.' })
  closeActivity(@Arg('input') input: CloseActivityInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'closeActivity', idempotencyKey, input }, async (em, actor) => {
      const before = snapshot(await em.findOne(Activity, { id: input.activityId }));
      return centreRecordOutcome('closeActivity', 'Activity', await closeActivity(em, input, mayManage(actor)), { before });
    });
  }
}
