import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode, badInput } from '../../errors/app-error';
import { findPage, type Page } from '../../shared/pagination';
import { isWithin } from '../../shared/region-subtree';
import { assertDateOrder, assertInEnum, assertNotNegative, assertText, findOrFail, newRecordId, todayInChina } from '../../shared/records';
import { assertTransition, type TransitionTable } from '../../shared/transitions';
import { AllianceUnit } from '../alliance/alliance.entity';
import type { Centre } from '../centre/centre.entity';
import { centreForWrite, guardCentreOf, type CentreGuard } from '../centre/centre.service';
import { findRegion } from '../region/region.service';
import { VolunteerTeam } from '../volunteer/volunteer.entity';
import { Need, NeedCategory, NeedSource, NeedStatus } from './need.entity';
import { Project, ProjectNeed, ProjectPartner, ProjectResource, ProjectStatus, ProjectTimelineEntry } from './project.entity';
import { RESOURCE_STALE_AFTER_DAYS, Resource, ResourceCategory, ResourceProviderType, ResourceStatus } from './resource.entity';

export const NEED_TRANSITIONS: TransitionTable<NeedStatus> = {
  SUBMITTED: [NeedStatus.EVALUATING, NeedStatus.REJECTED, NeedStatus.MERGED, NeedStatus.WITHDRAWN],
  EVALUATING: [NeedStatus.ACCEPTED, NeedStatus.REJECTED, NeedStatus.MERGED, NeedStatus.WITHDRAWN],
  ACCEPTED: [],
  REJECTED: [],
  MERGED: [],
  WITHDRAWN: [],
};

export const RESOURCE_TRANSITIONS: TransitionTable<ResourceStatus> = {
  DRAFT: [ResourceStatus.ACTIVE, ResourceStatus.INACTIVE],
  ACTIVE: [ResourceStatus.TEMPORARILY_CLOSED, ResourceStatus.INACTIVE],
  TEMPORARILY_CLOSED: [ResourceStatus.ACTIVE, ResourceStatus.INACTIVE],
  INACTIVE: [ResourceStatus.ACTIVE],
};

export const PROJECT_TRANSITIONS: TransitionTable<ProjectStatus> = {
  DRAFT: [ProjectStatus.RECRUITING, ProjectStatus.IN_PROGRESS, ProjectStatus.CANCELLED],
  RECRUITING: [ProjectStatus.IN_PROGRESS, ProjectStatus.SUSPENDED, ProjectStatus.CANCELLED],
  IN_PROGRESS: [ProjectStatus.COMPLETED, ProjectStatus.SUSPENDED, ProjectStatus.CANCELLED],
  SUSPENDED: [ProjectStatus.RECRUITING, ProjectStatus.IN_PROGRESS, ProjectStatus.CANCELLED],
  COMPLETED: [ProjectStatus.EVALUATED],
  EVALUATED: [],
  CANCELLED: [],
};

/** Needs still waiting for an answer: what "open needs" means in lists and filters. */
export const OPEN_NEED_STATUSES = [NeedStatus.SUBMITTED, NeedStatus.EVALUATING, NeedStatus.ACCEPTED];
/** Projects under way. */
export const ACTIVE_PROJECT_STATUSES = [ProjectStatus.RECRUITING, ProjectStatus.IN_PROGRESS];

/** Where a root list looks: a region subtree, narrowed by the caller's key scope. */
export interface RegionQuery {
  regionPath?: string;
  scopePath?: string;
  centreCode?: string;
}

/** A root list's region and centre arguments, with the region's path looked up. */
export async function toRegionQuery(em: EntityManager, { regionCode, centreCode }: { regionCode?: string; centreCode?: string }, scopePath?: string): Promise<RegionQuery> {
  if (!regionCode) return { centreCode, scopePath };
  const region = await findRegion(em, regionCode);
  if (!region) throw new AppError(ErrorCode.NOT_FOUND, `No region has the code "${regionCode}".`, { argument: 'regionCode' });
  return { regionPath: region.path, centreCode, scopePath };
}

