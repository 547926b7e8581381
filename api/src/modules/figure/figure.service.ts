import type { EntityManager } from '@mikro-orm/postgresql';
import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { isWithin, subtreeSql } from '../../shared/region-subtree';
import { regionOfArgument } from '../region/region.service';

/**
 * How a reported figure can be recomputed from records. Each derivation counts (or sums) the
 * rows of one table that match its condition; a derived value exists only when at least one
 * such row does, so "no records yet" is not mistaken for zero.
 */
interface Derivation {
  key: string;
  table: 'need' | 'resource' | 'project' | 'alliance_membership' | 'volunteer_team' | 'activity';
  where: string;
  value: string;
}

const TRAINING = `kind in ('POLITICAL_THEORY_TRAINING', 'SKILLS_TRAINING')`;
const COUNT = 'count(*)';
const ATTENDANCE = 'sum(attendance_count)';

export const DERIVATIONS: Derivation[] = [
  { key: 'NEEDS_COLLECTED', table: 'need', where: 'true', value: COUNT },
  { key: 'NEEDS_LISTED', table: 'need', where: 'true', value: COUNT },
  { key: 'NEEDS_CATEGORIES', table: 'need', where: 'true', value: 'count(distinct category)' },
  { key: 'RESOURCES_LISTED', table: 'resource', where: `status <> 'INACTIVE'`, value: COUNT },
  { key: 'RESOURCE_CATEGORIES', table: 'resource', where: `status <> 'INACTIVE'`, value: 'count(distinct category)' },
  { key: 'PROJECTS_LISTED', table: 'project', where: `status <> 'CANCELLED'`, value: COUNT },
  { key: 'ALLIANCE_UNITS', table: 'alliance_membership', where: `status in ('ACTIVE', 'SUSPENDED')`, value: COUNT },
  { key: 'VOLUNTEER_TEAMS', table: 'volunteer_team', where: 'true', value: COUNT },
  { key: 'TRAININGS_HELD', table: 'activity', where: TRAINING, value: COUNT },
  { key: 'TRAINING_ATTENDANCE', table: 'activity', where: TRAINING, value: ATTENDANCE },
  { key: 'POLITICAL_TRAININGS_HELD', table: 'activity', where: `kind = 'POLITICAL_THEORY_TRAINING'`, value: COUNT },
  { key: 'POLITICAL_TRAINING_ATTENDANCE', table: 'activity', where: `kind = 'POLITICAL_THEORY_TRAINING'`, value: ATTENDANCE },
  { key: 'SKILLS_TRAININGS_HELD', table: 'activity', where: `kind = 'SKILLS_TRAINING'`, value: COUNT },
  { key: 'SKILLS_TRAINING_ATTENDANCE', table: 'activity', where: `kind = 'SKILLS_TRAINING'`, value: ATTENDANCE },
  { key: 'STREET_TRAININGS_HELD', table: 'activity', where: `${TRAINING} and organiser_level = 'STREET'`, value: COUNT },
  { key: 'STREET_TRAINING_ATTENDANCE', table: 'activity', where: `${TRAINING} and organiser_level = 'STREET'`, value: ATTENDANCE },
  { key: 'COMMUNITY_TRAININGS_HELD', table: 'activity', where: `${TRAINING} and organiser_level = 'COMMUNITY'`, value: COUNT },
  { key: 'COMMUNITY_TRAINING_ATTENDANCE', table: 'activity', where: `${TRAINING} and organiser_level = 'COMMUNITY'`, value: ATTENDANCE },
  { key: 'SITE_TEACHING_SESSIONS', table: 'activity', where: `kind = 'SITE_TEACHING'`, value: COUNT },
  { key: 'SITE_TEACHING_VISITORS', table: 'activity', where: `kind = 'SITE_TEACHING'`, value: ATTENDANCE },
  { key: 'CO_BUILDING_ACTIVITIES_HELD', table: 'activity', where: `kind = 'CO_BUILDING'`, value: COUNT },
  { key: 'CONSULTATIONS_HELD', table: 'activity', where: `kind = 'CONSULTATION'`, value: COUNT },
  { key: 'VOLUNTEER_SERVICES', table: 'activity', where: `kind = 'VOLUNTEER_SERVICE'`, value: COUNT },
  { key: 'YOUTH_CLASSES_HELD', table: 'activity', where: `kind = 'PUBLIC_CLASS'`, value: COUNT },
  { key: 'HOLIDAY_CLASSES_HELD', table: 'activity', where: `kind = 'PUBLIC_CLASS'`, value: COUNT },
  { key: 'YOUTHS_SERVED', table: 'activity', where: `kind = 'PUBLIC_CLASS'`, value: ATTENDANCE },
];

/**
 * What each table's rows must satisfy to count for a work year (`wy.work_year`): lists count
 * what stood at the year's end, activities count those held (closed) within the year, China time.
 */
const YEAR_CONDITION: Record<Derivation['table'], string> = {
  need: `submitted_on < make_date(wy.work_year + 1, 1, 1)`,
  resource: 'true',
  project: `coalesce(starts_on, make_date(wy.work_year, 1, 1)) < make_date(wy.work_year + 1, 1, 1)`,
  alliance_membership: `coalesce(agreement_signed_on, make_date(wy.work_year, 1, 1)) < make_date(wy.work_year + 1, 1, 1)`,
  volunteer_team: 'true',
  activity: `status = 'CLOSED' and starts_at >= make_timestamptz(wy.work_year, 1, 1, 0, 0, 0, 'Asia/Shanghai') and starts_at < make_timestamptz(wy.work_year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')`,
};

