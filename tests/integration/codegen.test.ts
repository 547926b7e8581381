import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * The portal guide from start to end, as a portal developer follows it: the guide's codegen
 * config (docs/portal-example) generates a typed client from the API's URL, `tsc --strict`
 * compiles it, an administrator registers the generated persisted-documents.json for a
 * safelist key with the CLI, and the Apollo Client 4 script pages every centre by hash alone.
 */
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'docs/portal-example');

let api: TestApp;
let work: string;

beforeAll(async () => {
  api = await createTestApp();
  // Inside the repository, so the example resolves @apollo/client and graphql from its node_modules.
  work = path.join(ROOT, 'tests/artifacts', `portal-example-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const file of ['codegen.ts', 'tsconfig.json', 'src/operations.ts', 'src/portal.ts']) cpSync(path.join(EXAMPLE, file), path.join(work, file));
});
afterAll(async () => {
  await api.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("the portal guide's codegen config and Apollo Client script", () => {
  it('should generate a typed client from the URL, compile it strictly and page every centre through a safelist key', async () => {
    await run(process.execPath, [path.join(ROOT, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'codegen.ts'], {
      cwd: work,
      env: { ...process.env, STAR_CENTRES_SCHEMA_URL: `${api.url}/schema.graphql` },
    });
    const manifestFile = path.join(work, 'src/gql/persisted-documents.json');
    expect(existsSync(manifestFile)).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(manifestFile, 'utf8')))).toHaveLength(2);

    await run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(work, 'tsconfig.json')]);

    const { key, secret } = await createApiKey(api.app.orm.em.fork(), { name: 'codegen portal', allowedOrigins: [], ratePerMinute: 1_000_000, safelistOnly: true });
    const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: process.env.TEST_DATABASE_URL!, LOG_LEVEL: 'warn' };
    const registered = await run(process.execPath, [path.join(ROOT, 'dist/api/src/cli/key.js'), 'operations', '--id', String(key.id), '--manifest', manifestFile], { env });
    expect(registered.stdout).toContain('2 operations registered');

    const portal = await run(process.execPath, [path.join(work, 'dist/portal.js')], {
      env: { ...process.env, STAR_CENTRES_API_URL: api.url, STAR_CENTRES_API_KEY: secret },
    });
    const result = JSON.parse(portal.stdout) as { totalCount: number; read: number; unique: number };
    expect(result.totalCount).toBe(320);
    expect(result.read).toBe(320);
    expect(result.unique).toBe(320);
  }, 120_000);
});
