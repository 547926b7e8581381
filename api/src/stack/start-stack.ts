import path from 'node:path';
import type { Logger } from 'pino';
import { type Config, databaseFromUrl, type DatabaseConfig } from '../config';
import { ensureDatabase } from '../db/database';
import { openDatabase } from '../database-setup';
import { repoRoot } from '../paths';
import type { EditorialOptions } from '../app';
import { type DevelopmentStart, startApi } from '../server';
import { buildCmsIfChanged } from './cms-build';
import { startCms } from './cms-process';
import { type CmsSecrets, resolveCmsSecrets } from './secrets';

export interface RunningStack {
  stop(): Promise<void>;
}

/**
 * Everything `npm start` runs, in order: PostgreSQL (embedded unless DATABASE_URL is set),
 * the API, then the CMS. Stopping goes the other way round. `development` is what only a
 * development start-up does (seed data, development staff); production passes none.
 */
export async function startStack(config: Config, logger: Logger, development?: DevelopmentStart): Promise<RunningStack> {
  const startedAt = Date.now();
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0)) {
      await stop().catch((error) => logger.error({ err: error }, 'error while stopping'));
    }
  };
  try {
    const db = await openDatabase(config, logger);
    stops.unshift(db.stop);
    const secrets = config.cms.enabled ? await resolveCmsSecrets(config) : undefined;
    const api = await startApi(config, logger, db.database, secrets && editorialOptions(config, secrets), development);
    stops.unshift(api.stop);
    if (secrets) {
      const cmsDatabase = databaseFromUrl(db.database.url, `${db.database.name}_cms`);
      await ensureDatabase(cmsDatabase);
      const env = cmsEnvironment(config, secrets, cmsDatabase);
      const cmsDir = path.join(repoRoot(), 'cms');
      await buildCmsIfChanged({ cmsDir, env, logger });
      const cms = await startCms({ cmsDir, env, url: `http://${config.cms.host}:${config.cms.port}`, logger });
      stops.unshift(cms.stop);
      // Webhooks sent while the CMS was still booting (its first seed) could not be read
      // back; the first reconcile picks them up, then it repeats on a timer.
      await api.editorialSync?.reconcileNow('start-up');
      api.editorialSync?.startSchedule();
    }
    api.markReady();
    printReady(config, db.isEmbedded, Date.now() - startedAt, development?.banner ?? []);
    return { stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export function editorialOptions(config: Config, secrets: CmsSecrets): EditorialOptions {
  return {
    cmsUrl: config.cms.internalUrl,
    mediaBaseUrl: config.cms.publicUrl,
    apiToken: secrets.CMS_API_TOKEN,
    webhookSecret: secrets.CMS_WEBHOOK_SECRET,
    previewSecret: secrets.PREVIEW_SECRET,
    reconcileSeconds: config.cms.reconcileSeconds,
  };
}

/** The CMS's environment: its database, its secrets, and where it finds the API. */
export function cmsEnvironment(config: Config, secrets: CmsSecrets, database: DatabaseConfig): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: config.env === 'production' ? 'production' : 'development',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
    CMS_DATABASE_URL: database.url,
    CMS_HOST: config.cms.host,
    CMS_PORT: String(config.cms.port),
    CMS_PUBLIC_URL: config.cms.publicUrl,
    API_INTERNAL_URL: config.cms.apiInternalUrl,
    API_PUBLIC_URL: config.publicUrl,
    CMS_ADMIN_EMAIL: config.cms.admin.email,
    CMS_ADMIN_PASSWORD: config.cms.admin.password,
    CMS_EDITOR_EMAIL: config.cms.editor.email,
    CMS_EDITOR_PASSWORD: config.cms.editor.password,
    ...secrets,
  };
}

function printReady(config: Config, isEmbedded: boolean, elapsedMs: number, developmentLines: string[]): void {
  const lines = [
    '',
    `  Star Centres is ready (${(elapsedMs / 1000).toFixed(1)} s)`,
    '',
    `  Showcase page     ${config.publicUrl}/`,
    `  GraphQL API       ${config.publicUrl}/graphql`,
    `  Explorer          ${config.publicUrl}/graphql  (open in a browser)`,
    `  Health            ${config.publicUrl}/healthz   ${config.publicUrl}/readyz`,
  ];
  lines.push(...developmentLines);
  if (config.cms.enabled) {
    lines.push(`  CMS admin         ${config.cms.publicUrl}/admin`);
    // Development accounts only: production sets its own and nothing prints them.
    if (config.env !== 'production') {
      lines.push(
        `    demo editor     ${config.cms.editor.email}  /  ${config.cms.editor.password}`,
        `    super-admin     ${config.cms.admin.email}  /  ${config.cms.admin.password}`,
      );
    }
  }
  lines.push(
    `  Database          ${isEmbedded ? `embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort}, data in ${config.dataDir}/postgres` : 'the server named by DATABASE_URL'}`,
    '',
    '  Press Ctrl-C to stop.',
    '',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}