export interface DerivedFigure {
  /** The centre code, or the region code for a roll-up. */
  groupKey: string;
  key: string;
  value: number;
}

export type DerivationTarget = { centreCodes: readonly string[] } | { regionCode: string; regionPath: string };

/** Plain rows from the read side's Reader, or (inside a staff write) from the write's entity manager. */
type RowSource = Reader | EntityManager;

function rowsOf(source: RowSource, sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
  return 'rows' in source ? source.rows(sql, params) : source.getConnection().execute(sql, params, 'all');
}

/** Derived figures for a year, per centre or for a whole region subtree: one statement per table. */
export async function deriveFigures(source: RowSource, target: DerivationTarget, year: number): Promise<DerivedFigure[]> {
  const tables = [...new Set(DERIVATIONS.map((derivation) => derivation.table))];
  const byCentre = 'centreCodes' in target;
  const region = byCentre ? undefined : subtreeSql('r.path', target.regionPath);
  const results = await Promise.all(
    tables.map(async (table) => {
      const derivations = DERIVATIONS.filter((derivation) => derivation.table === table);
      const columns = derivations.flatMap((derivation, index) => [
        `${derivation.value} filter (where ${derivation.where}) as v${index}`,
        `count(*) filter (where ${derivation.where}) as n${index}`,
      ]);
      const centreCondition = region ? `centre_code in (select c.code from centre c join region r on r.code = c.region_code where ${region.sql})` : 'centre_code = any(?::text[])';
      // Parameters in the order they appear: the group key, the year, the centre condition.
      const sql = `select ${byCentre ? 'centre_code' : '?::text'} as "groupKey", ${columns.join(', ')}
                     from "${table}" cross join (select ?::int as work_year) wy
                    where ${centreCondition} and ${YEAR_CONDITION[table]} group by 1`;
      const params = byCentre ? [year, pgArray(target.centreCodes)] : [target.regionCode, year, ...region!.params];
      const rows = await rowsOf(source, sql, params);
      return rows.flatMap((row) =>
        derivations
          .map((derivation, index) => ({ groupKey: String(row.groupKey), key: derivation.key, value: Number(row[`v${index}`]), basis: Number(row[`n${index}`]) }))
          .filter(({ basis }) => basis > 0)
          .map(({ basis: _basis, ...figure }) => figure),
      );
    }),
  );
  return results.flat();
}

/** A derived value matches a reported one when equal, or at least as large for "more than" figures. */
export function matchesReported(reported: { value: number; isLowerBound: boolean }, derived: number | null): boolean | null {
  if (derived === null) return null;
  return reported.isLowerBound ? derived >= reported.value : derived === reported.value;
}

export interface RegionFigure {
  key: string;
  label: string | null;
  unit: string | null;
  reportedValue: number | null;
  centresReporting: number;
  derivedValue: number | null;
}

/** Shares, rates and category counts do not add up across centres. */
function isAdditive(key: string, unit: string | null): boolean {
  return unit !== '%' && !key.endsWith('_CATEGORIES');
}

/** Reported figures summed over a region's centres, beside the same figures derived from records. */
export async function regionFigures(read: Reader, { regionCode, year }: { regionCode: string; year: number }): Promise<RegionFigure[]> {
  const region = await regionOfArgument(read, regionCode);
  if (!region) {
    throw new AppError(ErrorCode.NOT_FOUND, `No region has the code "${regionCode}".`, { argument: 'regionCode' });
  }
  if (read.scope && !isWithin(region.path, read.scope.path)) {
    throw new AppError(ErrorCode.FORBIDDEN, `This API key may not read region ${region.code}: it is outside the key's region.`, { argument: 'regionCode' });
  }
  const subtree = subtreeSql('r.path', region.path);
  const [reported, derived] = await Promise.all([
    read.rows<{ key: string; label: string; unit: string; total: number; centres: number }>(
      `select f.key, min(f.label) as label, min(f.unit) as unit, sum(f.value)::float as total, count(*)::int as centres
         from reported_figure f
         join centre c on c.code = f.centre_code
         join region r on r.code = c.region_code
        where f.year = ? and ${subtree.sql}
        group by f.key`,
      [year, ...subtree.params],
    ),
    deriveFigures(read, { regionCode: region.code, regionPath: region.path }, year),
  ]);
  const byKey = new Map<string, RegionFigure>();
  for (const row of reported) {
    byKey.set(row.key, {
      key: row.key,
      label: row.label,
      unit: row.unit,
      reportedValue: isAdditive(row.key, row.unit) ? row.total : null,
      centresReporting: row.centres,
      derivedValue: null,
    });
  }
  for (const figure of derived) {
    const existing = byKey.get(figure.key) ?? { key: figure.key, label: null, unit: null, reportedValue: null, centresReporting: 0, derivedValue: null };
    existing.derivedValue = figure.value;
    byKey.set(figure.key, existing);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}
