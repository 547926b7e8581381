import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../errors/app-error';
import { assertInEnum, assertNotNegative, assertText, findOrFail, newRecordId, todayInChina } from '../../shared/records';
import { assertTransition, type TransitionTable } from '../../shared/transitions';
import { AllianceUnit } from '../alliance/alliance.entity';
import type { Centre } from '../centre/centre.entity';
import { centreForWrite, guardCentreOf, type CentreGuard } from '../centre/centre.service';
import { VolunteerTeam } from '../volunteer/volunteer.entity';
import { RESOURCE_STALE_AFTER_DAYS, Resource, ResourceCategory, ResourceProviderType, ResourceStatus } from './resource.entity';

export const RESOURCE_TRANSITIONS: TransitionTable<ResourceStatus> = {
  DRAFT: [ResourceStatus.ACTIVE, ResourceStatus.INACTIVE],
  ACTIVE: [ResourceStatus.TEMPORARILY_CLOSED, ResourceStatus.INACTIVE],
  TEMPORARILY_CLOSED: [ResourceStatus.ACTIVE, ResourceStatus.INACTIVE],
  INACTIVE: [ResourceStatus.ACTIVE],
};

/** The day before which an unconfirmed offer is stale. */
export function staleBefore(now = new Date()): string {
  return todayInChina(new Date(now.getTime() - RESOURCE_STALE_AFTER_DAYS * 86_400_000));
}

export function isStale(resource: { lastVerifiedOn: string }, now = new Date()): boolean {
  return resource.lastVerifiedOn < staleBefore(now);
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
