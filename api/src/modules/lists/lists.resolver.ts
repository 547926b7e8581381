import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { runStaffMutation } from '../../auth/staff-mutation';
import type { Context } from '../../context';
import { assertStaffMayRead, centreRecordOutcome, IDEMPOTENCY, mayManage, snapshot } from '../../shared/centre-records';
import { offsetAfter, toConnection } from '../../shared/pagination';
import { AllianceUnit } from '../alliance/alliance.entity';
import { Activity } from '../activity/activity.entity';
import { CentreView } from '../centre/centre.view';
import { regionFigures } from '../figure/figure.service';
import { VolunteerTeam } from '../volunteer/volunteer.entity';
import {
  ChangeProjectStatusInput,
  CreateNeedInput,
  CreateProjectInput,
  CreateResourceInput,
  DecideNeedInput,
  LinkProjectInput,
  NeedsArgs,
  ProjectsArgs,
  RegionFiguresArgs,
  ReportProjectProgressInput,
  ResourcesArgs,
  RootNeedsArgs,
  RootProjectsArgs,
  RootResourcesArgs,
  UpdateResourceInput,
} from './lists.inputs';
import {
  addNeedRequesters,
  changeProjectStatus,
  createNeed,
  createProject,
  createResource,
  decideNeed,
  isStale,
  linkProject,
  listNeeds,
  listProjects,
  listResources,
  publishNeedDecision,
  reportProjectProgress,
  toRegionQuery,
  updateResource,
} from './lists.service';
import { NeedConnection, NeedWorkingState, ProjectConnection, RegionFigure, ResourceConnection } from './lists.types';
import { Need, NeedStatus } from './need.entity';
import { Project, ProjectTimelineEntry } from './project.entity';
import { Resource } from './resource.entity';

@Resolver()
export class ListsQueryResolver {
  @Query(() => NeedConnection, { description: 'Needs lists (需求清单) across centres, newest first.' })
  async needs(@Args() { regionCode, centreCode, filter, first, after }: RootNeedsArgs, @Ctx() { em, scope }: Context) {
    const where = await toRegionQuery(em, { regionCode, centreCode }, scope?.path);
    return toConnection(await listNeeds(em, { ...where, filter, first, offset: offsetAfter(after) }));
  }

  @Query(() => ResourceConnection, { description: 'Resources lists (资源清单) across centres, by category.' })
  async resources(@Args() { regionCode, centreCode, filter, first, after }: RootResourcesArgs, @Ctx() { em, scope }: Context) {
    const where = await toRegionQuery(em, { regionCode, centreCode }, scope?.path);
    return toConnection(await listResources(em, { ...where, filter, first, offset: offsetAfter(after) }));
  }

  @Query(() => ProjectConnection, { description: 'Projects lists (项目清单) across centres, latest start first.' })
  async projects(@Args() { regionCode, centreCode, filter, first, after }: RootProjectsArgs, @Ctx() { em, scope }: Context) {
    const where = await toRegionQuery(em, { regionCode, centreCode }, scope?.path);
    return toConnection(await listProjects(em, { ...where, filter, first, offset: offsetAfter(after) }));
  }

  @Query(() => [RegionFigure], { description: 'Figures rolled up over a region subtree: reported sums beside values derived from records.' })
  regionFigures(@Args() { regionCode, year }: RegionFiguresArgs, @Ctx() { read }: Context) {
    return regionFigures(read, { regionCode, year });
  }
}

@Resolver(() => CentreView)
export class CentreListsResolver {
  @FieldResolver(() => NeedConnection, { description: 'The centre’s needs list (需求清单), newest first.' })
  async needs(@Root() centre: CentreView, @Args() { filter, first, after }: NeedsArgs, @Ctx() { loaders }: Context) {
    return toConnection(await loaders.needPagesByCentre(filter, first, offsetAfter(after)).load(centre.code));
  }

  @FieldResolver(() => ResourceConnection, { description: 'The centre’s resources list (资源清单), by category.' })
  async resources(@Root() centre: CentreView, @Args() { filter, first, after }: ResourcesArgs, @Ctx() { loaders }: Context) {
    return toConnection(await loaders.resourcePagesByCentre(filter, first, offsetAfter(after)).load(centre.code));
  }

  @FieldResolver(() => ProjectConnection, { description: 'The centre’s projects list (项目清单), latest start first.' })
  async projects(@Root() centre: CentreView, @Args() { filter, first, after }: ProjectsArgs, @Ctx() { loaders }: Context) {
    return toConnection(await loaders.projectPagesByCentre(filter, first, offsetAfter(after)).load(centre.code));
  }
}