/** Conditions on a record's centre for a RegionQuery. */
export function centreConditions({ regionPath, scopePath, centreCode }: RegionQuery): Array<Record<string, unknown>> {
  return [
    ...(centreCode ? [{ centre: centreCode }] : []),
    ...[regionPath, scopePath].filter(Boolean).map((path) => ({ centre: { region: { path: { $like: `${path}%` } } } })),
  ];
}

// ---- needs -------------------------------------------------------------------

export interface NeedFilter {
  status?: NeedStatus[];
  category?: NeedCategory[];
  source?: NeedSource[];
  /** Only needs not yet answered for good: submitted, evaluating or accepted. */
  openOnly?: boolean;
}

/** Residents see the published status; filters therefore apply to it. */
export function needConditions(filter: NeedFilter = {}): FilterQuery<Need> {
  const statuses = filter.openOnly ? intersect(filter.status, OPEN_NEED_STATUSES) : filter.status;
  return {
    ...(statuses ? { publishedStatus: { $in: statuses } } : {}),
    ...(filter.category?.length ? { category: { $in: filter.category } } : {}),
    ...(filter.source?.length ? { source: { $in: filter.source } } : {}),
  };
}

export const NEED_ORDER_SQL = 'e.submitted_on desc, e.id asc';

export function listNeeds(em: EntityManager, query: RegionQuery & { filter?: NeedFilter; first: number; offset: number }): Promise<Page<Need>> {
  return findPage(em, Need, { $and: [needConditions(query.filter), ...centreConditions(query)] } as FilterQuery<Need>, {
    orderBy: [{ submittedOn: 'desc' }, { id: 'asc' }],
    first: query.first,
    offset: query.offset,
  });
}

export interface NewNeed {
  centreCode: string;
  source: NeedSource;
  category: NeedCategory;
  title: string;
  description?: string;
  requesterCount?: number;
  submittedOn?: string;
}

export async function createNeed(em: EntityManager, input: NewNeed, guard: CentreGuard): Promise<Need> {
  assertInEnum(NeedCategory, input.category, 'category');
  assertInEnum(NeedSource, input.source, 'source');
  assertText(input.title, 'title', 200);
  if (input.requesterCount !== undefined && input.requesterCount < 1) {
    throw badInput('requesterCount', `must be at least 1, got ${input.requesterCount}.`);
  }
  const centre = await centreForWrite(em, input.centreCode, guard);
  const need = em.create(Need, {
    id: newRecordId(),
    centre,
    source: input.source,
    category: input.category,
    title: input.title.trim(),
    description: input.description,
    requesterCount: input.requesterCount ?? 1,
    submittedOn: input.submittedOn ?? todayInChina(),
  });
  await em.flush();
  return need;
}

/** "Me too": more residents raise the same need. */
export async function addNeedRequesters(em: EntityManager, { needId, count }: { needId: string; count: number }, guard: CentreGuard): Promise<Need> {
  if (!Number.isInteger(count) || count < 1) throw badInput('count', `must be a whole number of at least 1, got ${count}.`);
  const need = await findOrFail(em, Need, needId, 'needId');
  await guardCentreOf(em, need, guard);
  need.requesterCount += count;
  await em.flush();
  return need;
}

export interface NeedDecision {
  needId: string;
  status: NeedStatus;
  /** Staff's reasoning, kept internal. */
  internalNote?: string;
  /** The answer residents will see once the decision is published. */
  answer?: string;
  /** For MERGED: the need this one duplicates. */
  mergedIntoId?: string;
}

