import 'reflect-metadata';
import { MetadataStorage } from '@mikro-orm/core';
import pino from 'pino';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '../../api/src/db/embedded-postgres';
import { buildCmsIfChanged } from '../../api/src/stack/cms-build';
import { CMS_DIR } from '../helpers/cms';
import { EMBEDDED_TEST_DATA_DIR, EMBEDDED_TEST_PORT, recreateSeededDatabase, testDatabase } from './test-database';

/**
 * One fresh database for the run: dropped, created, migrated with the committed
 * migrations and seeded. Tests that write use data of their own.
 */
export default async function globalSetup(): Promise<void> {
  let embedded: EmbeddedPostgresHandle | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({
      dataDir: EMBEDDED_TEST_DATA_DIR,
      port: EMBEDDED_TEST_PORT,
      logger: pino({ level: 'silent' }),
    });
    (globalThis as { embeddedPostgres?: typeof embedded }).embeddedPostgres = embedded;
  }
  const database = testDatabase(embedded?.database);
  try {
    await recreateSeededDatabase(database);
  } finally {
    // Entity metadata lives in a process-wide store; a test file run in this same process
    // (jest does that for a single file) must not find this realm's objects there.
    MetadataStorage.clear();
  }
  process.env.TEST_DATABASE_URL = database.url;
  // CMS tests run the built admin; building takes a minute the first time, then is skipped.
  await buildCmsIfChanged({
    cmsDir: CMS_DIR,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, STRAPI_TELEMETRY_DISABLED: 'true' },
    logger: pino({ level: 'silent' }),
  });
}
