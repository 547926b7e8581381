import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../errors/app-error';
import { assertDateOrder, assertInEnum, assertNotNegative, assertText, findOrFail, newRecordId } from '../../shared/records';
import { assertTransition, type TransitionTable } from '../../shared/transitions';
import { CentreLevel } from '../centre/centre.entity';
import { centreForWrite, guardCentreOf, type CentreGuard } from '../centre/centre.service';
import { Project } from '../projects/project.entity';
import { VolunteerTeam } from '../volunteer/volunteer.entity';
import { Activity, ActivityKind, ActivityStatus } from './activity.entity';

export const ACTIVITY_TRANSITIONS: TransitionTable<ActivityStatus> = {
  PLANNED: [ActivityStatus.PUBLISHED, ActivityStatus.POSTPONED, ActivityStatus.CANCELLED],
  PUBLISHED: [ActivityStatus.POSTPONED, ActivityStatus.CANCELLED, ActivityStatus.CLOSED],
  POSTPONED: [ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED],
  CANCELLED: [],
  CLOSED: [],
};

export interface NewActivity {
  centreCode: string;
  kind: ActivityKind;
  title: string;
  organiser: string;
  organiserLevel?: CentreLevel;
  startsAt: Date;
  endsAt?: Date;
  place?: string;
  capacity?: number;
  teamId?: string;
  projectId?: string;
}

export async function createActivity(em: EntityManager, input: NewActivity, guard: CentreGuard): Promise<Activity> {
  assertInEnum(ActivityKind, input.kind, 'kind');
  assertText(input.title, 'title', 200);
  assertText(input.organiser, 'organiser', 100);
  assertNotNegative(input.capacity, 'capacity');
  assertDateOrder(input.startsAt, input.endsAt, 'endsAt');
  const centre = await centreForWrite(em, input.centreCode, guard);
  const team = input.teamId ? await findOrFail(em, VolunteerTeam, input.teamId, 'teamId') : undefined;
  if (team && team.centre.code !== centre.code) throw badInput('teamId', 'must name a team of this centre.');
  const project = input.projectId ? await findOrFail(em, Project, input.projectId, 'projectId') : undefined;
  if (project && project.centre.code !== centre.code) throw badInput('projectId', 'must name a project of this centre.');
  const activity = em.create(Activity, {
    id: newRecordId(),
    centre,
    kind: input.kind,
    title: input.title.trim(),
    organiser: input.organiser.trim(),
    organiserLevel: input.organiserLevel ?? centre.level,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place: input.place,
    capacity: input.capacity,
    team,
    project,
  });
  await em.flush();
  return activity;
}

/** Publishes, postpones or cancels; holding it is recorded by closeActivity. */
export async function changeActivityStatus(em: EntityManager, input: { activityId: string; status: ActivityStatus }, guard: CentreGuard): Promise<Activity> {
  assertInEnum(ActivityStatus, input.status, 'status');
  if (input.status === ActivityStatus.CLOSED) throw badInput('status', 'CLOSED is set by closeActivity, with the attendance.');
  const activity = await findOrFail(em, Activity, input.activityId, 'activityId');
  await guardCentreOf(em, activity, guard);
  assertTransition(ACTIVITY_TRANSITIONS, 'an activity', activity.status, input.status);
  activity.status = input.status;
  await em.flush();
  return activity;
}

/** The closing record: the activity was held, this many people came. */
export async function closeActivity(
  em: EntityManager,
  input: { activityId: string; attendanceCount: number; closingReport?: string },
  guard: CentreGuard,
  now = new Date(),
): Promise<Activity> {
  if (!Number.isInteger(input.attendanceCount) || input.attendanceCount < 0) {
    throw badInput('attendanceCount', `must be a whole number, zero or more, got ${input.attendanceCount}.`);
  }
  const activity = await findOrFail(em, Activity, input.activityId, 'activityId');
  await guardCentreOf(em, activity, guard);
  assertTransition(ACTIVITY_TRANSITIONS, 'an activity', activity.status, ActivityStatus.CLOSED);
  if (activity.startsAt.getTime() > now.getTime()) throw badInput('activityId', 'has not started yet: close it after it was held.');
  activity.status = ActivityStatus.CLOSED;
  activity.attendanceCount = input.attendanceCount;
  activity.closingReport = input.closingReport;
  activity.closedAt = now;
  await em.flush();
  return activity;
}
