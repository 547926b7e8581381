import 'reflect-metadata';
import path from 'node:path';
import { databaseFromUrl, loadConfig } from '../config';
import { ensureDatabase } from '../db/database';
import { createLogger } from '../logger';
import { repoRoot } from '../paths';
import { buildCmsIfChanged } from '../stack/cms-build';
import { startCms } from '../stack/cms-process';
import { resolveCmsSecrets } from '../stack/secrets';
import { cmsEnvironment } from '../stack/start-stack';

/**
 * The CMS alone, against the server DATABASE_URL names (docker-compose's cms service):
 * creates its database, builds the admin when cms/ changed, runs it until a signal.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  if (!config.database) {
    throw new Error('cms:start needs DATABASE_URL; `npm start` runs the CMS with an embedded database.');
  }
  const database = databaseFromUrl(config.database.url, `${config.database.name}_cms`);
  await ensureDatabase(database);
  const env = cmsEnvironment(config, await resolveCmsSecrets(config), database);
  const cmsDir = path.join(repoRoot(), 'cms');
  await buildCmsIfChanged({ cmsDir, env, logger });
  const cms = await startCms({ cmsDir, env, url: `http://127.0.0.1:${config.cms.port}`, logger });
  logger.info(`CMS admin at ${config.cms.publicUrl}/admin`);
  const stop = () => void cms.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
