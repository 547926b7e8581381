import type { EntityManager } from '@mikro-orm/postgresql';
import { Activity, type ActivityKind, type ActivityStatus } from '../../api/src/modules/activity/activity.entity';
import { AllianceMembership, AllianceUnit, type AllianceUnitType, type MembershipStatus } from '../../api/src/modules/alliance/alliance.entity';
import type { CentreLevel } from '../../api/src/modules/centre/centre.entity';
import { Need, type NeedCategory, type NeedSource, type NeedStatus } from '../../api/src/modules/needs/need.entity';
import { Project, ProjectNeed, ProjectPartner, ProjectResource, type ProjectStatus, ProjectTimelineEntry } from '../../api/src/modules/projects/project.entity';
import { Resource, type ResourceCategory, type ResourceProviderType, type ResourceStatus } from '../../api/src/modules/resources/resource.entity';
import { type TeamMemberRole, VolunteerMember, VolunteerTeam } from '../../api/src/modules/volunteer/volunteer.entity';
import type { ListsDataset } from '../dataset';

const orNull = <T>(value: T | null): T | undefined => value ?? undefined;

/** Upserts the operational lists on their ids; links are inserted once and then left alone. */
export async function seedLists(tx: EntityManager, lists: ListsDataset, onProgress: (line: string) => void): Promise<void> {
  onProgress(`seed: ${lists.units.length} alliance units, ${lists.teams.length} volunteer teams with ${lists.members.length} members`);
  await tx.upsertMany(
    AllianceUnit,
    lists.units.map(({ regionCode, unitType, source, ...unit }) => ({ ...unit, unitType: unitType as AllianceUnitType, region: regionCode, source: orNull(source) })),
  );
  await tx.upsertMany(
    AllianceMembership,
    lists.memberships.map(({ centreCode, unitId, status, agreementSignedOn, ...row }) => ({
      ...row,
      centre: centreCode,
      unit: unitId,
      status: status as MembershipStatus,
      agreementSignedOn: orNull(agreementSignedOn),
    })),
  );
  await tx.upsertMany(
    VolunteerTeam,
    lists.teams.map(({ centreCode, description, reportedMemberCount, sourceText, ...team }) => ({
      ...team,
      centre: centreCode,
      description: orNull(description),
      reportedMemberCount: orNull(reportedMemberCount),
      sourceText: orNull(sourceText),
    })),
  );
  await tx.upsertMany(
    VolunteerMember,
    lists.members.map(({ teamId, phone, role, ...member }) => ({ ...member, team: teamId, phone: orNull(phone), role: role as TeamMemberRole })),
  );

  onProgress(`seed: ${lists.needs.length} needs, ${lists.resources.length} resources, ${lists.projects.length} projects`);
  await tx.upsertMany(
    Need,
    lists.needs.map(({ centreCode, source, category, status, publishedStatus, description, publicAnswer, draftAnswer, answerPublishedAt, sourceText, ...need }) => ({
      ...need,
      centre: centreCode,
      source: source as NeedSource,
      category: category as NeedCategory,
      status: status as NeedStatus,
      publishedStatus: publishedStatus as NeedStatus,
      description: orNull(description),
      publicAnswer: orNull(publicAnswer),
      draftAnswer: orNull(draftAnswer),
      answerPublishedAt: answerPublishedAt ? new Date(answerPublishedAt) : undefined,
      sourceText: orNull(sourceText),
    })),
  );
  await tx.upsertMany(
    Resource,
    lists.resources.map(
      ({ centreCode, providerType, providerUnitId, providerTeamId, category, status, description, capacity, capacityUnit, schedule, sourceText, ...resource }) => ({
        ...resource,
        centre: centreCode,
        providerType: providerType as ResourceProviderType,
        providerUnit: orNull(providerUnitId),
        providerTeam: orNull(providerTeamId),
        category: category as ResourceCategory,
        status: status as ResourceStatus,
        description: orNull(description),
        capacity: orNull(capacity),
        capacityUnit: orNull(capacityUnit),
        schedule: orNull(schedule),
        sourceText: orNull(sourceText),
      }),
    ),
  );
  await tx.upsertMany(
    Project,
    lists.projects.map(
      ({
        centreCode,
        leadUnitId,
        status,
        description,
        budgetYuan,
        startsOn,
        endsOn,
        sourceText,
        needIds: _needs,
        resourceIds: _resources,
        partnerUnitIds: _partners,
        timeline: _timeline,
        ...project
      }) => ({
        ...project,
        centre: centreCode,
        leadUnit: orNull(leadUnitId),
        status: status as ProjectStatus,
        description: orNull(description),
        budgetYuan: orNull(budgetYuan),
        startsOn: orNull(startsOn),
        endsOn: orNull(endsOn),
        sourceText: orNull(sourceText),
      }),
    ),
  );
  const links = { onConflictAction: 'ignore' as const };
  await tx.upsertMany(
    ProjectNeed,
    lists.projects.flatMap((project) => project.needIds.map((need) => ({ project: project.id, need }))),
    links,
  );
  await tx.upsertMany(
    ProjectResource,
    lists.projects.flatMap((project) => project.resourceIds.map((resource) => ({ project: project.id, resource }))),
    links,
  );
  await tx.upsertMany(
    ProjectPartner,
    lists.projects.flatMap((project) => project.partnerUnitIds.map((unit) => ({ project: project.id, unit }))),
    links,
  );
  await tx.upsertMany(
    ProjectTimelineEntry,
    lists.projects.flatMap((project) =>
      project.timeline.map(({ description, status, ...entry }) => ({
        ...entry,
        project: project.id,
        description: orNull(description),
        status: orNull(status) as ProjectStatus | undefined,
      })),
    ),
  );

  onProgress(`seed: ${lists.activities.length} activities`);
  await tx.upsertMany(
    Activity,
    lists.activities.map(({ centreCode, kind, status, organiserLevel, teamId, projectId, startsAt, endsAt, place, capacity, attendanceCount, closedAt, ...activity }) => ({
      ...activity,
      centre: centreCode,
      kind: kind as ActivityKind,
      status: status as ActivityStatus,
      organiserLevel: organiserLevel as CentreLevel,
      team: orNull(teamId),
      project: orNull(projectId),
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      place: orNull(place),
      capacity: orNull(capacity),
      attendanceCount: orNull(attendanceCount),
      closedAt: closedAt ? new Date(closedAt) : undefined,
    })),
  );
}
