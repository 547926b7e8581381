import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { loadConfig } from '../config';
import { openDatabase } from '../database-setup';
import { createOrmConfig } from '../db/mikro-orm.config';
import { createLogger } from '../logger';

/** Runs a command-line task against the configured (or embedded) database, then cleans up. */
export async function withOrm(task: (orm: MikroORM) => Promise<void>, overrides: Partial<Options> = {}): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const db = await openDatabase(config, logger);
  let orm: MikroORM | undefined;
  try {
    orm = await MikroORM.init({ ...createOrmConfig({ databaseUrl: db.database.url, log: (message, level) => level === 'info' && console.log(message) }), ...overrides });
    await task(orm);
  } catch (error) {
    process.exitCode = 1;
    console.error(error instanceof Error ? error.message : error);
  } finally {
    await orm?.close(true);
    await db.stop();
  }
}
