import type { EntityManager } from '@mikro-orm/postgresql';
import { type GraphQLSchema, Kind, parse, validate } from 'graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { sha256 } from '../../limits/safelist';
import { ApiKey, ApiKeyOperation } from './api-key.entity';

/** A manifest's bounds, checked before anything is parsed. */
export const MANIFEST_MAX_BYTES = 1_000_000;
export const MANIFEST_MAX_OPERATIONS = 500;
/** The bounds every request's document has (limits.plugin.ts PARSE_LIMITS). */
const DOCUMENT_MAX_LENGTH = 50_000;
const DOCUMENT_MAX_TOKENS = 5000;

export interface ManifestOperation {
  hash: string;
  name?: string;
  document: string;
}

export interface RegistrationResult {
  registered: number;
  alreadyRegistered: number;
  removed: number;
  operations: ManifestOperation[];
}

/**
 * Reads a client's manifest: Apollo's persisted query manifest
 * (`{ format: "apollo-persisted-query-manifest", version: 1, operations: [{ id, name, type, body }] }`)
 * or graphql-codegen's persisted documents (`{ "sha256:<hex>": "<document>" }`). Every id must be
 * the SHA-256 of its document, which is what both send; every problem is listed at once.
 */
export function parseManifest(text: string, schema: GraphQLSchema): ManifestOperation[] {
  if (Buffer.byteLength(text) > MANIFEST_MAX_BYTES) throw invalid([`the manifest is larger than ${MANIFEST_MAX_BYTES / 1_000_000} MB`]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid(['the manifest is not JSON']);
  }
  const entries = manifestEntries(json);
  if (entries.length === 0) throw invalid(['the manifest has no operations']);
  if (entries.length > MANIFEST_MAX_OPERATIONS) throw invalid([`the manifest has ${entries.length} operations; at most ${MANIFEST_MAX_OPERATIONS} are taken`]);
  const problems: string[] = [];
  const operations = entries.flatMap(({ id, name, body }, index) => {
    const label = name ?? `operation ${index + 1}`;
    if (typeof body !== 'string' || typeof id !== 'string') {
      problems.push(`${label}: needs an id and a document (text)`);
      return [];
    }
    const hash = sha256(body);
    // graphql-codegen writes ids as `sha256:<hex>` (the persisted documents spec's prefixed form).
    if (id.replace(/^sha256:/, '') !== hash) {
      problems.push(`${label}: its id is not the SHA-256 of its document (graphql-codegen: set persistedDocuments.hashAlgorithm to "sha256")`);
      return [];
    }
    const problem = documentProblem(body, schema);
    if (problem) {
      problems.push(`${label}: ${problem}`);
      return [];
    }
    return [{ hash, name: name ?? operationName(body), document: body }];
  });
  if (problems.length > 0) throw invalid(problems.slice(0, 20));
  return operations;
}

function manifestEntries(json: unknown): Array<{ id: unknown; name?: string; body: unknown }> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return [];
  const manifest = json as Record<string, unknown>;
  if (manifest.format === 'apollo-persisted-query-manifest') {
    if (manifest.version !== 1 || !Array.isArray(manifest.operations)) throw invalid(['an Apollo manifest needs version 1 and a list of operations']);
    return (manifest.operations as Array<Record<string, unknown>>).map((operation) => ({
      id: operation?.id,
      name: typeof operation?.name === 'string' ? operation.name : undefined,
      body: operation?.body,
    }));
  }
  return Object.entries(manifest).map(([id, body]) => ({ id, body }));
}

function documentProblem(body: string, schema: GraphQLSchema): string | undefined {
  if (body.length > DOCUMENT_MAX_LENGTH) return `longer than ${DOCUMENT_MAX_LENGTH} characters`;
  try {
    const document = parse(body, { maxLexicalTokens: DOCUMENT_MAX_TOKENS });
    const errors = validate(schema, document);
    if (errors.length > 0) return errors[0]!.message.replace(/\.$/, '');
    if (document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length !== 1) return 'a document must hold exactly one operation';
    return undefined;
  } catch (error) {
    return `does not parse: ${(error as Error).message}`;
  }
}

function operationName(body: string): string | undefined {
  const match = body.match(/\b(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/);
  return match?.[1];
}

function invalid(problems: string[]): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, `Cannot register the manifest: ${problems.join('; ')}.`);
}

/**
 * Registers the operations for one key; `replace` also removes the key's operations that the
 * manifest no longer has (a client's new release). Idempotent: registering twice changes nothing.
 */
export async function registerOperations(em: EntityManager, keyId: number, operations: ManifestOperation[], replace: boolean): Promise<RegistrationResult> {
  const key = await em.findOne(ApiKey, { id: keyId });
  if (!key) throw new AppError(ErrorCode.NOT_FOUND, `No API key has the id ${keyId}.`);
  const existing = await em.find(ApiKeyOperation, { keyId });
  const known = new Set(existing.map((operation) => operation.hash));
  const wanted = new Set(operations.map((operation) => operation.hash));
  let registered = 0;
  for (const operation of operations) {
    if (known.has(operation.hash)) continue;
    known.add(operation.hash);
    em.create(ApiKeyOperation, { keyId, hash: operation.hash, name: operation.name, document: operation.document, registeredAt: new Date() });
    registered += 1;
  }
  const stale = replace ? existing.filter((operation) => !wanted.has(operation.hash)) : [];
  for (const operation of stale) em.remove(operation);
  await em.flush();
  return { registered, alreadyRegistered: wanted.size - registered, removed: stale.length, operations };
}

export async function listOperations(em: EntityManager, keyId: number): Promise<ManifestOperation[]> {
  const rows = await em.find(ApiKeyOperation, { keyId }, { orderBy: { name: 'asc', hash: 'asc' } });
  return rows.map(({ hash, name, document }) => ({ hash, name: name ?? undefined, document }));
}
