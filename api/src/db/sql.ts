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
