import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { type DatabaseConfig, loadConfig } from '../api/src/config';
import { repoRoot } from '../api/src/paths';
import { buildCmsIfChanged, strapiCommand } from '../api/src/stack/cms-build';
import type { CmsSecrets } from '../api/src/stack/secrets';
import { cmsEnvironment } from '../api/src/stack/start-stack';
import { type Contender, contender, freePort, spawnWithIpc, waitForHttp, waitForReady } from './processes';

/** What every process the bench starts shares: where logs go, the CMS secrets, who to stop at the end. */
export interface BenchStack {
  logDir: string;
  /** `--cpu-prof` arguments for the API processes when the run profiles (--profile), else none. */
  profileArgs: string[];
  secrets: CmsSecrets;
  /** Every child, stopped in reverse order when the run ends (stopping twice is harmless). */
  children: ChildProcess[];
}

/**
 * One API contender (bench/api-server.ts) in its own process. `cmsUrl` is the Strapi it syncs
 * from; `flags` are the bench switches (cache off, loaders off) and BENCH_SCALE for the seed.
 */
export async function startApi(
  stack: BenchStack,
  name: string,
  { database, cmsUrl, flags = {}, readyTimeoutMs }: { database: DatabaseConfig; cmsUrl: string; flags?: Record<string, string>; readyTimeoutMs?: number },
): Promise<Contender> {
  const logFile = path.join(stack.logDir, `${name}.log`);
  const child = spawnWithIpc([...stack.profileArgs, path.join(__dirname, 'api-server.js')], {
    logFile,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      CMS_URL: cmsUrl,
      CMS_API_TOKEN: stack.secrets.CMS_API_TOKEN,
      CMS_WEBHOOK_SECRET: stack.secrets.CMS_WEBHOOK_SECRET,
      PREVIEW_SECRET: stack.secrets.PREVIEW_SECRET,
      // One client sends everything: the per-address budget must not be what is measured.
      ANONYMOUS_RATE_PER_MINUTE: '1000000000000',
      ...flags,
    },
  });
  stack.children.push(child);
  const url = await waitForReady(name, child, logFile, readyTimeoutMs);
  return contender(name, child, url, (ask) => ask({ type: 'stats' }, 'sqlCount'));
}

/**
 * Strapi with its GraphQL plugin on and its SQL counted (both only for the bench). Its first
 * start on an empty database seeds `seedDir` through the document service, publishing each
 * document; its webhooks go to `apiUrl`, which also checks the centre codes editors use.
 */
export async function startStrapi(
  stack: BenchStack,
  {
    name,
    cmsPort,
    database,
    apiUrl,
    seedDir,
    startTimeoutMs,
    say,
  }: { name: string; cmsPort: number; database: DatabaseConfig; apiUrl: string; seedDir: string; startTimeoutMs: number; say: (line: string) => void },
): Promise<Contender> {
  const cmsUrl = cmsUrlOf(cmsPort);
  const cmsDir = path.join(repoRoot(), 'cms');
  const { secrets } = stack;
  const cmsEnv = {
    ...cmsEnvironment(loadConfig({ NODE_ENV: 'production', CMS_PORT: String(cmsPort) }), secrets, database),
    NODE_ENV: 'production',
    CMS_ADMIN_PASSWORD: `Bench-${secrets.PREVIEW_SECRET.slice(0, 12)}`,
    CMS_EDITOR_PASSWORD: `Bench-${secrets.PREVIEW_SECRET.slice(12, 24)}`,
    API_INTERNAL_URL: apiUrl,
    API_PUBLIC_URL: apiUrl,
    CMS_PUBLIC_URL: cmsUrl,
    CMS_SEED_DIR: seedDir,
    CMS_GRAPHQL_ENABLED: 'true',
    CMS_BENCH_COUNT_SQL: 'true',
  };
  say(`CMS admin build: ${await buildCmsIfChanged({ cmsDir, env: cmsEnv, logger: pino({ level: 'warn' }) })}`);
  const [, strapiScript] = strapiCommand(cmsDir, 'start');
  const logFile = path.join(stack.logDir, `${name}.log`);
  const child = spawnWithIpc([strapiScript!, 'start'], { cwd: cmsDir, env: cmsEnv, logFile });
  stack.children.push(child);
  say(`starting ${name} (a first start seeds the bench content through the document service: minutes, and ten times that at 10×)`);
  await waitForHttp(`${cmsUrl}/_health`, startTimeoutMs, child, logFile);
  return contender(name, child, cmsUrl, (ask) => ask('sql-count', 'sqlCount'));
}

export const cmsUrlOf = (port: number) => `http://127.0.0.1:${port}`;

/** A ceiling (bench/ceiling-server.ts) in its own process: `static` or `sql`. */
export async function startCeiling(
  stack: BenchStack,
  name: string,
  mode: 'static' | 'sql',
  { database, listFile }: { database: DatabaseConfig; listFile: string },
): Promise<Contender> {
  const logFile = path.join(stack.logDir, `${name}.log`);
  const child = spawnWithIpc([path.join(__dirname, 'ceiling-server.js'), mode], {
    logFile,
    env: { PATH: process.env.PATH, DATABASE_URL: database.url, LIST_FILE: listFile, PORT: String(await freePort()) },
  });
  stack.children.push(child);
  const url = await waitForReady(name, child, logFile);
  return contender(name, child, url, (ask) => ask({ type: 'stats' }, 'sqlCount'));
}
