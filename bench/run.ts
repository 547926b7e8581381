import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { databaseFromUrl, loadConfig } from '../api/src/config';
import { dropDatabase, ensureDatabase } from '../api/src/db/database';
import { repoRoot } from '../api/src/paths';
import { buildCmsIfChanged, strapiCommand } from '../api/src/stack/cms-build';
import { resolveCmsSecrets } from '../api/src/stack/secrets';
import { cmsEnvironment } from '../api/src/stack/start-stack';
import { compareContent } from './content-check';
import { type LoadResult, measure, type RequestSpec } from './measure';
import { type Contender, contender, freePort, spawnWithIpc, stopChild, waitForHttp, waitForReady } from './processes';
import { type Cell, writeReport } from './report';
import { writeBenchCmsSeed } from './seed-cms';
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
 * `npm run bench [-- --quick] [-- --fresh] [-- --profile]`: starts every contender, seeds the same content
 * into all of them, loads each with autocannon and writes bench/results/latest.{md,json}.
 * Needs DATABASE_URL (a PostgreSQL server; the bench uses databases sc_bench_run_api and
 * sc_bench_run_cms on it and keeps them between runs unless --fresh).
 */

const CONNECTIONS = 10;
const MIXED_RATE = 200;
const MIXED_CONNECTIONS = 50;

