import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../errors/app-error';
import { isCalendarDate } from '../../shared/calendar-date';
import { WorkingCalendarDay } from './calendar.entity';
import { CALENDAR_COLUMNS, type CalendarDayView } from './calendar.view';

/** One statement's rows: a Reader's `rows` or a write's entity manager (statementsOf). */
export type Statement = <T extends object>(sql: string, params: unknown[]) => Promise<T[]>;

/** Statements inside the entity manager's transaction, if it has one. */
export function statementsOf(em: EntityManager): Statement {
  return (sql, params) => em.execute(sql, params, 'all');
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** The longest stretch counted in one call: enough for any due date, bounded so one call stays one small statement. */
export const MAX_SPAN_DAYS = 3700;
export const MAX_WORKING_DAYS = 366;

// A day is a working day when the calendar says so, else when it is Monday to Friday.
const IS_WORKING = 'coalesce(x.is_working, extract(isodow from d) < 6)';
// Days as `timestamp` (no zone): generate_series over dates would otherwise pick timestamptz and the session's zone.
const DAYS = (from: string, to: string) => `generate_series((${from})::timestamp, (${to})::timestamp, interval '1 day') d left join working_calendar x on x.day = d::date`;

/**
 * The n-th working day after `from` (YYYY-MM-DD; `from` itself does not count): a due date
 * "5 working days after acceptance". n = 0 is `from` itself. One statement, over at most
 * 2n + 30 calendar days (the longest Chinese holiday with its weekends is 9 days).
 */
export async function addWorkingDays(statement: Statement, from: string, n: number): Promise<string> {
  assertDay(from, 'from');
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) throw badInput('n', `must be a whole number from 0 to ${MAX_WORKING_DAYS}, got ${n}.`);
  if (n === 0) return from;
  const [row] = await statement<{ day: string }>(`select d::date::text as day from ${DAYS('?::date + 1', '?::date + ?::int')} where ${IS_WORKING} order by d offset ? limit 1`, [
    from,
    from,
    2 * n + 30,
    n - 1,
  ]);
  if (!row) throw new Error(`No ${n}th working day within ${2 * n + 30} days of ${from}: the working calendar has an implausible stretch of days off.`);
  return row.day;
}

/**
 * Working days after `a` up to and including `b` (0 when equal, negative when `b` is before
 * `a`): how late an order was completed, in working days. One statement.
 */
export async function workingDaysBetween(statement: Statement, a: string, b: string): Promise<number> {
  assertDay(a, 'a');
  assertDay(b, 'b');
  if (b < a) return -(await workingDaysBetween(statement, b, a));
  if ((Date.parse(b) - Date.parse(a)) / 86_400_000 > MAX_SPAN_DAYS) throw badInput('b', `must be at most ${MAX_SPAN_DAYS} days after the start.`);
  const [row] = await statement<{ count: number }>(`select count(*)::int as count from ${DAYS('?::date + 1', '?::date')} where ${IS_WORKING}`, [a, b]);
  return row!.count;
}

export async function readWorkingCalendar(statement: Statement, year: number): Promise<CalendarDayView[]> {
  assertYear(year);
  return statement<CalendarDayView>(`select ${CALENDAR_COLUMNS} from working_calendar x where x.day >= ?::date and x.day < ?::date order by x.day`, [
    `${year}-01-01`,
    `${year + 1}-01-01`,
  ]);
}

export interface CalendarDayEntry {
  day: string;
  isWorking: boolean;
  name: string;
}

/**
 * Replaces a year's exceptions with `days`: every day must be in that year and named once.
 * Validated whole before anything is written, so a refused list leaves the year as it was.
 */
export async function setWorkingCalendar(em: EntityManager, year: number, days: readonly CalendarDayEntry[]): Promise<CalendarDayView[]> {
  assertYear(year);
  if (days.length > 366) throw badInput('days', `may hold at most 366 days, got ${days.length}.`);
  const seen = new Set<string>();
  days.forEach((entry, index) => {
    const argument = `days[${index}]`;
    assertDay(entry.day, `${argument}.day`);
    if (!entry.day.startsWith(`${year}-`)) throw badInput(`${argument}.day`, `must be a day of ${year}, got ${entry.day}.`);
    if (seen.has(entry.day)) throw badInput(`${argument}.day`, `names ${entry.day} a second time: each day once.`);
    seen.add(entry.day);
    if (typeof entry.name !== 'string' || entry.name.trim().length === 0 || entry.name.length > 50) throw badInput(`${argument}.name`, 'must be 1 to 50 characters long.');
  });
  await em.nativeDelete(WorkingCalendarDay, { day: { $gte: `${year}-01-01`, $lt: `${year + 1}-01-01` } });
  if (days.length > 0)
    await em.insertMany(
      WorkingCalendarDay,
      days.map(({ day, isWorking, name }) => ({ day, isWorking, name: name.trim() })),
    );
  return readWorkingCalendar(statementsOf(em), year);
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw badInput('year', `must be a year from ${MIN_YEAR} to ${MAX_YEAR}, got ${year}.`);
}

function assertDay(day: string, argument: string): void {
  if (!isCalendarDate(day)) throw badInput(argument, 'must be a day of the calendar written YYYY-MM-DD.');
}
