import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { dropDatabase, ensureDatabase } from '../../api/src/db/database';
import { createOrmConfig } from '../../api/src/db/mikro-orm.config';
import { seedDatabase } from '../../seeds/api/seed';
import { seedDevelopmentStaff } from '../../seeds/api/staff';
import { databaseFromUrl, type DatabaseConfig } from '../../api/src/config';

/**
 * Every test database name starts with this. Two checkouts testing at once against one
 * PostgreSQL server set TEST_DB_PREFIX apart so they do not drop each other's databases.
 */
export const TEST_DATABASE_NAME = process.env.TEST_DB_PREFIX ?? 'star_centres_test';
export const EMBEDDED_TEST_PORT = 54339;
export const EMBEDDED_TEST_DATA_DIR = path.resolve(__dirname, '../../.data/test');

/** The server DATABASE_URL names (these machines: 127.0.0.1:5432), else the embedded one global-setup started. */
export function testDatabase(embedded?: DatabaseConfig): DatabaseConfig {
  const url = process.env.DATABASE_URL ?? embedded?.url;
  if (!url) throw new Error('No DATABASE_URL and no embedded PostgreSQL: run the tests through jest (see tests/setup).');
  return databaseFromUrl(url, TEST_DATABASE_NAME);
}

/** Drops and recreates a database, then applies the committed migrations and the seed data. */
export async function recreateSeededDatabase(database: DatabaseConfig): Promise<void> {
  await dropDatabase(database);
  await ensureDatabase(database);
  const orm = await MikroORM.init(createOrmConfig({ databaseUrl: database.url }));
  try {
    await orm.getMigrator().up();
    await seedDatabase(orm.em.fork());
    await seedDevelopmentStaff(orm.em.fork());
  } finally {
    await orm.close(true);
  }
}
