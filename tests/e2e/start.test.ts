import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npm start` with no DATABASE_URL, as a new user runs it: the compiled server starts an
 * embedded PostgreSQL, migrates, seeds, serves, and stops it all on Ctrl-C (SIGINT).
 */
const MAIN = path.resolve(__dirname, '../../dist/api/src/main.js');
const PORT = 4097;
const EMBEDDED_PG_PORT = 54348;

let dataDir: string;
beforeAll(() => {
  if (!existsSync(MAIN)) {
    throw new Error('dist/ is missing: run `npm test` (it builds first) or `npm run build`.');
  }
  dataDir = mkdtempSync(path.join(tmpdir(), 'star-centres-start-'));
});
const children: ChildProcess[] = [];
afterAll(async () => {
  // A failed assertion must not leave a server (and its PostgreSQL) running.
  await Promise.all(children.map((child) => stop(child)));
  rmSync(dataDir, { recursive: true, force: true });
});

function start(): { child: ChildProcess; ready: Promise<string> } {
  // The CMS has tests of its own (tests/cms); this one is about the database and the API.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(PORT),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(EMBEDDED_PG_PORT),
    CMS_ENABLED: 'false',
  };
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop.')) resolve(output);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was ready:\n${output}`)));
  });
  return { child, ready };
}

function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

function postgresProcessesFor(dir: string): string {
  try {
    return execFileSync('pgrep', ['-af', `postgres.*${dir}`])
      .toString()
      .trim();
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
}

async function statistics(): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ ratingStatistics(year: 2024) { countyFiveStar countyFourStar countyThreeStar cityFiveStar } }' }),
  });
  return response.json();
}

describe('npm start without DATABASE_URL', () => {
  it('should serve the seeded API from an embedded PostgreSQL, stop cleanly, and start again from the same data', async () => {
    const first = start();
    const printed = await first.ready;
    expect(printed).toContain(`http://localhost:${PORT}/graphql`);
    expect(printed).toContain('embedded PostgreSQL');
    expect(await statistics()).toMatchObject({
      data: { ratingStatistics: { countyFiveStar: 36, countyFourStar: 83, countyThreeStar: 163, cityFiveStar: 20 } },
    });
    expect(await stop(first.child)).toBe(0);
    expect(postgresProcessesFor(dataDir)).toBe('');

    const startedAt = Date.now();
    const second = start();
    const secondOutput = await second.ready;
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    expect(secondOutput).not.toContain('initialising embedded PostgreSQL');
    expect(secondOutput).not.toContain('loading the seed data');
    expect(await statistics()).toMatchObject({ data: { ratingStatistics: { countyFiveStar: 36 } } });
    expect(await stop(second.child)).toBe(0);
    expect(postgresProcessesFor(dataDir)).toBe('');
  }, 180_000);

  it('should recover when a previous run was killed and left its PostgreSQL running', async () => {
    const killed = start();
    await killed.ready;
    await new Promise((resolve) => {
      killed.child.on('exit', resolve);
      killed.child.kill('SIGKILL');
    });
    expect(postgresProcessesFor(dataDir)).not.toBe('');

    const next = start();
    const output = await next.ready;
    expect(output).toContain('previous run left behind');
    expect(await statistics()).toMatchObject({ data: { ratingStatistics: { countyFiveStar: 36 } } });
    expect(await stop(next.child)).toBe(0);
    expect(postgresProcessesFor(dataDir)).toBe('');
  }, 180_000);
});