/** Moves a need along its workflow; residents see nothing of it until it is published. */
export async function decideNeed(em: EntityManager, input: NeedDecision, guard: CentreGuard): Promise<Need> {
  assertInEnum(NeedStatus, input.status, 'status');
  const need = await findOrFail(em, Need, input.needId, 'needId');
  await guardCentreOf(em, need, guard);
  assertTransition(NEED_TRANSITIONS, 'a need', need.status, input.status);
  if (input.status === NeedStatus.MERGED) {
    if (!input.mergedIntoId) throw badInput('mergedIntoId', 'is required to merge a need: name the need it duplicates.');
    if (input.mergedIntoId === need.id) throw badInput('mergedIntoId', 'must name another need, not the need itself.');
    const target = await findOrFail(em, Need, input.mergedIntoId, 'mergedIntoId');
    if (target.centre.code !== need.centre.code) throw badInput('mergedIntoId', 'must name a need of the same centre.');
    if (!OPEN_NEED_STATUSES.includes(target.status)) throw badInput('mergedIntoId', `must name an open need; that one is ${target.status}.`);
    need.mergedInto = target;
    target.requesterCount += need.requesterCount;
  } else if (input.mergedIntoId) {
    throw badInput('mergedIntoId', 'is only for status MERGED.');
  }
  need.status = input.status;
  if (input.internalNote !== undefined) need.internalNote = input.internalNote;
  if (input.answer !== undefined) need.draftAnswer = input.answer;
  await em.flush();
  return need;
}

/** Announces the current decision and answer: from now on residents see them. */
export async function publishNeedDecision(em: EntityManager, { needId }: { needId: string }, guard: CentreGuard, now = new Date()): Promise<Need> {
  const need = await findOrFail(em, Need, needId, 'needId');
  await guardCentreOf(em, need, guard);
  if (need.status === NeedStatus.SUBMITTED) throw badInput('needId', 'has no decision to publish yet: move it to EVALUATING or decide it first.');
  need.publishedStatus = need.status;
  need.publicAnswer = need.draftAnswer;
  need.answerPublishedAt = now;
  await em.flush();
  return need;
}

// ---- resources ---------------------------------------------------------------

export interface ResourceFilter {
  status?: ResourceStatus[];
  category?: ResourceCategory[];
  providerType?: ResourceProviderType[];
  /** true: only offers nobody has confirmed for RESOURCE_STALE_AFTER_DAYS; false: only fresh ones. */
  stale?: boolean;
}

export function staleBefore(now = new Date()): string {
  return todayInChina(new Date(now.getTime() - RESOURCE_STALE_AFTER_DAYS * 86_400_000));
}

export function isStale(resource: Resource, now = new Date()): boolean {
  return resource.lastVerifiedOn < staleBefore(now);
}

export function resourceConditions(filter: ResourceFilter = {}, now = new Date()): FilterQuery<Resource> {
  return {
    ...(filter.status?.length ? { status: { $in: filter.status } } : {}),
    ...(filter.category?.length ? { category: { $in: filter.category } } : {}),
    ...(filter.providerType?.length ? { providerType: { $in: filter.providerType } } : {}),
    ...(filter.stale === undefined ? {} : { lastVerifiedOn: filter.stale ? { $lt: staleBefore(now) } : { $gte: staleBefore(now) } }),
  };
}

export const RESOURCE_ORDER_SQL = 'e.category asc, e.title asc, e.id asc';

export function listResources(em: EntityManager, query: RegionQuery & { filter?: ResourceFilter; first: number; offset: number }): Promise<Page<Resource>> {
  return findPage(em, Resource, { $and: [resourceConditions(query.filter), ...centreConditions(query)] } as FilterQuery<Resource>, {
    orderBy: [{ category: 'asc' }, { title: 'asc' }, { id: 'asc' }],
    first: query.first,
    offset: query.offset,
  });
}

export interface NewResource {
  centreCode: string;
  providerType: ResourceProviderType;
  providerUnitId?: string;
  providerTeamId?: string;
  category: ResourceCategory;
  title: string;
  description?: string;
  capacity?: number;
  capacityUnit?: string;
  schedule?: string;
  status?: ResourceStatus;
}

export async function createResource(em: EntityManager, input: NewResource, guard: CentreGuard): Promise<Resource> {
  assertInEnum(ResourceCategory, input.category, 'category');
  assertInEnum(ResourceProviderType, input.providerType, 'providerType');
  assertText(input.title, 'title', 200);
  assertNotNegative(input.capacity, 'capacity');
  if (input.status && ![ResourceStatus.DRAFT, ResourceStatus.ACTIVE].includes(input.status)) {
    throw badInput('status', 'of a new resource must be DRAFT or ACTIVE.');
  }
  const centre = await centreForWrite(em, input.centreCode, guard);
  const provider = await resolveProvider(em, centre, input);
  const resource = em.create(Resource, {
    id: newRecordId(),
    centre,
    ...provider,
    category: input.category,
    title: input.title.trim(),
    description: input.description,
    capacity: input.capacity,
    capacityUnit: input.capacityUnit,
    schedule: input.schedule,
    status: input.status ?? ResourceStatus.ACTIVE,
    lastVerifiedOn: todayInChina(),
  });
  await em.flush();
  return resource;
}

