import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../errors/app-error';
import { assertText, findOrFail, newRecordId } from '../../shared/records';
import { centreForWrite, guardCentreOf, type CentreGuard } from '../centre/centre.service';
import { TeamMemberRole, TeamMemberStatus, VolunteerMember, VolunteerTeam } from './volunteer.entity';

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
