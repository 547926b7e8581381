import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { type DatabaseConfig, embeddedDatabase } from '../config';
import { secret, storedSecrets } from '../stack/secrets';

export interface EmbeddedPostgresHandle {
  /** The API's database on it, with the superuser's generated password. */
  database: DatabaseConfig;
  stop(): Promise<void>;
}

/** What earlier versions of this file gave the superuser; found on old data folders and replaced. */
const LEGACY_PASSWORD = 'postgres';

/**
 * Every connection needs the password, checked by SCRAM; nothing is trusted by user name.
 * Written on every start, so a data folder from an older version gets it too.
 */
const PG_HBA = `# Written by Star Centres on every start (api/src/db/embedded-postgres.ts): loopback only, password (SCRAM) only.
local all         all                scram-sha-256
host  all         all  127.0.0.1/32  scram-sha-256
host  all         all  ::1/128       scram-sha-256
host  replication all  127.0.0.1/32  scram-sha-256
`;

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  logger: Logger;
}

/**
 * Runs PostgreSQL from the embedded-postgres package, with its data kept under
 * `<dataDir>/postgres` so a second start reuses it. Listens on 127.0.0.1 only, and the
 * superuser's password is random, generated once into `<dataDir>/secrets.json` (0600):
 * other users of the machine can reach the port, so they must not know the password.
 */
export async function startEmbeddedPostgres({ dataDir, port, logger }: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const databaseDir = path.resolve(dataDir, 'postgres');
  const isFirstRun = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const isRoot = userInfo().uid === 0;
  if (isRoot) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    // The binaries sit in this project's node_modules, below the folder of this file.
    await letPostgresUserReach([databaseDir, __dirname], logger);
  }
  const { EMBEDDED_PG_PASSWORD: password } = await storedSecrets(dataDir, ['EMBEDDED_PG_PASSWORD'], secret);
  // embedded-postgres hands initdb the password in a temporary file that others may read while
  // initdb runs: initdb gets a one-time password, replaced by the stored one once started.
  const previousPassword = isFirstRun ? secret() : LEGACY_PASSWORD;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: previousPassword,
    // initdb --auth: the pg_hba.conf it writes asks every connection for the password.
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    // Machines without the en_US locale (many containers) would fail initdb otherwise.
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'password_encryption=scram-sha-256'],
    onLog: (message: string) => logger.debug({ postgres: message.trim() }),
    onError: (error: unknown) => logger.debug({ postgres: String(error).trim() }),
  });
  if (isFirstRun) {
    logger.info({ databaseDir }, 'initialising embedded PostgreSQL (first run only)');
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await pg.initialise();
  }
  await writeFile(path.join(databaseDir, 'pg_hba.conf'), PG_HBA);
  await stopOrphanedServer(databaseDir, logger);
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port}. Another server may hold the port or the data folder ` +
        `(${databaseDir}); stop it, or set EMBEDDED_PG_PORT or DATABASE_URL.`,
      { cause: error },
    );
  }
  const database = embeddedDatabase(port, password);
  try {
    await adoptPassword(database, previousPassword, logger);
  } catch (error) {
    await pg.stop();
    throw error;
  }
  return { database, stop: () => pg.stop() };
}

/**
 * Gives the superuser the stored password when it still has the previous one: the one-time
 * password of initdb on a first run, or `postgres` on a data folder created by an older
 * version. The data stays as it was.
 */
async function adoptPassword(database: DatabaseConfig, previousPassword: string, logger: Logger): Promise<void> {
  if (await canConnect(database.maintenanceUrl)) return;
  const previous = new URL(database.maintenanceUrl);
  previous.password = encodeURIComponent(previousPassword);
  const client = new Client({ connectionString: previous.toString() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL refused the password stored in secrets.json. If that file was replaced or lost, ` + `restore it, or move the data folder away to start afresh.`,
      { cause: error },
    );
  }
  try {
    // ALTER ROLE takes no bound parameters, hence the quoted literal.
    const password = decodeURIComponent(new URL(database.maintenanceUrl).password);
    await client.query(`alter role postgres password ${client.escapeLiteral(password)}`);
    if (previousPassword === LEGACY_PASSWORD) {
      logger.warn('the embedded PostgreSQL superuser had the old password "postgres": it now has the generated one from secrets.json');
    }
  } finally {
    await client.end();
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    // 28P01: wrong password. Anything else (the server gone) is not for this check to hide.
    if ((error as { code?: string }).code === '28P01') return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The part of embedded-postgres this file uses (its types need node16 module resolution). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
/**
 * A previous run that was killed outright (kill -9, a crash) leaves its PostgreSQL running
 * on this data folder, and a new one cannot start. postmaster.pid names it: if that process
 * is alive and is a postgres on this very folder, ask it to shut down (fast mode) first.
 */
async function stopOrphanedServer(databaseDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  let commandLine = '';
  try {
    commandLine = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ');
  } catch {
    return; // not running (or not Linux): PostgreSQL clears a stale pid file itself
  }
  if (!commandLine.includes('postgres') || !commandLine.includes(databaseDir)) return;
  logger.warn({ pid }, 'stopping the embedded PostgreSQL a previous run left behind');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && existsSync(`/proc/${pid}`); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to pass
 * through every folder above its binaries and data. A checkout in a private folder
 * (mode 700, as mktemp and /root make) would stop it, so such folders get o+x: others
 * may pass through, not list or read.
 */
async function letPostgresUserReach(targets: string[], logger: Logger): Promise<void> {
  const folders = new Set<string>();
  for (const target of targets) {
    for (let folder = path.dirname(target); folder !== path.dirname(folder); folder = path.dirname(folder)) {
      folders.add(folder);
    }
  }
  for (const folder of folders) {
    const { mode } = await stat(folder);
    if ((mode & 0o001) === 0) {
      await chmod(folder, mode | 0o001);
      logger.warn({ folder }, 'allowed others to pass through this folder (o+x) so the postgres user can reach the embedded database');
    }
  }
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const SHUTDOWN_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message', 'exit', 'beforeExit'] as const;

/**
 * embedded-postgres is an ES module; a real dynamic import keeps this file CommonJS.
 * On import it installs signal handlers that race ours and exit before PostgreSQL has
 * stopped; they are removed so main.ts alone decides how the process shuts down.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(SHUTDOWN_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ default: EmbeddedPostgresClass }>;
  const module = await importModule('embedded-postgres');
  for (const event of SHUTDOWN_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) {
        process.removeListener(event, listener);
      }
    }
  }
  return module.default;
}
