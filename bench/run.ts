import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseFromUrl, loadConfig } from '../api/src/config';
import { dropDatabase, ensureDatabase } from '../api/src/db/database';
import { repoRoot } from '../api/src/paths';
import { resolveCmsSecrets } from '../api/src/stack/secrets';
import { compareContent } from './content-check';
import { runGrowth, settleDatabase } from './growth';
import { request } from './http';
import { type LoadResult, measure, type RequestSpec } from './measure';
import { type Contender, freePort, stopChild } from './processes';
import { summariseListProfiles } from './profile-summary';
import { type Cell, writeReport } from './report';
import { writeBenchCmsSeed } from './seed-cms';
import { type BenchStack, cmsUrlOf, startApi, startCeiling, startStrapi } from './stack';
import {
  API_CHECKS,
  API_QUERIES,
  type ApiWorkload,
  DEEP_CENTRE,
  graphqlRequest,
  SQL_CEILING_LIST_CHECK,
  STRAPI_GRAPHQL_CHECKS,
  STRAPI_GRAPHQL_QUERIES,
  STRAPI_REST_CHECKS,
  STRAPI_REST_PATHS,
} from './workloads';

/**
 * `npm run bench [-- --quick] [-- --fresh] [-- --profile] [-- --scale 10]`: starts every
 * contender, seeds the same content into all of them, loads each with autocannon and writes
 * bench/results/latest.{md,json}. Needs DATABASE_URL (a PostgreSQL server; the bench uses
 * databases <prefix>_api and <prefix>_cms on it, prefix BENCH_DB_PREFIX or sc_bench_run, and
 * keeps them between runs unless --fresh). --scale n then measures List and Deep uncached on
 * n times the data, in <prefix>_api_x<n> and <prefix>_cms_x<n>.
 */

const CONNECTIONS = 10;
const MIXED_RATE = 200;
const MIXED_CONNECTIONS = 50;

