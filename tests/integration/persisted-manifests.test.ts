import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse, print } from 'graphql';
import { sha256 } from '../../api/src/limits/safelist';
import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { signIn, STAFF } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * A city administrator registers a portal's manifest for its safelist key; the key then runs
 * those operations exactly as Apollo Client and graphql-codegen send them: the printed text,
 * or the hash alone.
 */
const REGISTER = `mutation Register($keyId: Int!, $manifest: String!, $replace: Boolean) {
  registerPersistedOperations(keyId: $keyId, manifest: $manifest, replace: $replace) { registered alreadyRegistered removed operations { hash name } }
}`;
// As Apollo Client prints them: graphql-js print(), no comments, no final newline.
const CENTRES = print(parse('query PortalCentres { centres(first: 3) { edges { node { id code name } } } }'));
const CENTRE = print(parse('query PortalCentre($code: ID!) { centre(code: $code) { id name currentRating { stars } } }'));
const UNREGISTERED = print(parse('query PortalRegions { regions(level: COUNTY) { code name } }'));

let api: TestApp;
let admin: Record<string, string>;

beforeAll(async () => {
  api = await createTestApp();
  admin = await signIn(api, STAFF.city);
});
afterAll(() => api.stop());

async function safelistKey(name: string) {
  const { key, secret } = await createApiKey(api.app.orm.em.fork(), { name, allowedOrigins: [], ratePerMinute: 100_000, safelistOnly: true });
  return { id: key.id, headers: { 'x-api-key': secret } };
}

function apolloManifest(...bodies: string[]): string {
  return JSON.stringify({
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: bodies.map((body) => ({ id: sha256(body), name: body.match(/query (\w+)/)![1], type: 'query', body })),
  });
}

/** What Apollo's persisted-query link sends first: the hash alone, by GET. */
async function byHashAlone(body: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const operationName = body.match(/query (\w+)/)![1]!;
  const query = new URLSearchParams({
    operationName,
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(body) } }),
  });
  const response = await fetch(`${api.url}/graphql?${query}`, { headers: { ...headers, 'apollo-require-preflight': 'true' } });
  return { status: response.status, body: await response.json() };
}

