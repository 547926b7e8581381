import { readFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';

/** One kind of request a load run sends, and how each answer is checked. */
export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Returns why the answer is wrong, or null when it is right. Runs on every response. */
  verify: (body: string) => string | null;
  /** The status a right answer has (200 unless said: the CMS webhook answers 202). */
  status?: number;
}

/** Counters a contender keeps itself; the bench reads them before and after a run. */
export interface Counters {
  sqlCount?: number;
  strapiCalls?: number;
}

export interface LoadOptions {
  url: string;
  requests: RequestSpec[];
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** Requests of the first, counted warm-up (all of them finish before measuring). */
  warmupRequests: number;
  /** Fewer answers than this in the measured time, and the measured run counts answers instead. */
  minAnswers: number;
  /** Fixed arrival rate (requests per second over all connections); closed loop when absent. */
  overallRate?: number;
  /** Process whose RSS is sampled during the measured run. */
  pid: number;
  readCounters: () => Promise<Counters>;
}

export interface LoadResult {
  requests: number;
  /** How long the measured run took. */
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  wrongBodies: number;
  firstWrongBody: string | null;
  sqlPerRequest: number | null;
  strapiCallsPerRequest: number | null;
  rssMeanMb: number;
  rssMaxMb: number;
  /** The machine's 1-minute load average after the measured run: other work on the box shows here. */
  loadAverage: number;
  /**
   * When the measured run started and ended, in µs of the monotonic clock: the clock of V8's
   * CPU profiles, so bench/profile-summary.ts can keep only this run's samples.
   */
  window: { startUs: number; endUs: number };
  /**
   * CPU time (user + system) the contender's process spent per answer during the measured run:
   * on a shared box this moves much less with other work than req/s does.
   */
  cpuMsPerAnswer: number;
}

/**
 * Warm-up (discarded), then the measured run. Every response of both is checked; latencies
 * are recorded per response so p95 is exact (autocannon's own histogram has no p95).
 *
 * The warm-up is first a fixed number of requests, so none is still running on the server
 * when measuring starts. A contender too slow to give minAnswers answers in the measured
 * time (the N+1 floor, Strapi's GraphQL list) is measured over minAnswers answers instead,
 * at the same concurrency; its req/s is answers divided by the time they took either way.
 */
export async function measure(options: LoadOptions): Promise<LoadResult> {
  // autocannon needs at least one request per connection.
  const warmup = await run(options, { amount: Math.max(options.warmupRequests, options.connections) });
  const warmupRate = warmup.latencies.length / (warmup.elapsedMs / 1000);
  const isSlow = warmupRate * options.seconds < options.minAnswers;
  if (!isSlow) await run(options, { seconds: options.warmupSeconds });
  await waitUntilIdle(options.pid);
  const before = await options.readCounters();
  const rss = sampleRss(options.pid);
  const startUs = monotonicMicroseconds();
  const cpuBefore = cpuTicks(options.pid);
  const outcome = await run(options, isSlow ? { amount: Math.max(options.minAnswers, options.connections) } : { seconds: options.seconds });
  const endUs = monotonicMicroseconds();
  const cpuAfter = cpuTicks(options.pid);
  const rssMb = rss.stop();
  const after = await options.readCounters();
  await waitUntilIdle(options.pid);
  const completed = outcome.latencies.length;
  const perRequest = (key: keyof Counters) => (after[key] === undefined || before[key] === undefined || completed === 0 ? null : (after[key]! - before[key]!) / completed);
  const sorted = Float64Array.from(outcome.latencies).sort();
  const percentile = (p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
  return {
    requests: completed,
    seconds: outcome.elapsedMs / 1000,
    rps: completed / (outcome.elapsedMs / 1000),
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    errors: outcome.errors,
    non2xx: outcome.non2xx,
    wrongBodies: outcome.wrongBodies,
    firstWrongBody: outcome.firstWrongBody,
    sqlPerRequest: perRequest('sqlCount'),
    strapiCallsPerRequest: perRequest('strapiCalls'),
    rssMeanMb: rssMb.mean,
    rssMaxMb: rssMb.max,
    loadAverage: os.loadavg()[0]!,
    window: { startUs, endUs },
    cpuMsPerAnswer: completed === 0 ? NaN : ((cpuAfter - cpuBefore) * TICK_MS) / completed,
  };
}

/** process.hrtime is CLOCK_MONOTONIC, the clock V8 stamps profile samples with (Linux). */
function monotonicMicroseconds(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

interface RunOutcome {
  latencies: number[];
  elapsedMs: number;
  errors: number;
  non2xx: number;
  wrongBodies: number;
  firstWrongBody: string | null;
}

function run(options: LoadOptions, length: { seconds: number } | { amount: number }): Promise<RunOutcome> {
  const outcome: RunOutcome = { latencies: [], elapsedMs: 0, errors: 0, non2xx: 0, wrongBodies: 0, firstWrongBody: null };
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...('seconds' in length ? { duration: length.seconds } : { amount: length.amount }),
        // The N+1 floor takes many seconds per answer at 10 connections; only a hang is a failure.
        timeout: 600,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        requests: options.requests.map((spec) => ({
          method: spec.method,
          path: spec.path,
          headers: spec.headers,
          body: spec.body,
          onResponse: (status: number, body: string) => {
            const problem = status === (spec.status ?? 200) ? spec.verify(body) : `HTTP ${status}: ${body.slice(0, 300)}`;
            if (problem) {
              outcome.wrongBodies += 1;
              outcome.firstWrongBody ??= problem;
            }
          },
        })),
      },
      (error, result) => {
        if (error) reject(error);
        else {
          outcome.elapsedMs = performance.now() - startedAt;
          outcome.errors = result.errors + result.timeouts;
          outcome.non2xx = result.non2xx;
          resolve(outcome);
        }
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      outcome.latencies.push(responseTime);
    });
  });
}

/** Linux counts process CPU time in ticks of 1/100 s (USER_HZ). */
const TICK_MS = 10;

/** User + system CPU ticks of a process so far (/proc/<pid>/stat fields 14 and 15). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Waits (at most 2 minutes) until the process uses under 5 % of a core: nothing left over from the last run. */
async function waitUntilIdle(pid: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const before = cpuTicks(pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // 100 ticks per second: under 2.5 ticks in 500 ms is under 5 %.
    if (cpuTicks(pid) - before < 2.5) return;
  }
}

/** VmRSS of a process every 250 ms, in MB. */
function sampleRss(pid: number): { stop(): { mean: number; max: number } } {
  const samples: number[] = [];
  const read = () => {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (match) samples.push(Number(match[1]) / 1024);
  };
  read();
  const timer = setInterval(read, 250);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return { mean: samples.reduce((sum, value) => sum + value, 0) / samples.length, max: Math.max(...samples) };
    },
  };
}