@Resolver(() => Need)
export class NeedResolver {
  @FieldResolver(() => NeedStatus, { description: 'The status as last published; a decision in progress stays internal until staff publish it.' })
  status(@Root() need: Need): NeedStatus {
    return need.publishedStatus;
  }

  @FieldResolver(() => CentreView)
  async centre(@Root() need: Need, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(need.centre.code))!;
  }

  @FieldResolver(() => NeedWorkingState, { description: 'Staff only (the centre’s staff and administrators of its region): the decision in progress and internal note.' })
  async workingState(@Root() need: Need, @Ctx() context: Context): Promise<NeedWorkingState> {
    await assertStaffMayRead(context, need.centre.code);
    return {
      status: need.status,
      internalNote: need.internalNote ?? null,
      draftAnswer: need.draftAnswer ?? null,
      hasUnpublishedChanges: need.status !== need.publishedStatus || (need.draftAnswer ?? null) !== (need.publicAnswer ?? null),
    };
  }

  @FieldResolver(() => [Project], { description: 'Projects that answer this need.' })
  async projects(@Root() need: Need, @Ctx() { loaders }: Context): Promise<Project[]> {
    return (await loaders.projectLinksByNeed.load(need.id)).map((link) => link.project);
  }
}

@Resolver(() => Resource)
export class ResourceResolver {
  @FieldResolver(() => CentreView)
  async centre(@Root() resource: Resource, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(resource.centre.code))!;
  }

  @FieldResolver(() => AllianceUnit, { nullable: true, description: 'The unit offering it, when providerType is ALLIANCE_UNIT.' })
  providerUnit(@Root() resource: Resource, @Ctx() { loaders }: Context) {
    return resource.providerUnit ? loaders.unitById.load(resource.providerUnit.id) : null;
  }

  @FieldResolver(() => VolunteerTeam, { nullable: true, description: 'The team offering it, when providerType is VOLUNTEER_TEAM.' })
  providerTeam(@Root() resource: Resource, @Ctx() { loaders }: Context) {
    return resource.providerTeam ? loaders.teamById.load(resource.providerTeam.id) : null;
  }

  @FieldResolver(() => Boolean, { description: 'True when nobody has confirmed the offer for 180 days: check it before promising it.' })
  isStale(@Root() resource: Resource): boolean {
    return isStale(resource);
  }
}

@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => CentreView)
  async centre(@Root() project: Project, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(project.centre.code))!;
  }

  @FieldResolver(() => AllianceUnit, { nullable: true, description: 'The unit leading the project (牵头单位).' })
  leadUnit(@Root() project: Project, @Ctx() { loaders }: Context) {
    return project.leadUnit ? loaders.unitById.load(project.leadUnit.id) : null;
  }

  @FieldResolver(() => [AllianceUnit], { description: 'Units working on it besides the lead.' })
  async partners(@Root() project: Project, @Ctx() { loaders }: Context): Promise<AllianceUnit[]> {
    return (await loaders.partnerLinksByProject.load(project.id)).map((link) => link.unit);
  }

  @FieldResolver(() => [Need], { description: 'The needs it answers.' })
  async needs(@Root() project: Project, @Ctx() { loaders }: Context): Promise<Need[]> {
    return (await loaders.needLinksByProject.load(project.id)).map((link) => link.need);
  }

  @FieldResolver(() => [Resource], { description: 'The resources it uses.' })
  async resources(@Root() project: Project, @Ctx() { loaders }: Context): Promise<Resource[]> {
    return (await loaders.resourceLinksByProject.load(project.id)).map((link) => link.resource);
  }

  @FieldResolver(() => [ProjectTimelineEntry], { description: 'The public timeline, oldest entry first.' })
  timeline(@Root() project: Project, @Ctx() { loaders }: Context): Promise<ProjectTimelineEntry[]> {
    return loaders.timelineByProject.load(project.id);
  }

  @FieldResolver(() => [Activity], { description: 'Activities held under the project, by start time.' })
  activities(@Root() project: Project, @Ctx() { loaders }: Context): Promise<Activity[]> {
    return loaders.activitiesByProject.load(project.id);
  }
}

