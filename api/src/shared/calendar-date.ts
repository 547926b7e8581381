import { ValidateBy } from 'class-validator';

/** YYYY-MM-DD naming a day that exists: 2024-02-29 does, 2024-02-30 and 0000-01-01 do not. */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/**
 * The one check for date arguments written as text. A pattern alone let 2024-02-30 through
 * to PostgreSQL, which refused it as an internal error.
 */
export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: { validate: isCalendarDate, defaultMessage: () => '$property must be a day of the calendar written YYYY-MM-DD' },
  });
}
