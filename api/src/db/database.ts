import { Client } from 'pg';
import type { DatabaseConfig } from '../config';

/** Creates the API's database on its server when it does not exist yet. */
export async function ensureDatabase(database: DatabaseConfig): Promise<'created' | 'exists'> {
  const client = new Client({ connectionString: database.maintenanceUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database.name]);
    if (found.rowCount) {
      return 'exists';
    }
    // Identifiers cannot be bound parameters; config.ts restricts the name to [a-z0-9_].
    await client.query(`create database "${database.name}" encoding 'UTF8' template template0`);
    return 'created';
  } finally {
    await client.end();
  }
}

export async function dropDatabase(database: DatabaseConfig): Promise<void> {
  const client = new Client({ connectionString: database.maintenanceUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${database.name}" with (force)`);
  } finally {
    await client.end();
  }
}
