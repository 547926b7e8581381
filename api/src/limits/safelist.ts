import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, print } from 'graphql';
import { repoRoot } from '../paths';

/**
 * The registered operations a safelist-mode key may run: the files in schema/operations, by
 * the SHA-256 of their text (the hash automatic persisted queries use) → the text. Each is
 * registered twice: as the file is written, and as graphql-js prints it (`print(parse())`: no
 * comments, one layout), which is the text Apollo Client's persisted-query link and
 * graphql-codegen's persisted documents send and hash.
 */
export function loadSafelist(directory = path.join(repoRoot(), 'schema', 'operations')): Map<string, string> {
  const entries = readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(path.join(directory, file), 'utf8'))
    .flatMap((text) => [text, print(parse(text))])
    .map((text) => [sha256(text), text] as const);
  return new Map(entries);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A safelist-mode key may run only the registered operations; every other caller runs anything. */
export function isAllowedOperation(grant: { safelistOnly: boolean } | undefined, queryHash: string, safelist: ReadonlyMap<string, string>): boolean {
  return !grant?.safelistOnly || safelist.has(queryHash);
}