describe('a registered Apollo manifest', () => {
  let key: Awaited<ReturnType<typeof safelistKey>>;

  beforeAll(async () => {
    key = await safelistKey('manifest: apollo');
  });

  it('should refuse the operations before they are registered', async () => {
    const response = await api.gql(CENTRES, undefined, key.headers);
    expect(response.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_SAFELISTED');
  });

  it('should register, then run the operations by text and by hash alone', async () => {
    const registered = await api.gql(REGISTER, { keyId: key.id, manifest: apolloManifest(CENTRES, CENTRE) }, admin);
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerPersistedOperations).toMatchObject({ registered: 2, alreadyRegistered: 0, removed: 0 });

    const byText = await api.gql(CENTRES, undefined, key.headers);
    expect(byText.errors).toBeUndefined();
    expect(byText.data.centres.edges).toHaveLength(3);
    // Never sent as text to this process before: the hash is found among the registrations.
    const hashed = await byHashAlone(CENTRE, { code: '530481901001-01' }, key.headers);
    expect(hashed.status).toBe(200);
    expect(hashed.body.data.centre.name).toContain('仪凤');

    const listed = await api.gql(`query { persistedOperations(keyId: ${key.id}) { name hash } }`, undefined, admin);
    expect(listed.data.persistedOperations.map((operation: { name: string }) => operation.name).sort()).toEqual(['PortalCentre', 'PortalCentres']);
  });

  it('should still refuse what the manifest does not have, and not lend the operations to other keys', async () => {
    expect((await api.gql(UNREGISTERED, undefined, key.headers)).errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_SAFELISTED');
    const other = await safelistKey('manifest: another portal');
    expect((await api.gql(CENTRES, undefined, other.headers)).errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_SAFELISTED');
    const hashed = await byHashAlone(CENTRE, { code: '530481901001-01' }, other.headers);
    expect(hashed.status).toBe(403);
    expect(hashed.body.errors[0].extensions.code).toBe('OPERATION_NOT_SAFELISTED');
  });

  it('should register the same manifest twice without change, and replace drops what a new release no longer has', async () => {
    const again = await api.gql(REGISTER, { keyId: key.id, manifest: apolloManifest(CENTRES, CENTRE) }, admin);
    expect(again.data.registerPersistedOperations).toMatchObject({ registered: 0, alreadyRegistered: 2, removed: 0 });
    const release = await api.gql(REGISTER, { keyId: key.id, manifest: apolloManifest(CENTRE), replace: true }, admin);
    expect(release.data.registerPersistedOperations).toMatchObject({ registered: 0, alreadyRegistered: 1, removed: 1 });
    const listed = await api.gql(`query { persistedOperations(keyId: ${key.id}) { name } }`, undefined, admin);
    expect(listed.data.persistedOperations).toEqual([{ name: 'PortalCentre' }]);
  });
});

describe('graphql-codegen persisted documents', () => {
  it('should register { hash: document } and run the documents', async () => {
    const key = await safelistKey('manifest: codegen');
    const manifest = JSON.stringify({ [sha256(UNREGISTERED)]: UNREGISTERED });
    const registered = await api.gql(REGISTER, { keyId: key.id, manifest }, admin);
    expect(registered.data.registerPersistedOperations.registered).toBe(1);
    const response = await api.gql(UNREGISTERED, undefined, key.headers);
    expect(response.errors).toBeUndefined();
    expect(response.data.regions.length).toBeGreaterThan(0);
  });
});

describe('a manifest that cannot be registered', () => {
  let keyId: number;
  beforeAll(async () => {
    keyId = (await safelistKey('manifest: refused')).id;
  });

  it.each([
    ['not JSON', '{ operations: ', 'not JSON'],
    ['ids that are not SHA-256 (codegen’s default sha1)', JSON.stringify({ da39a3ee5e6b4b0d3255bfef95601890afd80709: CENTRES }), 'hashAlgorithm'],
    ['a field the schema does not have', apolloManifest('query Wrong { centres { nope } }'), 'nope'],
    ['no operations', JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [] }), 'no operations'],
  ])('should refuse %s, say why and register nothing', async (_name, manifest, reason) => {
    const response = await api.gql(REGISTER, { keyId, manifest }, admin);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain(reason);
    const listed = await api.gql(`query { persistedOperations(keyId: ${keyId}) { hash } }`, undefined, admin);
    expect(listed.data.persistedOperations).toEqual([]);
  });

  it('should be for city administrators only', async () => {
    const county = await signIn(api, STAFF.chengjiang);
    const response = await api.gql(REGISTER, { keyId, manifest: apolloManifest(CENTRES) }, county);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('npm run key:operations', () => {
  it('should register a manifest file from the command line and list it', async () => {
    const key = await safelistKey('manifest: cli');
    const folder = mkdtempSync(path.join(tmpdir(), 'sc-manifest-'));
    const file = path.join(folder, 'persisted-query-manifest.json');
    writeFileSync(file, apolloManifest(CENTRES));
    const cli = path.resolve(__dirname, '../../dist/api/src/cli/key.js');
    const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: process.env.TEST_DATABASE_URL!, LOG_LEVEL: 'warn' };
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'operations', '--id', String(key.id), '--manifest', file], { env });
    expect(stdout).toContain('1 operations registered');
    expect(stdout).toContain('PortalCentres');
    expect((await api.gql(CENTRES, undefined, key.headers)).errors).toBeUndefined();

    const missing = await promisify(execFile)(process.execPath, [cli, 'operations', '--id', String(key.id), '--manifest', path.join(folder, 'nope.json')], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect((missing as { code: number }).code).toBe(2);
    expect((missing as { stderr: string }).stderr).toContain('Cannot read');
  });
});
