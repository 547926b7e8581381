import path from 'node:path';
import { databaseFromUrl, embeddedDatabase, type DatabaseConfig } from '../../api/src/config';

export const TEST_DATABASE_NAME = 'star_centres_test';
export const EMBEDDED_TEST_PORT = 54339;
export const EMBEDDED_TEST_DATA_DIR = path.resolve(__dirname, '../../.data/test');

/** The server DATABASE_URL names (these machines: 127.0.0.1:5432), else an embedded one. */
export function testDatabase(): DatabaseConfig {
  const url = process.env.DATABASE_URL;
  return url ? databaseFromUrl(url, TEST_DATABASE_NAME) : databaseFromUrl(embeddedDatabase(EMBEDDED_TEST_PORT).url, TEST_DATABASE_NAME);
}
