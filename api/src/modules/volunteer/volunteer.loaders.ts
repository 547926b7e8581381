import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { manyByKey, oneByKey } from '../../shared/loader';
import { defineCentreRecordList } from '../centre-records/record-list';
import { sql } from '../centre-records/record-sql';
import type { LoaderDeps } from '../module';
import { VolunteerTeam } from './volunteer.entity';
import { TEAM_COLUMNS, type VolunteerTeamView, type VolunteerView } from './volunteer.view';

export interface TeamFilter {
  /** Teams with this skill. */
  skill?: string;
}

/** Volunteer teams, by name. */
export const teamList = defineCentreRecordList<VolunteerTeamView, VolunteerTeamView, TeamFilter, VolunteerTeam>({
  entity: VolunteerTeam,
  targetType: 'VolunteerTeam',
  table: 'volunteer_team',
  columns: TEAM_COLUMNS,
  filter: (filter) => [filter.skill ? sql('e.skills @> ?::text[]', pgArray([filter.skill])) : undefined],
  order: 'e.name asc, e.id asc',
  toView: (row) => row,
});

export interface TeamStats {
  teamId: string;
  memberCount: number;
  serviceHours: number;
  leaderCount: number;
}

export function createVolunteerLoaders(deps: LoaderDeps) {
  const { read, options } = deps;
  return {
    teamRecords: teamList.loaders(deps),
    teamStatsById: oneByKey<string, TeamStats>(
      (ids) => teamStats(read, ids),
      (stats) => stats.teamId,
      options,
    ),
    /** Staff-only: the people in each team, leader first; read only for callers who passed assertStaffMayRead. */
    membersByTeam: manyByKey<string, VolunteerView & { teamId: string }>(
      (ids) =>
        read.rows(
          `select m.id, m.team_id as "teamId", m.name, m.phone, m.role, m.status, m.skills, m.service_hours as "serviceHours"
             from volunteer_member m where m.team_id = any(?::text[]) order by m.role asc, m.name asc`,
          [pgArray(ids)],
        ),
      (member) => member.teamId,
      options,
    ),
  };
}

/** Active members and their hours per team: what the public may know of a team's people. */
function teamStats(read: Reader, teamIds: readonly string[]): Promise<TeamStats[]> {
  return read.rows<TeamStats>(
    `select team_id as "teamId", count(*)::int as "memberCount", coalesce(sum(service_hours), 0)::float as "serviceHours",
            count(*) filter (where role = 'LEADER')::int as "leaderCount"
       from volunteer_member where status = 'ACTIVE' and team_id = any(?::text[]) group by team_id`,
    [pgArray(teamIds)],
  );
}