@Resolver()
export class ListsMutationResolver {
  @Mutation(() => Need, { description: 'Adds a need to a centre’s needs list (centre staff, or administrators of its region).' })
  createNeed(@Arg('input') input: CreateNeedInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'createNeed', idempotencyKey, input }, async (em, actor) =>
      centreRecordOutcome('createNeed', 'Need', await createNeed(em, input, mayManage(actor))),
    );
  }

  @Mutation(() => Need, { description: '"Me too": more residents raise the same need.' })
  addNeedRequesters(
    @Arg('needId', () => ID) needId: string,
    @Arg('count', () => Int) count: number,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ) {
    return runStaffMutation(context, { name: 'addNeedRequesters', idempotencyKey, input: { needId, count } }, async (em, actor) => {
      const before = snapshot(await em.findOne(Need, { id: needId }));
      return centreRecordOutcome('addNeedRequesters', 'Need', await addNeedRequesters(em, { needId, count }, mayManage(actor)), { before });
    });
  }

  @Mutation(() => Need, { description: 'Moves a need along its workflow. Residents keep seeing the published status until publishNeedDecision.' })
  decideNeed(@Arg('input') input: DecideNeedInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'decideNeed', idempotencyKey, input }, async (em, actor) => {
      const before = snapshot(await em.findOne(Need, { id: input.needId }));
      // A merge also changes the need it merges into; it is of the same centre, so the same tags cover it.
      return centreRecordOutcome('decideNeed', 'Need', await decideNeed(em, input, mayManage(actor)), { before });
    });
  }

  @Mutation(() => Need, { description: 'Publishes the current decision and answer: from now on residents see them.' })
  publishNeedDecision(@Arg('needId', () => ID) needId: string, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'publishNeedDecision', idempotencyKey, input: { needId } }, async (em, actor) => {
      const before = snapshot(await em.findOne(Need, { id: needId }));
      return centreRecordOutcome('publishNeedDecision', 'Need', await publishNeedDecision(em, { needId }, mayManage(actor)), { before });
    });
  }

  @Mutation(() => Resource, { description: 'Adds an offer to a centre’s resources list.' })
  createResource(@Arg('input') input: CreateResourceInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'createResource', idempotencyKey, input }, async (em, actor) =>
      centreRecordOutcome('createResource', 'Resource', await createResource(em, input, mayManage(actor))),
    );
  }

  @Mutation(() => Resource, { description: 'Changes an offer’s status, capacity or schedule, and confirms it as of today.' })
  updateResource(@Arg('input') input: UpdateResourceInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'updateResource', idempotencyKey, input }, async (em, actor) => {
      const before = snapshot(await em.findOne(Resource, { id: input.resourceId }));
      return centreRecordOutcome('updateResource', 'Resource', await updateResource(em, input, mayManage(actor)), { before });
    });
  }

  @Mutation(() => Project, { description: 'Adds a project to a centre’s projects list, linked to needs and resources of its region.' })
  createProject(@Arg('input') input: CreateProjectInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'createProject', idempotencyKey, input }, async (em, actor) => {
      const project = await createProject(em, input, mayManage(actor));
      return centreRecordOutcome('createProject', 'Project', project, { after: { ...(snapshot(project) as object), needIds: input.needIds ?? [], resourceIds: input.resourceIds ?? [] } });
    });
  }

  @Mutation(() => Project, { description: 'Links more needs, resources or partner units to a project.' })
  linkProject(@Arg('input') input: LinkProjectInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'linkProject', idempotencyKey, input }, async (em, actor) =>
      centreRecordOutcome('linkProject', 'Project', await linkProject(em, input, mayManage(actor)), { after: input }),
    );
  }

  @Mutation(() => Project, { description: 'Moves a project along draft → recruiting → in progress → completed → evaluated (or suspends, cancels it); the step goes on the public timeline.' })
  changeProjectStatus(@Arg('input') input: ChangeProjectStatusInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'changeProjectStatus', idempotencyKey, input }, async (em, actor) => {
      const before = snapshot(await em.findOne(Project, { id: input.projectId }));
      return centreRecordOutcome('changeProjectStatus', 'Project', await changeProjectStatus(em, input, mayManage(actor)), { before });
    });
  }

  @Mutation(() => Project, { description: 'Reports progress and, with a title, adds a dated entry to the public timeline.' })
  reportProjectProgress(@Arg('input') input: ReportProjectProgressInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'reportProjectProgress', idempotencyKey, input }, async (em, actor) => {
      const before = snapshot(await em.findOne(Project, { id: input.projectId }));
      return centreRecordOutcome('reportProjectProgress', 'Project', await reportProjectProgress(em, input, mayManage(actor)), { before });
    });
  }
}
