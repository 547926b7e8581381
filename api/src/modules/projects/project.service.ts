import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../errors/app-error';
import { isWithin } from '../../shared/region-subtree';
import { assertDateOrder, assertInEnum, assertNotNegative, assertText, findOrFail, newRecordId, todayInChina } from '../../shared/records';
import { assertTransition, type TransitionTable } from '../../shared/transitions';
import { AllianceUnit } from '../alliance/alliance.entity';
import type { Centre } from '../centre/centre.entity';
import { centreForWrite, guardCentreOf, type CentreGuard } from '../centre/centre.service';
import { Need, NeedStatus } from '../needs/need.entity';
import { Resource } from '../resources/resource.entity';
import { Project, ProjectNeed, ProjectPartner, ProjectResource, ProjectStatus, ProjectTimelineEntry } from './project.entity';

export const PROJECT_TRANSITIONS: TransitionTable<ProjectStatus> = {
  DRAFT: [ProjectStatus.RECRUITING, ProjectStatus.IN_PROGRESS, ProjectStatus.CANCELLED],
  RECRUITING: [ProjectStatus.IN_PROGRESS, ProjectStatus.SUSPENDED, ProjectStatus.CANCELLED],
  IN_PROGRESS: [ProjectStatus.COMPLETED, ProjectStatus.SUSPENDED, ProjectStatus.CANCELLED],
  SUSPENDED: [ProjectStatus.RECRUITING, ProjectStatus.IN_PROGRESS, ProjectStatus.CANCELLED],
  COMPLETED: [ProjectStatus.EVALUATED],
  EVALUATED: [],
  CANCELLED: [],
};

export interface NewProject {
  centreCode: string;
  title: string;
  description?: string;
  leadUnitId?: string;
  partnerUnitIds?: string[];
  needIds?: string[];
  resourceIds?: string[];
  budgetYuan?: number;
  startsOn?: string;
  endsOn?: string;
}

export async function createProject(em: EntityManager, input: NewProject, guard: CentreGuard): Promise<Project> {
  assertText(input.title, 'title', 200);
  assertNotNegative(input.budgetYuan, 'budgetYuan');
  assertDateOrder(input.startsOn, input.endsOn, 'endsOn');
  const centre = await centreForWrite(em, input.centreCode, guard);
  const leadUnit = input.leadUnitId ? await findOrFail(em, AllianceUnit, input.leadUnitId, 'leadUnitId') : undefined;
  const project = em.create(Project, {
    id: newRecordId(),
    centre,
    title: input.title.trim(),
    description: input.description,
    leadUnit,
    budgetYuan: input.budgetYuan,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
  });
  await linkToProject(em, project, centre, input);
  em.create(ProjectTimelineEntry, { id: newRecordId(), project, entryOn: todayInChina(), title: '项目立项', status: ProjectStatus.DRAFT });
  await em.flush();
  return project;
}

/** Adds needs, resources and partner units to a project. */
export async function linkProject(
  em: EntityManager,
  input: { projectId: string; needIds?: string[]; resourceIds?: string[]; partnerUnitIds?: string[] },
  guard: CentreGuard,
): Promise<Project> {
  const project = await findOrFail(em, Project, input.projectId, 'projectId');
  const centre = await guardCentreOf(em, project, guard);
  await linkToProject(em, project, centre, input);
  await em.flush();
  return project;
}

/**
 * A project answers needs and uses resources of its own centre's region (a street hub's
 * project may take in its communities' needs), never another region's.
 */
