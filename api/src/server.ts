import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { seedDatabase } from '../../seeds/api/seed';
import { liveDevelopmentStaff, seedDevelopmentStaff } from '../../seeds/api/staff';
import { createApp, type EditorialOptions } from './app';
import type { EditorialSyncRunner } from './modules/editorial/editorial-sync.runner';
import type { Config, DatabaseConfig } from './config';
import { Region } from './modules/region/region.entity';

export interface RunningApi {
  url: string;
  /** /readyz answers "starting" until this is called. */
  markReady(): void;
  editorialSync: EditorialSyncRunner | undefined;
  stop(): Promise<void>;
}

/** The API part of `npm start`: migrations, first-run seed, HTTP server. */
export async function startApi(config: Config, logger: Logger, database: DatabaseConfig, editorial?: EditorialOptions): Promise<RunningApi> {
  const app = await createApp(config, { databaseUrl: database.url, logger, startsReady: false, editorial });
  try {
    const applied = await app.orm.getMigrator().up();
    if (applied.length > 0) {
      logger.info({ migrations: applied.map((migration) => migration.name) }, 'applied migrations');
    }
    if (config.seedOnStart && (await app.orm.em.fork().count(Region)) === 0) {
      logger.info('empty database: loading the seed data');
      const summary = await seedDatabase(app.orm.em.fork(), { onProgress: (line) => logger.info(line) });
      logger.info(summary, 'seed data loaded');
    }
    if (config.env === 'production') {
      await refuseDevelopmentStaff(app.orm.em.fork());
    } else if (config.seedOnStart) {
      const created = await seedDevelopmentStaff(app.orm.em.fork());
      if (created > 0) logger.info({ created }, 'development staff accounts created');
    }
    const url = await app.listen();
    return { url, markReady: app.markReady, editorialSync: app.editorialSync, stop: () => app.stop() };
  } catch (error) {
    await app.stop();
    throw error;
  }
}

/**
 * Production never creates the development staff accounts, but a database first created in
 * development keeps them, signing in with a password printed in the README: refuse to start.
 */
export async function refuseDevelopmentStaff(em: EntityManager): Promise<void> {
  const live = await liveDevelopmentStaff(em);
  if (live.length === 0) return;
  throw new Error(
    `Production refuses to start: these development staff accounts still have the development password: ${live.join(', ')}. ` +
      `Disable each (npm run staff:disable -- --email <email>) or give it a new password (npm run staff:password -- --email <email>), ` +
      'with the same DATABASE_URL / DATA_DIR, then start again.',
  );
}
