import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths';

/**
 * The registered operations a safelist-mode key may run: the files in schema/operations,
 * by the SHA-256 of their text (the same hash automatic persisted queries use) → the text.
 */
export function loadSafelist(directory = path.join(repoRoot(), 'schema', 'operations')): Map<string, string> {
  const entries = readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(path.join(directory, file), 'utf8'))
    .map((text) => [createHash('sha256').update(text).digest('hex'), text] as const);
  return new Map(entries);
}

/** A safelist-mode key may run only the registered operations; every other caller runs anything. */
export function isAllowedOperation(grant: { safelistOnly: boolean } | undefined, queryHash: string, safelist: ReadonlyMap<string, string>): boolean {
  return !grant?.safelistOnly || safelist.has(queryHash);
}
