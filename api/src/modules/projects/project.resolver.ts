import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { toAuditJson } from '../../auth/staff-mutation';
import type { Context } from '../../context';
import { AllianceUnitView } from '../alliance/alliance.view';
import { centreRecordResolvers, type ResolverClasses } from '../centre-records/record-resolvers';
import { IDEMPOTENCY, writeCentreRecord } from '../centre-records/record-write';
import { NeedView } from '../needs/need.view';
import { ResourceView } from '../resources/resource.view';
import { ChangeProjectStatusInput, CreateProjectInput, LinkProjectInput, ProjectFilterInput, ReportProjectProgressInput } from './project.inputs';
import { type ProjectFilter, projectList } from './project.loaders';
import { changeProjectStatus, createProject, linkProject, reportProjectProgress } from './project.service';
import { ProjectConnection, ProjectTimelineEntryView, ProjectView } from './project.view';

export const projectListResolvers: ResolverClasses = centreRecordResolvers<ProjectView, ProjectFilter>({
  field: 'projects',
  list: projectList,
  view: ProjectView,
  connection: ProjectConnection,
  filter: ProjectFilterInput,
  loaders: ({ loaders }) => loaders.projectRecords,
  description: { root: 'Projects lists (项目清单) across centres, latest start first.', centre: 'The centre’s projects list (项目清单), latest start first.' },
});

@Resolver(() => ProjectView)
export class ProjectResolver {
  @FieldResolver(() => AllianceUnitView, { nullable: true, description: 'The unit leading the project (牵头单位).' })
  leadUnit(@Root() project: ProjectView, @Ctx() { loaders }: Context) {
    return project.leadUnitId ? loaders.unitById.load(project.leadUnitId) : null;
  }

  @FieldResolver(() => [AllianceUnitView], { description: 'Units working on it besides the lead.' })
  partners(@Root() project: ProjectView, @Ctx() { loaders }: Context): Promise<AllianceUnitView[]> {
    return loaders.partnersByProject.load(project.id);
  }

  @FieldResolver(() => [NeedView], { description: 'The needs it answers.' })
  needs(@Root() project: ProjectView, @Ctx() { loaders }: Context): Promise<NeedView[]> {
    return loaders.needsByProject.load(project.id);
  }

  @FieldResolver(() => [ResourceView], { description: 'The resources it uses.' })
  resources(@Root() project: ProjectView, @Ctx() { loaders }: Context): Promise<ResourceView[]> {
    return loaders.resourcesByProject.load(project.id);
  }

  @FieldResolver(() => [ProjectTimelineEntryView], { description: 'The public timeline, oldest entry first.' })
  timeline(@Root() project: ProjectView, @Ctx() { loaders }: Context): Promise<ProjectTimelineEntryView[]> {
    return loaders.timelineByProject.load(project.id);
  }
}

@Resolver(() => NeedView)
export class NeedProjectsResolver {
  @FieldResolver(() => [ProjectView], { description: 'Projects that answer this need.' })
  projects(@Root() need: NeedView, @Ctx() { loaders }: Context): Promise<ProjectView[]> {
    return loaders.projectsByNeed.load(need.id);
  }
}

@Resolver()
export class ProjectMutationResolver {
  @Mutation(() => ProjectView, { description: 'Adds a project to a centre’s projects list, linked to needs and resources of its region.' })
  createProject(@Arg('input') input: CreateProjectInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, projectList, {
      name: 'createProject',
      idempotencyKey,
      input,
      work: (em, guard) => createProject(em, input, guard),
      after: (project) => ({ ...(toAuditJson(project) as object), needIds: input.needIds ?? [], resourceIds: input.resourceIds ?? [] }),
    });
  }

  @Mutation(() => ProjectView, { description: 'Links more needs, resources or partner units to a project.' })
  linkProject(@Arg('input') input: LinkProjectInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, projectList, { name: 'linkProject', idempotencyKey, input, after: () => input, work: (em, guard) => linkProject(em, input, guard) });
  }

  @Mutation(() => ProjectView, {
    description: 'Moves a project along draft → recruiting → in progress → completed → evaluated (or suspends, cancels it); the step goes on the public timeline.',
  })
  changeProjectStatus(@Arg('input') input: ChangeProjectStatusInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, projectList, {
      name: 'changeProjectStatus',
      idempotencyKey,
      input,
      beforeId: input.projectId,
      work: (em, guard) => changeProjectStatus(em, input, guard),
    });
  }

  @Mutation(() => ProjectView, { description: 'Reports progress and, with a title, adds a dated entry to the public timeline.' })
  reportProjectProgress(@Arg('input') input: ReportProjectProgressInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, projectList, {
      name: 'reportProjectProgress',
      idempotencyKey,
      input,
      beforeId: input.projectId,
      work: (em, guard) => reportProjectProgress(em, input, guard),
    });
  }
}
