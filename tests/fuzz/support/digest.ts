import { Client } from 'pg';

/**
 * A fingerprint of every table's rows, so a test can say "this request wrote nothing".
 * Sessions change when staff sign in and usage counters when keys are used: both are
 * left out, as is the migrations table.
 */
const SKIPPED = new Set(['mikro_orm_migrations', 'api_key_usage', 'staff_session']);

export interface TableDigest {
  [table: string]: string;
}

export class DatabaseDigest {
  private constructor(
    private readonly client: Client,
    private readonly tables: string[],
  ) {}

  static async connect(databaseUrl: string): Promise<DatabaseDigest> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    );
    return new DatabaseDigest(
      client,
      rows.map((row) => row.name).filter((name) => !SKIPPED.has(name)),
    );
  }

  /** Row count and an order-independent hash of every table. */
  async take(): Promise<TableDigest> {
    const parts = this.tables.map(
      (table) => `select '${table}' as name, count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as digest from "${table}" t`,
    );
    const { rows } = await this.client.query<{ name: string; digest: string }>(parts.join(' union all '));
    return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** The tables whose digest differs, for a readable failure. */
export function changedTables(before: TableDigest, after: TableDigest): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}
