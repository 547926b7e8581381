/**
 * A PostgreSQL array literal for a bound parameter (cast it in SQL: `?::text[]`). Knex
 * expands a JavaScript array into a list of parameters, which `any(...)` cannot take.
 */
export function pgArray(values: ReadonlyArray<string | number>): string {
  return `{${values.map((value) => `"${String(value).replace(/["\\]/g, (char) => `\\${char}`)}"`).join(',')}}`;
}

/** Text matched literally inside a LIKE pattern: `\`, `%` and `_` escaped (PostgreSQL's default escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * A timestamptz as PostgreSQL writes it ("2024-06-01 09:00:00+08": the driver leaves timestamps
 * as text) made a Date, as the DateTimeISO scalar wants it.
 */
export function toInstant(value: string | Date | null): Date | null {
  return value === null ? null : new Date(value);
}
