import 'reflect-metadata';
import pino from 'pino';
import { createApp } from '../api/src/app';
import { loadConfig } from '../api/src/config';
import { API_QUERIES, type ApiWorkload } from './workloads';

/**
 * CPU milliseconds of one uncached answer, in-process and one request at a time, for quick
 * before/after comparisons while working on the read path (the bench's figures come from
 * `npm run bench`). Needs a bench database with its editorial content (a bench run fills it):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sc_bench_run_api node dist/bench/cpu-probe.js [list|deep|…] [requests] [concurrency]
 */
async function main(): Promise<void> {
  const workload = (process.argv[2] ?? 'list') as ApiWorkload;
  const requests = Number(process.argv[3] ?? 200);
  const concurrency = Number(process.argv[4] ?? 1);
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', ANONYMOUS_RATE_PER_MINUTE: '1000000' });
  const app = await createApp(config, {
    databaseUrl: config.database!.url,
    logger: pino({ level: 'silent' }),
    responseCache: false,
    onQuery: (sql) => {
      if (process.env.SHOW_SQL) process.stdout.write(`${sql}\n---\n`);
    },
  });
  const url = await app.listen();
  const ask = async () => {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: API_QUERIES[workload] }) });
    const text = await response.text();
    if (!response.ok || text.includes('"errors"')) throw new Error(text.slice(0, 500));
    return text.length;
  };
  for (let i = 0; i < 30; i += 1) await ask();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let bytes = 0;
  let sent = 0;
  // `concurrency` loops share the requests, like the bench's connections.
  const loop = async () => {
    while (sent < requests) {
      sent += 1;
      bytes = await ask();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const cpu = process.cpuUsage(cpuBefore);
  const wall = performance.now() - started;
  process.stdout.write(
    `${workload}: ${((cpu.user + cpu.system) / 1000 / requests).toFixed(2)} CPU ms per answer (client included; ${(cpu.system / 1000 / requests).toFixed(2)} of it in the kernel), ${(wall / requests).toFixed(2)} ms wall, ${bytes} bytes\n`,
  );
  await app.stop();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
