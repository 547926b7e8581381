import type { Logger } from 'pino';
import type { Config, DatabaseConfig } from './config';
import { ensureDatabase } from './db/database';
import { startEmbeddedPostgres } from './db/embedded-postgres';

export interface DatabaseHandle {
  database: DatabaseConfig;
  isEmbedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL's server when set, otherwise an embedded PostgreSQL under DATA_DIR. */
export async function openDatabase(config: Config, logger: Logger): Promise<DatabaseHandle> {
  if (config.database) {
    await createIfMissing(config.database, logger);
    return { database: config.database, isEmbedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, logger });
  const { database } = embedded;
  try {
    await createIfMissing(database, logger);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { database, isEmbedded: true, stop: () => embedded.stop() };
}

async function createIfMissing(database: DatabaseConfig, logger: Logger): Promise<void> {
  if ((await ensureDatabase(database)) === 'created') {
    logger.info({ database: database.name }, 'created the API database');
  }
}
