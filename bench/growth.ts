import path from 'node:path';
import { Client } from 'pg';
import { databaseFromUrl, type DatabaseConfig } from '../api/src/config';
import { dropDatabase, ensureDatabase } from '../api/src/db/database';
import { repoRoot } from '../api/src/paths';
import type { RequestSpec } from './measure';
import { freePort } from './processes';
import type { MeasureCell } from './run';
import { type BenchSeedSummary, writeBenchCmsSeed } from './seed-cms';
import { type BenchStack, cmsUrlOf, startApi, startStrapi } from './stack';
import type { ApiWorkload } from './workloads';

export interface GrowthSummary {
  scale: number;
  seed: BenchSeedSummary;
  /** Null when an earlier run had filled the read model already (Strapi was not started). */
  reconciled: { upserted: number; deleted: number; unchanged: number } | null;
  /** Published zh-Hans documents in the API's read model when measured. */
  readModel: ReadModelCounts;
}

type ReadModelCounts = Pick<BenchSeedSummary, 'profiles' | 'programmes' | 'articles'>;

/** The workloads whose cost must not grow with the data: one page, one centre. */
export const GROWTH_WORKLOADS = ['list', 'deep'] as const;

/**
 * The growth run (`--scale n`): the API seeded with n times the centres (BENCH_SCALE) and a
 * Strapi seeded with n times the content, in databases of their own (<prefix>_api_x<n>,
 * <prefix>_cms_x<n>) so that 1× and n× data live side by side and are each seeded once. Strapi
 * fills the API's read model as at 1× (webhooks, then one reconcile pass) and is stopped before
 * measuring: reads never call it. Once the read model holds every seeded document, later runs
 * do not start Strapi at all (its start-up alone checks each of the ≈ 9,800 documents). Then
 * List and Deep, uncached, at 1× (api-cold-x1) and n× (api-cold-x<n>) in turn.
 */
export async function runGrowth({
  stack,
  serverUrl,
  oneDatabase,
  prefix,
  scale,
  isFresh,
  workDir,
  say,
  run,
  apiRequest,
}: {
  stack: BenchStack;
  serverUrl: string;
  /** The 1× API database, for the 1× cells measured beside the n× ones. */
  oneDatabase: DatabaseConfig;
  prefix: string;
  scale: number;
  isFresh: boolean;
  workDir: string;
  say: (line: string) => void;
  run: MeasureCell;
  apiRequest: (workload: ApiWorkload) => RequestSpec[];
}): Promise<GrowthSummary> {
  const apiDatabase = databaseFromUrl(serverUrl, `${prefix}_api_x${scale}`);
  const cmsDatabase = databaseFromUrl(serverUrl, `${prefix}_cms_x${scale}`);
  if (isFresh) {
    await dropDatabase(apiDatabase);
    await dropDatabase(cmsDatabase);
  }
  await ensureDatabase(cmsDatabase);
  const seedDir = path.join(workDir, `cms-seed-x${scale}`);
  const seed = writeBenchCmsSeed(path.join(repoRoot(), 'seeds', 'cms'), seedDir, scale);
  say(
    `growth ×${scale}: ${seed.profiles} profiles, ${seed.programmes} programmes, ${seed.articles} articles for ${seed.centres} centres (${apiDatabase.name}, ${cmsDatabase.name})`,
  );

  const cmsPort = await freePort();
  // A first start seeds the API database (one transaction, ten times the rows): minutes.
  const api = await startApi(stack, `api-cold-x${scale}`, {
    database: apiDatabase,
    cmsUrl: cmsUrlOf(cmsPort),
    flags: { BENCH_DISABLE_RESPONSE_CACHE: 'true', BENCH_SCALE: String(scale) },
    readyTimeoutMs: 1_800_000,
  });
  let reconciled: GrowthSummary['reconciled'] = null;
  let readModel = await readModelCounts(apiDatabase);
  if (isFilled(readModel, seed)) {
    say(`growth ×${scale}: the read model already holds every seeded document (${describe(readModel)}); Strapi is not started`);
  } else {
    const strapi = await startStrapi(stack, { name: `strapi-x${scale}`, cmsPort, database: cmsDatabase, apiUrl: api.url, seedDir, startTimeoutMs: 7_200_000, say });
    ({ reconciled } = await api.ask<{ reconciled: NonNullable<GrowthSummary['reconciled']> }>({ type: 'reconcile' }, 'reconciled', 1_800_000));
    say(`growth ×${scale}: read model reconciled: ${reconciled.upserted} upserted, ${reconciled.deleted} deleted, ${reconciled.unchanged} unchanged`);
    await strapi.stop();
    readModel = await readModelCounts(apiDatabase);
    if (!isFilled(readModel, seed)) throw new Error(`growth ×${scale}: the read model holds ${describe(readModel)}, not the ${describe(seed)} seeded`);
  }

  await settleDatabase(apiDatabase);
  // The 1× side again, in a fresh process beside the n× one, cell after cell: on a shared box
  // the growth ratio then compares minutes that saw the same other work.
  const one = await startApi(stack, 'api-cold-x1', { database: oneDatabase, cmsUrl: cmsUrlOf(cmsPort), flags: { BENCH_DISABLE_RESPONSE_CACHE: 'true' } });
  for (const workload of GROWTH_WORKLOADS) {
    await run(one, workload, apiRequest(workload), { scale: 1 });
    await run(api, workload, apiRequest(workload), { scale });
  }
  await one.stop();
  await api.stop();
  return { scale, seed, reconciled, readModel };
}

/**
 * VACUUM ANALYZE after seeding, before any cell: what autovacuum does on a server left to itself
 * (it is off on some machines). Without it the planner has no statistics for the fresh rows and
 * GIN indexes keep every insert in a pending list that each search scans.
 */
export async function settleDatabase(database: DatabaseConfig): Promise<void> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('vacuum analyze');
  } finally {
    await client.end();
  }
}

async function readModelCounts(database: DatabaseConfig): Promise<ReadModelCounts> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const count = async (table: string) => Number((await client.query<{ n: string }>(`select count(*) as n from ${table} where locale = 'zh-Hans'`)).rows[0]!.n);
    return { profiles: await count('editorial_centre_profile'), programmes: await count('editorial_brand_programme'), articles: await count('editorial_showcase_article') };
  } finally {
    await client.end();
  }
}

const isFilled = (counts: ReadModelCounts, seed: ReadModelCounts) =>
  counts.profiles === seed.profiles && counts.programmes === seed.programmes && counts.articles === seed.articles;
const describe = ({ profiles, programmes, articles }: ReadModelCounts) => `${profiles} profiles, ${programmes} programmes, ${articles} articles`;
