import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { EditorialOptions } from '../../../api/src/app';
import { databaseFromUrl } from '../../../api/src/config';
import { recreateSeededDatabase, TEST_DATABASE_NAME } from '../../setup/test-database';

export interface FuzzServer {
  url: string;
  databaseUrl: string;
  /** What the server printed on stderr (a crash shows here). */
  output(): string;
  stop(): Promise<void>;
}

const SERVE = path.join(__dirname, 'serve.js');

/**
 * The compiled API in a child process, on a freshly seeded database of its own: fuzzed
 * requests may write, and the digest of the tables must not be disturbed by other test files.
 */
export async function startFuzzServer(name: string, { env = {}, editorial }: { env?: Record<string, string>; editorial?: EditorialOptions } = {}): Promise<FuzzServer> {
  const database = databaseFromUrl(process.env.TEST_DATABASE_URL!, `${TEST_DATABASE_NAME}_${name}`);
  await recreateSeededDatabase(database);
  // Development is what a new user runs; FUZZ_NODE_ENV=production checks the masked mode.
  const settings = { databaseUrl: database.url, env: { NODE_ENV: process.env.FUZZ_NODE_ENV ?? 'development', ...env }, editorial };
  const child: ChildProcess = spawn(process.execPath, [SERVE, JSON.stringify(settings)], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = stdout.match(/listening (\S+)/);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the API exited with ${code} before listening:\n${stderr}`)));
  });
  return {
    url,
    databaseUrl: database.url,
    output: () => stderr,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