async function main(): Promise<void> {
  const isQuick = process.argv.includes('--quick');
  const isFresh = process.argv.includes('--fresh');
  // --profile: the API processes write V8 CPU profiles (open them in Chrome DevTools) on exit.
  const profileArgs = process.argv.includes('--profile') ? ['--cpu-prof', `--cpu-prof-dir=${path.join(repoRoot(), '.data', 'bench', 'profiles')}`] : [];
  const timing = isQuick
    ? { warmupRequests: CONNECTIONS, warmupSeconds: 1, seconds: 2, minAnswers: 10 }
    : { warmupRequests: 2 * CONNECTIONS, warmupSeconds: 5, seconds: 15, minAnswers: 30 };
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    throw new Error('npm run bench needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres): it creates sc_bench_run_api and sc_bench_run_cms there.');
  }
  const root = repoRoot();
  const workDir = path.join(root, '.data', 'bench');
  const logDir = path.join(workDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const startedAt = Date.now();
  const say = (line: string) => process.stdout.write(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

  const apiDatabase = databaseFromUrl(serverUrl, 'sc_bench_run_api');
  const cmsDatabase = databaseFromUrl(serverUrl, 'sc_bench_run_cms');
  if (isFresh) {
    await dropDatabase(apiDatabase);
    await dropDatabase(cmsDatabase);
  }
  await ensureDatabase(cmsDatabase);
  const secrets = await resolveCmsSecrets(loadConfig({ DATA_DIR: workDir }));
  const seed = writeBenchCmsSeed(path.join(root, 'seeds', 'cms'), path.join(workDir, 'cms-seed'));
  say(`bench content: ${seed.profiles} profiles, ${seed.programmes} programmes, ${seed.articles} articles for ${seed.centres} centres`);

  const cmsPort = await freePort();
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const running: Contender[] = [];
  const children: Array<import('node:child_process').ChildProcess> = [];
  try {
    // The API processes. The cached one is also what Strapi's webhooks and centre-code checks talk to.
    const startApi = async (name: string, flags: Record<string, string>) => {
      const logFile = path.join(logDir, `${name}.log`);
      const child = spawnWithIpc([...profileArgs, path.join(__dirname, 'api-server.js')], {
        logFile,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          DATABASE_URL: apiDatabase.url,
          HOST: '127.0.0.1',
          PORT: String(await freePort()),
          CMS_URL: cmsUrl,
          CMS_API_TOKEN: secrets.CMS_API_TOKEN,
          CMS_WEBHOOK_SECRET: secrets.CMS_WEBHOOK_SECRET,
          PREVIEW_SECRET: secrets.PREVIEW_SECRET,
          // One client sends everything: the per-address budget must not be what is measured.
          ANONYMOUS_RATE_PER_MINUTE: '1000000000000',
          ...flags,
        },
      });
      children.push(child);
      const url = await waitForReady(name, child, logFile);
      const api = contender(name, child, url, (ask) => ask({ type: 'stats' }, 'sqlCount'));
      running.push(api);
      return api;
    };
    const apiCached = await startApi('api-cached', {});
    const apiCold = await startApi('api-cold', { BENCH_DISABLE_RESPONSE_CACHE: 'true' });
    const apiNoLoaders = await startApi('api-no-loaders', { BENCH_DISABLE_RESPONSE_CACHE: 'true', BENCH_DISABLE_DATALOADERS: 'true' });
    say(`API processes up: ${apiCached.url} ${apiCold.url} ${apiNoLoaders.url}`);

    // Strapi, with its GraphQL plugin on and its SQL counted (both only for the bench).
    const cmsDir = path.join(root, 'cms');
    const cmsEnv = {
      ...cmsEnvironment(loadConfig({ NODE_ENV: 'production', CMS_PORT: String(cmsPort) }), secrets, cmsDatabase),
      NODE_ENV: 'production',
      CMS_ADMIN_PASSWORD: `Bench-${secrets.PREVIEW_SECRET.slice(0, 12)}`,
      CMS_EDITOR_PASSWORD: `Bench-${secrets.PREVIEW_SECRET.slice(12, 24)}`,
      API_INTERNAL_URL: apiCached.url,
      API_PUBLIC_URL: apiCached.url,
      CMS_PUBLIC_URL: cmsUrl,
      CMS_SEED_DIR: path.join(workDir, 'cms-seed'),
      CMS_GRAPHQL_ENABLED: 'true',
      CMS_BENCH_COUNT_SQL: 'true',
    };
    say(`CMS admin build: ${await buildCmsIfChanged({ cmsDir, env: cmsEnv, logger: pino({ level: 'warn' }) })}`);
    const [, strapiScript] = strapiCommand(cmsDir, 'start');
    const strapiLog = path.join(logDir, 'strapi.log');
    const strapiChild = spawnWithIpc([strapiScript!, 'start'], { cwd: cmsDir, env: cmsEnv, logFile: strapiLog });
    children.push(strapiChild);
    say('starting Strapi (the first start seeds the bench content through the document service: a minute or two)');
    await waitForHttp(`${cmsUrl}/_health`, 600_000, strapiChild, strapiLog);
    const strapi = contender('strapi', strapiChild, cmsUrl, (ask) => ask('sql-count', 'sqlCount'));
    running.push(strapi);
    const { reconciled } = await apiCached.ask<{ reconciled: { upserted: number; deleted: number; unchanged: number } }>({ type: 'reconcile' }, 'reconciled', 300_000);
    say(`Strapi up; read model reconciled: ${reconciled.upserted} upserted, ${reconciled.deleted} deleted, ${reconciled.unchanged} unchanged`);

    // The ceilings, built from the API's own List answer.
    const listBody = await post(apiCold.url, API_QUERIES.list);
    const listFile = path.join(workDir, 'list.json');
    writeFileSync(listFile, listBody);
    const startCeiling = async (name: string, mode: string) => {
      const logFile = path.join(logDir, `${name}.log`);
      const child = spawnWithIpc([path.join(__dirname, 'ceiling-server.js'), mode], {
        logFile,
        env: { PATH: process.env.PATH, DATABASE_URL: apiDatabase.url, LIST_FILE: listFile, PORT: String(await freePort()) },
      });
      children.push(child);
      const url = await waitForReady(name, child, logFile);
      const ceiling = contender(name, child, url, (ask) => ask({ type: 'stats' }, 'sqlCount'));
      running.push(ceiling);
      return ceiling;
    };
    const staticCeiling = await startCeiling('node-http-static', 'static');
    const sqlCeiling = await startCeiling('one-sql-json-agg', 'sql');

    const content = await compareContent({ apiUrl: apiCold.url, cmsUrl, token: secrets.CMS_API_TOKEN, sqlCeilingUrl: sqlCeiling.url });
    say(`content check: ${content.summary}`);
    if (!content.isEqual) throw new Error(`The contenders do not serve the same content: ${content.summary}`);

    const cells: Cell[] = [];
    const run = async (who: Contender, workload: string, requests: RequestSpec[], extra: { connections?: number; overallRate?: number } = {}) => {
      // One request of each kind first, alone: a cached contender then starts warm instead of
      // sending its first ten concurrent misses to the database at once.
      for (const spec of new Set(requests)) await responseBytes(who.url, spec);
      const result: LoadResult = await measure({
        url: who.url,
        requests,
        connections: extra.connections ?? CONNECTIONS,
        overallRate: extra.overallRate,
        pid: who.pid,
        readCounters: who.readCounters,
        ...timing,
      });
      const bytes = await responseBytes(who.url, requests[0]!);
      cells.push({ contender: who.name, workload, bytes, connections: extra.connections ?? CONNECTIONS, overallRate: extra.overallRate ?? null, ...result });
      say(
        `${who.name.padEnd(18)} ${workload.padEnd(11)} ${result.rps.toFixed(1).padStart(8)} rps  p50 ${result.p50.toFixed(0)} p95 ${result.p95.toFixed(0)} p99 ${result.p99.toFixed(0)} ms` +
          `  sql/req ${result.sqlPerRequest?.toFixed(2) ?? '-'}  strapi/req ${result.strapiCallsPerRequest?.toFixed(2) ?? '-'}` +
          `  wrong ${result.wrongBodies + result.non2xx + result.errors}  rss max ${result.rssMaxMb.toFixed(0)} MB  load ${result.loadAverage.toFixed(1)}`,
      );
      if (result.firstWrongBody) say(`  first wrong answer: ${result.firstWrongBody}`);
    };

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

    const mixed = await mixedRequests(apiCached.url, cmsUrl, secrets.CMS_API_TOKEN, secrets.CMS_WEBHOOK_SECRET);
    await run(apiCached, 'mixed', mixed, { connections: MIXED_CONNECTIONS, overallRate: MIXED_RATE });
    if (!isQuick) await run(apiCold, 'mixed', mixed, { connections: MIXED_CONNECTIONS, overallRate: MIXED_RATE });

    const resultsDir = path.join(root, 'bench', 'results');
    const written = writeReport({
      dir: isQuick ? workDir : resultsDir,
      mode: isQuick ? 'quick' : 'full',
      timing,
      machine: machine(serverUrl),
      seed,
      content: content.summary,
      cells,
      durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    });
    say(`report: ${written.join(', ')}`);
  } finally {
    for (const child of children.reverse()) await stopChild(child);
  }
}

