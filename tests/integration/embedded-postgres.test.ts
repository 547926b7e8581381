import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * The embedded PostgreSQL `npm start` runs without DATABASE_URL: any user of the machine can
 * reach its port, so only the generated password may open it. It runs from dist/ in a child
 * process, as `npm start` does (jest cannot load the package's ES module in a test file).
 */
const ROOT = path.resolve(__dirname, '../..');
const COMPILED = path.join(ROOT, 'dist/api/src/db/embedded-postgres.js');
const CHILD = `
const { startEmbeddedPostgres } = require(${JSON.stringify(COMPILED)});
const logger = require('pino')({ level: 'silent' });
startEmbeddedPostgres({ dataDir: process.argv[1], port: Number(process.argv[2]), logger }).then(
  (pg) => {
    process.stdout.write('ready ' + pg.database.maintenanceUrl + '\\n');
    process.stdin.on('end', () => pg.stop().then(() => process.exit(0)));
    process.stdin.resume();
  },
  (error) => { console.error(error); process.exit(1); },
);`;

interface Running {
  maintenanceUrl: string;
  stop(): Promise<void>;
}

function startEmbeddedPostgres(): Promise<Running> {
  const child = spawn(process.execPath, ['-e', CHILD, dataDir, String(port)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready (\S+)/.exec(output);
      if (ready) {
        resolve({
          maintenanceUrl: ready[1]!,
          stop: () =>
            new Promise<void>((stopped) => {
              child.on('exit', () => stopped());
              child.stdin!.end();
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was ready:\n${output}`)));
  });
}

let dataDir: string;
let port: number;
let server: Running | undefined;

beforeAll(async () => {
  if (!existsSync(COMPILED)) throw new Error('dist/ is missing: run `npm test` (it builds first) or `npm run build`.');
  dataDir = mkdtempSync(path.join(tmpdir(), 'star-centres-pg-'));
  port = await freePort();
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
}

async function query(password: string, sql: string): Promise<unknown[]> {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', password });
  try {
    await client.connect();
    return (await client.query(sql)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const storedPassword = () => JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')).EMBEDDED_PG_PASSWORD as string;
const hbaMethods = () =>
  readFileSync(path.join(dataDir, 'postgres', 'pg_hba.conf'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.trim().split(/\s+/).at(-1));

describe('the embedded PostgreSQL', () => {
  it('should open only with the generated password, kept in a file only its owner reads', async () => {
    server = await startEmbeddedPostgres();
    const password = storedPassword();
    expect(password.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(new Set(hbaMethods())).toEqual(new Set(['scram-sha-256']));

    await expect(query('postgres', 'select 1')).rejects.toMatchObject({ code: '28P01' });
    await expect(query('', 'select 1')).rejects.toThrow();
    await expect(query(password, 'select 1 as one')).resolves.toEqual([{ one: 1 }]);
    // The URL the API is given carries that password.
    const superuser = new Client({ connectionString: server.maintenanceUrl });
    await superuser.connect();
    await superuser.end();
  }, 120_000);

  it('should give a data folder from an older version, with the password postgres, the generated one, keeping its data', async () => {
    // Make the folder what older versions left: password `postgres`, password auth, no stored secret.
    await query(storedPassword(), "create table kept (note text); insert into kept values ('still here'); alter role postgres password 'postgres'");
    await server!.stop();
    server = undefined;
    writeFileSync(path.join(dataDir, 'secrets.json'), '{}\n', { mode: 0o644 });
    writeFileSync(path.join(dataDir, 'postgres', 'pg_hba.conf'), 'local all all password\nhost all all 127.0.0.1/32 password\nhost all all ::1/128 password\n');

    server = await startEmbeddedPostgres();
    const password = storedPassword();
    expect(statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(new Set(hbaMethods())).toEqual(new Set(['scram-sha-256']));
    await expect(query('postgres', 'select 1')).rejects.toMatchObject({ code: '28P01' });
    await expect(query(password, 'select note from kept')).resolves.toEqual([{ note: 'still here' }]);
  }, 120_000);
});
