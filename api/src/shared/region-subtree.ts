import { escapeLike } from '../db/sql';

/**
 * The one rule for "lies in this region's subtree", used by API-key scopes, staff
 * authorisation and region filters alike. A region path is its ancestors' codes and its own,
 * joined by "/" (530000000000/530400000000/530402000000); a subtree is its root and every
 * path under "root/". Written here once for TypeScript, for raw SQL and for MikroORM filters,
 * so no caller can get the boundary wrong (a bare prefix match would let 5304 match 53041…).
 */

/** The region subtree an API key may read centres of. */
export interface Scope {
  path: string;
  regionCode: string;
}

/**
 * The scope an API key grants: its region's subtree when it names a region, none (all of
 * Yuxi) otherwise. The request context and the response-cache key both read it from here.
 */
export function scopeOfGrant(grant: { scopePath?: string; scopeRegionCode?: string } | undefined): Scope | undefined {
  return grant?.scopePath && grant.scopeRegionCode ? { path: grant.scopePath, regionCode: grant.scopeRegionCode } : undefined;
}

/** True when `path` lies in the subtree whose root has `rootPath`. */
export function isWithin(path: string, rootPath: string): boolean {
  return path === rootPath || path.startsWith(`${rootPath}/`);
}

/** LIKE pattern matching every path strictly below `rootPath` (wildcards in it escaped). */
export function descendantPattern(rootPath: string): string {
  return `${escapeLike(rootPath)}/%`;
}

/**
 * SQL condition: `column` lies in the subtree of the root path bound as the two parameters
 * returned (in order). Use as `${sql}` with `...params`; both forms use the path index
 * (text_pattern_ops).
 */
export function subtreeSql(column: string, rootPath: string): { sql: string; params: [string, string] } {
  return { sql: `(${column} = ? or ${column} like ?)`, params: [rootPath, descendantPattern(rootPath)] };
}

/**
 * The same condition for a root path computed in SQL (a sub-select, a joined column): the
 * expression is evaluated once per side, so it must be a scalar expression.
 */
export function subtreeSqlOf(column: string, rootPathExpression: string): string {
  return `(${column} = ${rootPathExpression} or ${column} like replace(replace(replace(${rootPathExpression}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '/%')`;
}

/** MikroORM filter on a path property: `{ [property]: …subtree }` inside `$or`. */
export function subtreeFilter<P extends string>(property: P, rootPath: string): { $or: Array<{ [K in P]: string | { $like: string } }> } {
  return {
    $or: [{ [property]: rootPath } as { [K in P]: string }, { [property]: { $like: descendantPattern(rootPath) } } as { [K in P]: { $like: string } }],
  };
}