async function post(url: string, query: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`${url}: ${text.slice(0, 500)}`);
  return text;
}

/** Exact body size of one answer, in bytes (autocannon reports socket bytes, headers included). */
async function responseBytes(url: string, spec: RequestSpec): Promise<number> {
  const response = await fetch(`${url}${spec.path}`, { method: spec.method, headers: spec.headers, body: spec.body });
  return (await response.arrayBuffer()).byteLength;
}

/**
 * 80 % reads (list, deep, tiny), 15 % search, 5 % writes, in a fixed 20-request cycle per
 * connection. A write is what Strapi sends when an editor publishes a profile: the webhook,
 * which makes the API re-read the document from Strapi, upsert it and purge cached answers.
 */
async function mixedRequests(apiUrl: string, cmsUrl: string, token: string, webhookSecret: string): Promise<RequestSpec[]> {
  const response = await fetch(`${cmsUrl}/api/centre-profiles?filters[centreCode][$eq]=${DEEP_CENTRE}&fields[0]=centreCode`, { headers: { authorization: `Bearer ${token}` } });
  const documentId = ((await response.json()) as { data: Array<{ documentId: string }> }).data[0]!.documentId;
  const write: RequestSpec = {
    method: 'POST',
    path: '/webhooks/cms',
    headers: { 'content-type': 'application/json', 'x-star-centres-secret': webhookSecret },
    body: JSON.stringify({ event: 'entry.publish', uid: 'api::centre-profile.centre-profile', model: 'centre-profile', entry: { documentId, locale: 'zh-Hans' } }),
    verify: (body) => (body.includes('"error"') ? body.slice(0, 300) : null),
  };
  void apiUrl;
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
