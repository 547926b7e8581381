import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createApp, type EditorialOptions } from './app';
import type { EditorialSyncRunner } from './modules/editorial/editorial-sync.runner';
import { refuseDevelopmentStaff } from './modules/staff/published-credentials';
import type { Config, DatabaseConfig } from './config';

export interface RunningApi {
  url: string;
  /** /readyz answers "starting" until this is called. */
  markReady(): void;
  editorialSync: EditorialSyncRunner | undefined;
  stop(): Promise<void>;
}

/**
 * What only a development start-up does (seeds/api/development-start.ts): load the seed data
 * into an empty database, create the development staff, and say how to sign in. The
 * development entry passes it; production passes none and never loads that code.
 */
export interface DevelopmentStart {
  /** Runs after the migrations, before the API listens. */
  prepare(orm: MikroORM, logger: Logger): Promise<void>;
  /** Lines for the start-up banner. */
  banner: string[];
}

/** The API part of `npm start`: migrations, the development start-up or production's checks, HTTP server. */
export async function startApi(config: Config, logger: Logger, database: DatabaseConfig, editorial?: EditorialOptions, development?: DevelopmentStart): Promise<RunningApi> {
  const app = await createApp(config, { databaseUrl: database.url, logger, startsReady: false, editorial });
  try {
    const applied = await app.orm.getMigrator().up();
    if (applied.length > 0) {
      logger.info({ migrations: applied.map((migration) => migration.name) }, 'applied migrations');
    }
    if (config.env === 'production') {
      await refuseDevelopmentStaff(app.orm.em.fork());
    } else {
      await development?.prepare(app.orm, logger);
    }
    const url = await app.listen();
    return { url, markReady: app.markReady, editorialSync: app.editorialSync, stop: () => app.stop() };
  } catch (error) {
    await app.stop();
    throw error;
  }
}