/** A unit offers through the centre's alliance, a team belongs to the centre, the centre offers itself. */
async function resolveProvider(em: EntityManager, centre: Centre, input: NewResource) {
  const { providerType, providerUnitId, providerTeamId } = input;
  if (providerType === ResourceProviderType.ALLIANCE_UNIT) {
    if (!providerUnitId || providerTeamId) throw badInput('providerUnitId', 'is required (and providerTeamId not allowed) when providerType is ALLIANCE_UNIT.');
    return { providerType, providerUnit: await findOrFail(em, AllianceUnit, providerUnitId, 'providerUnitId') };
  }
  if (providerType === ResourceProviderType.VOLUNTEER_TEAM) {
    if (!providerTeamId || providerUnitId) throw badInput('providerTeamId', 'is required (and providerUnitId not allowed) when providerType is VOLUNTEER_TEAM.');
    const team = await findOrFail(em, VolunteerTeam, providerTeamId, 'providerTeamId');
    if (team.centre.code !== centre.code) throw badInput('providerTeamId', 'must name a team of this centre.');
    return { providerType, providerTeam: team };
  }
  if (providerUnitId || providerTeamId) throw badInput('providerType', 'is CENTRE: leave providerUnitId and providerTeamId out.');
  return { providerType };
}

export interface ResourceUpdate {
  resourceId: string;
  status?: ResourceStatus;
  capacity?: number;
  schedule?: string;
}

/** Changes status, capacity or schedule; any update confirms the offer as of today. */
export async function updateResource(em: EntityManager, input: ResourceUpdate, guard: CentreGuard): Promise<Resource> {
  assertNotNegative(input.capacity, 'capacity');
  if (input.status) assertInEnum(ResourceStatus, input.status, 'status');
  const resource = await findOrFail(em, Resource, input.resourceId, 'resourceId');
  await guardCentreOf(em, resource, guard);
  if (input.status && input.status !== resource.status) {
    assertTransition(RESOURCE_TRANSITIONS, 'a resource', resource.status, input.status);
    resource.status = input.status;
  }
  if (input.capacity !== undefined) resource.capacity = input.capacity;
  if (input.schedule !== undefined) resource.schedule = input.schedule;
  resource.lastVerifiedOn = todayInChina();
  await em.flush();
  return resource;
}

// ---- projects ----------------------------------------------------------------

export interface ProjectFilter {
  status?: ProjectStatus[];
  /** Only projects under way: recruiting or in progress. */
  activeOnly?: boolean;
}

export function projectConditions(filter: ProjectFilter = {}): FilterQuery<Project> {
  const statuses = filter.activeOnly ? intersect(filter.status, ACTIVE_PROJECT_STATUSES) : filter.status;
  return statuses ? { status: { $in: statuses } } : {};
}

export const PROJECT_ORDER_SQL = 'e.starts_on desc nulls last, e.id asc';

export function listProjects(em: EntityManager, query: RegionQuery & { filter?: ProjectFilter; first: number; offset: number }): Promise<Page<Project>> {
  return findPage(em, Project, { $and: [projectConditions(query.filter), ...centreConditions(query)] } as FilterQuery<Project>, {
    orderBy: [{ startsOn: 'desc nulls last' }, { id: 'asc' }],
    first: query.first,
    offset: query.offset,
  });
}

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
  input: { projectId: string; progress?: number; title?: string; description?: string; on?: string },
  guard: CentreGuard,
): Promise<Project> {
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

function intersect<T>(given: T[] | undefined, allowed: T[]): T[] {
  return given?.length ? given.filter((value) => allowed.includes(value)) : allowed;
}
