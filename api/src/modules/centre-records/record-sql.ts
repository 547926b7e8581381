import { pgArray } from '../../db/sql';

/** A piece of SQL with its `?` parameters, in order. */
export interface Sql {
  sql: string;
  params: unknown[];
}

export function sql(text: string, ...params: unknown[]): Sql {
  return { sql: text, params };
}

/**
 * `column` holds one of `values`. Absent values (undefined or null) put no condition; an
 * empty list matches nothing: `status: []` asks for no status at all.
 */
export function oneOf(column: string, values: readonly string[] | null | undefined): Sql | undefined {
  return values == null ? undefined : sql(`${column}::text = any(?::text[])`, pgArray(values));
}

/** A list given but empty counts as not given (filters whose empty list means "any"). */
export function given<T>(values: readonly T[] | null | undefined): readonly T[] | undefined {
  return values?.length ? values : undefined;
}

/** The conditions joined with `and`, absent ones left out ('true' when none is left). */
export function allOf(conditions: ReadonlyArray<Sql | undefined>): Sql {
  const present = conditions.filter((condition): condition is Sql => condition !== undefined && condition.sql !== 'true');
  return present.length ? { sql: present.map((condition) => condition.sql).join(' and '), params: present.flatMap((condition) => condition.params) } : sql('true');
}

/** The given values that are allowed, or every allowed value when none is given ("open" within a status filter). */
export function within<T>(values: readonly T[] | null | undefined, allowed: readonly T[]): readonly T[] {
  return values?.length ? values.filter((value) => allowed.includes(value)) : allowed;
}
