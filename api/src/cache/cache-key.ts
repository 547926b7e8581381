import { createHash } from 'node:crypto';

/** What a cached answer depends on: the operation, its variables and the caller's region scope. */
export interface CacheKeyParts {
  /** SHA-256 of the query text: Apollo's queryHash, the same as an APQ `sha256Hash`. */
  queryHash: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
  /** The key's region path; undefined for callers that see all of Yuxi. */
  scopePath: string | undefined;
}

/**
 * One spelling of the response-cache key, for the byte path in front of Apollo and the plugin
 * inside it: a request served by one must find what the other stored.
 */
export function cacheKeyOf({ queryHash, operationName, variables, scopePath }: CacheKeyParts): string {
  return createHash('sha256')
    .update(JSON.stringify([queryHash, operationName ?? null, variables ?? {}, scopePath ?? 'all']))
    .digest('hex');
}
