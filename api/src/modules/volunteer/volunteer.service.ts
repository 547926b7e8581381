import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../errors/app-error';
import { findPage, type Page } from '../../shared/pagination';
import { assertText, findOrFail, newRecordId } from '../../shared/records';
import { centreForWrite, guardCentreOf, type CentreGuard } from '../centre/centre.service';
import { centreConditions, type RegionQuery } from '../lists/lists.service';
import { TeamMemberRole, TeamMemberStatus, VolunteerMember, VolunteerTeam } from './volunteer.entity';

export interface TeamFilter {
  /** Teams with this skill. */
  skill?: string;
}

export function teamConditions(filter: TeamFilter = {}): FilterQuery<VolunteerTeam> {
  return filter.skill ? { skills: { $contains: [filter.skill] } } : {};
}

export const TEAM_ORDER_SQL = 'e.name asc, e.id asc';

export function listTeams(em: EntityManager, query: RegionQuery & { filter?: TeamFilter; first: number; offset: number }): Promise<Page<VolunteerTeam>> {
  return findPage(em, VolunteerTeam, { $and: [teamConditions(query.filter), ...centreConditions(query)] } as FilterQuery<VolunteerTeam>, {
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    first: query.first,
    offset: query.offset,
  });
}

export interface TeamStats {
  teamId: string;
  memberCount: number;
  serviceHours: number;
  leaderCount: number;
}

/** Active members and their hours per team: what the public may know of a team's people. */
export async function teamStats(em: EntityManager, teamIds: readonly string[]): Promise<TeamStats[]> {
  return em.getConnection().execute<TeamStats[]>(
    `select team_id as "teamId", count(*)::int as "memberCount", coalesce(sum(service_hours), 0)::float as "serviceHours",
            count(*) filter (where role = 'LEADER')::int as "leaderCount"
       from volunteer_member where status = 'ACTIVE' and team_id in (?) group by team_id`,
    [[...teamIds]],
  );
}

export async function createTeam(
  em: EntityManager,
  input: { centreCode: string; name: string; description?: string; skills?: string[] },
  guard: CentreGuard,
): Promise<VolunteerTeam> {
  assertText(input.name, 'name', 100);
  const centre = await centreForWrite(em, input.centreCode, guard);
  if (await em.count(VolunteerTeam, { centre, name: input.name.trim() })) {
    throw badInput('name', `is taken: ${centre.code} already has a team called ${input.name}.`);
  }
  const team = em.create(VolunteerTeam, { id: newRecordId(), centre, name: input.name.trim(), description: input.description, skills: input.skills ?? [] });
  await em.flush();
  return team;
}

/** Adds a volunteer; a new leader takes over from the previous one. */
export async function addTeamMember(
  em: EntityManager,
  input: { teamId: string; name: string; phone?: string; role?: TeamMemberRole; skills?: string[] },
  guard: CentreGuard,
): Promise<VolunteerTeam> {
  assertText(input.name, 'name', 50);
  if (input.phone !== undefined && !/^\+?[\d -]{5,20}$/.test(input.phone)) throw badInput('phone', 'must be a phone number: digits, spaces, dashes, optionally a leading +.');
  const team = await findOrFail(em, VolunteerTeam, input.teamId, 'teamId');
  await guardCentreOf(em, team, guard);
  if (input.role === TeamMemberRole.LEADER) {
    for (const leader of await em.find(VolunteerMember, { team, role: TeamMemberRole.LEADER, status: TeamMemberStatus.ACTIVE })) {
      leader.role = TeamMemberRole.MEMBER;
    }
  }
  em.create(VolunteerMember, { id: newRecordId(), team, name: input.name.trim(), phone: input.phone, role: input.role ?? TeamMemberRole.MEMBER, skills: input.skills ?? [] });
  await em.flush();
  return team;
}

/** Credits certified service hours to a volunteer. */
export async function recordServiceHours(em: EntityManager, input: { memberId: string; hours: number }, guard: CentreGuard): Promise<VolunteerTeam> {
  if (!Number.isFinite(input.hours) || input.hours <= 0 || input.hours > 24) throw badInput('hours', `must be more than 0 and at most 24 for one record, got ${input.hours}.`);
  const member = await findOrFail(em, VolunteerMember, input.memberId, 'memberId', ['team']);
  await guardCentreOf(em, member.team, guard);
  if (member.status !== TeamMemberStatus.ACTIVE) throw badInput('memberId', 'names a volunteer who has left the team.');
  member.serviceHours += input.hours;
  await em.flush();
  return member.team;
}
