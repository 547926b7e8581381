import 'reflect-metadata';
import { seedDatabase } from '../seeds/api/seed';
import { buildDataset } from '../seeds/generate';
import { createApp } from '../api/src/app';
import { loadConfig } from '../api/src/config';
import { ensureDatabase } from '../api/src/db/database';
import { createLogger } from '../api/src/logger';
import { Region } from '../api/src/modules/region/region.entity';

/**
 * The API as a bench contender: its own process (so its RSS and CPU are its own), started by
 * bench/run.ts with an IPC channel. It counts the SQL statements it runs (MikroORM's onQuery
 * hook, the one the batching test uses) and the HTTP calls it makes to Strapi, and reports
 * both when asked. Configuration comes from the environment, like the real server; the
 * bench's own switches are read here and handed to createApp, never by the product's config:
 *   BENCH_DISABLE_DATALOADERS=true     every loader runs one query per key (the N+1 floor)
 *   BENCH_DISABLE_RESPONSE_CACHE=true  no answer is cached (the API cold)
 */

export type ApiServerMessage = { type: 'stats' } | { type: 'reconcile' };
export type ApiServerReply = { ready: string } | { sqlCount: number; strapiCalls: number } | { reconciled: unknown } | { error: string };

/** The bench's switches: true for `true` or `1`, like the product's own boolean variables. */
function benchSwitch(name: 'BENCH_DISABLE_DATALOADERS' | 'BENCH_DISABLE_RESPONSE_CACHE'): boolean {
  return ['true', '1'].includes(process.env[name] ?? '');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const secrets = config.cms.secrets;
  let sqlCount = 0;
  let strapiCalls = 0;
  // StrapiClient uses the global fetch; counting here leaves the product code untouched.
  const fetchWithCount = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(config.cms.internalUrl)) strapiCalls += 1;
    return fetchWithCount(input, init);
  };

  await ensureDatabase(config.database!);
  const app = await createApp(config, {
    databaseUrl: config.database!.url,
    logger,
    onQuery: () => {
      sqlCount += 1;
    },
    loaders: { batch: !benchSwitch('BENCH_DISABLE_DATALOADERS') },
    responseCache: !benchSwitch('BENCH_DISABLE_RESPONSE_CACHE'),
    editorial: {
      cmsUrl: config.cms.internalUrl,
      mediaBaseUrl: config.cms.publicUrl,
      apiToken: secrets.CMS_API_TOKEN!,
      webhookSecret: secrets.CMS_WEBHOOK_SECRET!,
      previewSecret: secrets.PREVIEW_SECRET!,
      // The bench reconciles once, on request; no timer runs during measurements.
      reconcileSeconds: 0,
    },
  });
  await app.orm.getMigrator().up();
  if ((await app.orm.em.fork().count(Region)) === 0) {
    // BENCH_SCALE: the growth run's 10× database (bench/run.ts --scale).
    await seedDatabase(app.orm.em.fork(), { dataset: buildDataset({ scale: Number(process.env.BENCH_SCALE ?? 1) }) });
  }
  const url = await app.listen();
  const reply = (message: ApiServerReply) => process.send!(message);

  process.on('message', (message: ApiServerMessage) => {
    if (message.type === 'stats') reply({ sqlCount, strapiCalls });
    if (message.type === 'reconcile') {
      app.editorialSync!.reconcileNow('bench').then(
        (report) => reply({ reconciled: report }),
        (error: Error) => reply({ error: error.message }),
      );
    }
  });
  process.on('SIGTERM', () => {
    app.stop().finally(() => process.exit(0));
  });
  reply({ ready: url });
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