async function linkToProject(
  em: EntityManager,
  project: Project,
  centre: Centre,
  { needIds = [], resourceIds = [], partnerUnitIds = [] }: { needIds?: string[]; resourceIds?: string[]; partnerUnitIds?: string[] },
): Promise<void> {
  const regionPath = centre.region.path;
  const needs = await em.find(Need, { id: { $in: needIds } }, { populate: ['centre.region'] });
  for (const id of needIds) {
    const need = needs.find((candidate) => candidate.id === id);
    if (!need) throw badInput('needIds', `names no need with id "${id}".`);
    if (!isWithin(need.centre.region.path, regionPath)) {
      throw badInput('needIds', `includes need "${id}" of ${need.centre.region.code}, outside the project centre's region ${centre.region.code}.`);
    }
    if ([NeedStatus.REJECTED, NeedStatus.WITHDRAWN, NeedStatus.MERGED].includes(need.status)) {
      throw badInput('needIds', `includes need "${id}", which is ${need.status}: a project can only answer open needs.`);
    }
  }
  const resources = await em.find(Resource, { id: { $in: resourceIds } }, { populate: ['centre.region'] });
  for (const id of resourceIds) {
    const resource = resources.find((candidate) => candidate.id === id);
    if (!resource) throw badInput('resourceIds', `names no resource with id "${id}".`);
    if (!isWithin(resource.centre.region.path, regionPath)) {
      throw badInput('resourceIds', `includes resource "${id}" of ${resource.centre.region.code}, outside the project centre's region ${centre.region.code}.`);
    }
  }
  const units = await em.find(AllianceUnit, { id: { $in: partnerUnitIds } });
  for (const id of partnerUnitIds) {
    if (!units.some((unit) => unit.id === id)) throw badInput('partnerUnitIds', `names no alliance unit with id "${id}".`);
  }
  const existing = {
    needs: new Set((await em.find(ProjectNeed, { project })).map((link) => link.need.id)),
    resources: new Set((await em.find(ProjectResource, { project })).map((link) => link.resource.id)),
    partners: new Set((await em.find(ProjectPartner, { project })).map((link) => link.unit.id)),
  };
  for (const need of needs.filter((row) => !existing.needs.has(row.id))) em.create(ProjectNeed, { project, need });
  for (const resource of resources.filter((row) => !existing.resources.has(row.id))) em.create(ProjectResource, { project, resource });
  for (const unit of units.filter((row) => !existing.partners.has(row.id))) em.create(ProjectPartner, { project, unit });
}

export interface ProjectStatusChange {
  projectId: string;
  status: ProjectStatus;
  /** Shown on the public timeline. */
  note?: string;
  on?: string;
}

/** Moves a project along its workflow and records the step on its public timeline. */
export async function changeProjectStatus(em: EntityManager, input: ProjectStatusChange, guard: CentreGuard): Promise<Project> {
  assertInEnum(ProjectStatus, input.status, 'status');
  const project = await findOrFail(em, Project, input.projectId, 'projectId');
  await guardCentreOf(em, project, guard);
  assertTransition(PROJECT_TRANSITIONS, 'a project', project.status, input.status);
  project.status = input.status;
  if (input.status === ProjectStatus.COMPLETED) project.progress = 100;
  em.create(ProjectTimelineEntry, {
    id: newRecordId(),
    project,
    entryOn: input.on ?? todayInChina(),
    title: PROJECT_STATUS_TITLES[input.status],
    description: input.note,
    status: input.status,
  });
  await em.flush();
  return project;
}

const PROJECT_STATUS_TITLES: Record<ProjectStatus, string> = {
  DRAFT: '项目立项',
  RECRUITING: '发布认领',
  IN_PROGRESS: '项目实施',
  COMPLETED: '项目完成',
  EVALUATED: '评估验收',
  SUSPENDED: '项目暂停',
  CANCELLED: '项目取消',
};

/** Reports progress and, with a title, a dated entry on the public timeline. */
export async function reportProjectProgress(
  em: EntityManager,
  given: { projectId: string; progress?: number | null; title?: string | null; description?: string | null; on?: string | null },
  guard: CentreGuard,
): Promise<Project> {
  // An explicit null (as GraphQL clients send for "no value") means the same as leaving it out.
  const input = {
    projectId: given.projectId,
    progress: given.progress ?? undefined,
    title: given.title ?? undefined,
    description: given.description ?? undefined,
    on: given.on ?? undefined,
  };
  if (input.progress !== undefined && (!Number.isInteger(input.progress) || input.progress < 0 || input.progress > 100)) {
    throw badInput('progress', `must be a whole percentage from 0 to 100, got ${input.progress}.`);
  }
  if (input.progress === undefined && input.title === undefined) throw badInput('title', 'or progress is required: there is nothing to report.');
  if (input.title !== undefined) assertText(input.title, 'title', 200);
  const project = await findOrFail(em, Project, input.projectId, 'projectId');
  await guardCentreOf(em, project, guard);
  if (![ProjectStatus.RECRUITING, ProjectStatus.IN_PROGRESS, ProjectStatus.SUSPENDED].includes(project.status) && input.progress !== undefined) {
    throw badInput('progress', `cannot change while the project is ${project.status}.`);
  }
  if (input.progress !== undefined) project.progress = input.progress;
  if (input.title !== undefined) {
    em.create(ProjectTimelineEntry, { id: newRecordId(), project, entryOn: input.on ?? todayInChina(), title: input.title.trim(), description: input.description });
  }
  await em.flush();
  return project;
}