export type MeasureCell = (who: Contender, workload: string, requests: RequestSpec[], extra?: { connections?: number; overallRate?: number; scale?: number }) => Promise<void>;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const isQuick = args.includes('--quick');
  const isFresh = args.includes('--fresh');
  const isProfiling = args.includes('--profile');
  const scale = scaleOption(args);
  const root = repoRoot();
  const workDir = path.join(root, '.data', 'bench');
  const logDir = path.join(workDir, 'logs');
  const profileDir = path.join(workDir, 'profiles');
  // --profile: the API processes write V8 CPU profiles (open them in Chrome DevTools) on exit.
  const profileArgs = isProfiling ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const timing = isQuick
    ? { warmupRequests: CONNECTIONS, warmupSeconds: 1, seconds: 2, minAnswers: 10 }
    : { warmupRequests: 2 * CONNECTIONS, warmupSeconds: 5, seconds: 15, minAnswers: 30 };
  const serverUrl = process.env.DATABASE_URL;
  const prefix = process.env.BENCH_DB_PREFIX ?? 'sc_bench_run';
  if (!serverUrl) {
    throw new Error(`npm run bench needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres): it creates ${prefix}_api and ${prefix}_cms there.`);
  }
  mkdirSync(logDir, { recursive: true });
  const startedAt = Date.now();
  const say = (line: string) => process.stdout.write(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

  const apiDatabase = databaseFromUrl(serverUrl, `${prefix}_api`);
  const cmsDatabase = databaseFromUrl(serverUrl, `${prefix}_cms`);
  if (isFresh) {
    await dropDatabase(apiDatabase);
    await dropDatabase(cmsDatabase);
  }
  await ensureDatabase(cmsDatabase);
  const secrets = await resolveCmsSecrets(loadConfig({ DATA_DIR: workDir }));
  const seed = writeBenchCmsSeed(path.join(root, 'seeds', 'cms'), path.join(workDir, 'cms-seed'));
  say(`bench content: ${seed.profiles} profiles, ${seed.programmes} programmes, ${seed.articles} articles for ${seed.centres} centres`);

  const stack: BenchStack = { logDir, profileArgs, secrets, children: [] };
  const cmsPort = await freePort();
  const cmsUrl = cmsUrlOf(cmsPort);
  const cells: Cell[] = [];
  const run: MeasureCell = async (who, workload, requests, extra = {}) => {
    // One request of each kind first, alone: a cached contender then starts warm instead of
    // sending its first ten concurrent misses to the database at once. Its statements,
    // counted with nothing else running, are one request's exactly.
    const beforeAlone = await who.readCounters();
    for (const spec of new Set(requests)) await responseBytes(who.url, spec);
    const afterAlone = await who.readCounters();
    const sqlAlone = requests.length === 1 && afterAlone.sqlCount !== undefined && beforeAlone.sqlCount !== undefined ? afterAlone.sqlCount - beforeAlone.sqlCount : null;
    const result: LoadResult = await measure({
      url: who.url,
      requests,
      connections: extra.connections ?? CONNECTIONS,
      overallRate: extra.overallRate,
      pid: who.pid,
      readCounters: who.readCounters,
      ...timing,
    });
    const { bytes, headBytes } = await responseBytes(who.url, requests[0]!);
    const scaleOfCell = extra.scale ?? 1;
    cells.push({
      contender: who.name,
      workload,
      scale: scaleOfCell,
      pid: who.pid,
      bytes,
      headBytes,
      sqlAlone,
      connections: extra.connections ?? CONNECTIONS,
      overallRate: extra.overallRate ?? null,
      ...result,
    });
    say(
      `${who.name.padEnd(18)} ${`${workload}${scaleOfCell > 1 ? ` ×${scaleOfCell}` : ''}`.padEnd(11)} ${result.rps.toFixed(1).padStart(8)} rps  p50 ${result.p50.toFixed(0)} p95 ${result.p95.toFixed(0)} p99 ${result.p99.toFixed(0)} ms` +
        `  sql/req ${result.sqlPerRequest?.toFixed(2) ?? '-'} (alone ${sqlAlone ?? '-'})  strapi/req ${result.strapiCallsPerRequest?.toFixed(2) ?? '-'}` +
        `  wrong ${result.wrongBodies + result.non2xx + result.errors}  rss max ${result.rssMaxMb.toFixed(0)} MB  load ${result.loadAverage.toFixed(1)}`,
    );
    if (result.firstWrongBody) say(`  first wrong answer: ${result.firstWrongBody}`);
  };

  try {
    // The API processes. The cached one is also what Strapi's webhooks and centre-code checks talk to.
    const apiCached = await startApi(stack, 'api-cached', { database: apiDatabase, cmsUrl });
    const apiCold = await startApi(stack, 'api-cold', { database: apiDatabase, cmsUrl, flags: { BENCH_DISABLE_RESPONSE_CACHE: 'true' } });
    const apiNoLoaders = await startApi(stack, 'api-no-loaders', {
      database: apiDatabase,
      cmsUrl,
      flags: { BENCH_DISABLE_RESPONSE_CACHE: 'true', BENCH_DISABLE_DATALOADERS: 'true' },
    });
    say(`API processes up: ${apiCached.url} ${apiCold.url} ${apiNoLoaders.url}`);

    const strapi = await startStrapi(stack, {
      name: 'strapi',
      cmsPort,
      database: cmsDatabase,
      apiUrl: apiCached.url,
      seedDir: path.join(workDir, 'cms-seed'),
      startTimeoutMs: 600_000,
      say,
    });
    const { reconciled } = await apiCached.ask<{ reconciled: { upserted: number; deleted: number; unchanged: number } }>({ type: 'reconcile' }, 'reconciled', 300_000);
    say(`Strapi up; read model reconciled: ${reconciled.upserted} upserted, ${reconciled.deleted} deleted, ${reconciled.unchanged} unchanged`);
    await settleDatabase(apiDatabase);

    // The ceilings, built from the API's own List answer.
    const listBody = await post(apiCold.url, API_QUERIES.list);
    const listFile = path.join(workDir, 'list.json');
    writeFileSync(listFile, listBody);
    const staticCeiling = await startCeiling(stack, 'node-http-static', 'static', { database: apiDatabase, listFile });
    const sqlCeiling = await startCeiling(stack, 'one-sql-json-agg', 'sql', { database: apiDatabase, listFile });

    const content = await compareContent({ apiUrl: apiCold.url, cmsUrl, token: secrets.CMS_API_TOKEN, sqlCeilingUrl: sqlCeiling.url });
    say(`content check: ${content.summary}`);
    if (!content.isEqual) throw new Error(`The contenders do not serve the same content: ${content.summary}`);

    const apiRequest = (workload: ApiWorkload) => [graphqlRequest(API_QUERIES[workload], API_CHECKS[workload])];
    const strapiAuth = { authorization: `Bearer ${secrets.CMS_API_TOKEN}` };
    const workloads: ApiWorkload[] = ['list', 'deep', 'statistics', 'search', 'tiny'];

    await run(staticCeiling, 'list', apiRequest('list'));
    await run(sqlCeiling, 'list', [graphqlRequest(API_QUERIES.list, SQL_CEILING_LIST_CHECK)]);
    for (const api of [apiCold, apiCached, apiNoLoaders]) {
      for (const workload of workloads) await run(api, workload, apiRequest(workload));
    }
    for (const workload of ['list', 'deep'] as const) {
      await run(strapi, `${workload} (editorial)`, [
        { ...graphqlRequest(STRAPI_GRAPHQL_QUERIES[workload], STRAPI_GRAPHQL_CHECKS[workload]), headers: { 'content-type': 'application/json', ...strapiAuth } },
      ]);
      const restName = `${workload} (editorial, REST)`;
      await run({ ...strapi, name: 'strapi-rest' }, restName, [{ method: 'GET', path: STRAPI_REST_PATHS[workload], headers: strapiAuth, verify: STRAPI_REST_CHECKS[workload] }]);
    }
    // Cells for Strapi GraphQL are named after the contender, not the workload.
    for (const cell of cells) if (cell.contender === 'strapi') cell.contender = 'strapi-graphql';

    const mixed = await mixedRequests(cmsUrl, secrets.CMS_API_TOKEN, secrets.CMS_WEBHOOK_SECRET);
    await run(apiCached, 'mixed', mixed, { connections: MIXED_CONNECTIONS, overallRate: MIXED_RATE });
    if (!isQuick) await run(apiCold, 'mixed', mixed, { connections: MIXED_CONNECTIONS, overallRate: MIXED_RATE });

    // The 1× processes stop (their CPU profiles are written now); the growth run has the box.
    for (const child of stack.children.splice(0).reverse()) await stopChild(child);
    const growth =
      scale > 1 ? await runGrowth({ stack, serverUrl, oneDatabase: apiDatabase, prefix, scale, isFresh, workDir, say, run, apiRequest: (workload) => apiRequest(workload) }) : null;
    for (const child of stack.children.splice(0).reverse()) await stopChild(child);

    const dir = isQuick ? workDir : path.join(root, 'bench', 'results');
    const written = writeReport({
      dir,
      mode: isQuick ? 'quick' : 'full',
      timing,
      machine: machine(serverUrl),
      seed,
      growth,
      content: content.summary,
      cells,
      durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    });
    if (isProfiling) written.push(...summariseListProfiles({ profileDir, cells, outDir: dir }));
    say(`report: ${written.join(', ')}`);
  } finally {
    for (const child of stack.children.reverse()) await stopChild(child);
  }
}

