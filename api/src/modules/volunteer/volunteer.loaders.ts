import type { EntityManager } from '@mikro-orm/postgresql';
import { pagesByKey } from '../../shared/keyed-pages';
import { loaderCache, manyByKey, oneByKey } from '../../shared/loader';
import { VolunteerMember, VolunteerTeam } from './volunteer.entity';
import { TEAM_ORDER_SQL, teamConditions, teamStats, type TeamFilter, type TeamStats } from './volunteer.service';

export function createVolunteerLoaders(em: EntityManager) {
  const cached = loaderCache();
  return {
    teamPagesByCentre: (filter: TeamFilter | undefined, first: number, offset: number) =>
      cached(`teams:${JSON.stringify([filter, first, offset])}`, () =>
        pagesByKey(em, VolunteerTeam, { keyProperty: 'centre', keyColumn: 'centre_code', where: teamConditions(filter), orderSql: TEAM_ORDER_SQL, first, offset }),
      ),
    teamById: oneByKey<string, VolunteerTeam>((ids) => em.find(VolunteerTeam, { id: { $in: [...ids] } }), (team) => team.id),
    /** Staff-only: the people in each team, leader first. */
    membersByTeam: manyByKey<string, VolunteerMember>(
      (ids) => em.find(VolunteerMember, { team: { $in: [...ids] } }, { orderBy: { role: 'asc', name: 'asc' } }),
      (member) => member.team.id,
    ),
    teamStatsById: oneByKey<string, TeamStats>((ids) => teamStats(em, ids), (stats) => stats.teamId),
  };
}