/** `--scale n` (a whole number ≥ 1; 1 when absent). */
function scaleOption(args: string[]): number {
  const at = args.indexOf('--scale');
  if (at === -1) return 1;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--scale takes a whole number ≥ 1 (e.g. --scale 10), not ${args[at + 1] ?? 'nothing'}`);
  return value;
}

async function post(url: string, query: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`${url}: ${text.slice(0, 500)}`);
  return text;
}

/** Exact body and head size of one answer, in bytes (autocannon reports socket bytes, headers included). */
async function responseBytes(url: string, spec: RequestSpec): Promise<{ bytes: number; headBytes: number }> {
  const answer = await request(`${url}${spec.path}`, { method: spec.method, headers: spec.headers, body: spec.body });
  return { bytes: answer.body.byteLength, headBytes: answer.headBytes };
}

/**
 * 80 % reads (list, deep, tiny), 15 % search, 5 % writes, in a fixed 20-request cycle per
 * connection. A write is what Strapi sends when an editor publishes a profile: the webhook,
 * which makes the API re-read the document from Strapi, upsert it and purge cached answers.
 */
async function mixedRequests(cmsUrl: string, token: string, webhookSecret: string): Promise<RequestSpec[]> {
  const response = await fetch(`${cmsUrl}/api/centre-profiles?filters[centreCode][$eq]=${DEEP_CENTRE}&fields[0]=centreCode`, { headers: { authorization: `Bearer ${token}` } });
  const documentId = ((await response.json()) as { data: Array<{ documentId: string }> }).data[0]!.documentId;
  const write: RequestSpec = {
    method: 'POST',
    path: '/webhooks/cms',
    headers: { 'content-type': 'application/json', 'x-star-centres-secret': webhookSecret },
    body: JSON.stringify({ event: 'entry.publish', uid: 'api::centre-profile.centre-profile', model: 'centre-profile', entry: { documentId, locale: 'zh-Hans' } }),
    verify: (body) => (body.includes('"accepted":true') ? null : body.slice(0, 300)),
    // Taken, then applied in the background (the re-read from Strapi no longer holds the answer).
    status: 202,
  };
  const read = (workload: ApiWorkload) => graphqlRequest(API_QUERIES[workload], API_CHECKS[workload]);
  const cycle: RequestSpec[] = [];
  for (let slot = 0; slot < 20; slot += 1) {
    if (slot === 19) cycle.push(write);
    else if (slot % 6 === 5) cycle.push(read('search'));
    else cycle.push(read((['list', 'deep', 'tiny'] as const)[slot % 3]!));
  }
  return cycle;
}

function machine(serverUrl: string) {
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const pgVersion = execFileSync('psql', [serverUrl, '-Atc', 'show server_version'], { encoding: 'utf8' }).trim();
  return {
    date: new Date().toISOString(),
    cpu,
    nproc: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    kernel: os.release(),
    node: process.version,
    postgres: pgVersion,
  };
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
