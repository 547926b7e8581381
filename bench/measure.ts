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
  /** Fixed arrival rate (requests per second over all connections); closed loop when absent. */
  overallRate?: number;
  /** Process whose RSS is sampled during the measured run. */
  pid: number;
  readCounters: () => Promise<Counters>;
}

export interface LoadResult {
  requests: number;
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
}

/**
 * Warm-up (discarded), then the measured run. Every response of both is checked; latencies
 * are recorded per response so p95 is exact (autocannon's own histogram has no p95).
 */
export async function measure(options: LoadOptions): Promise<LoadResult> {
  await run(options, options.warmupSeconds);
  const before = await options.readCounters();
  const rss = sampleRss(options.pid);
  const outcome = await run(options, options.seconds);
  const rssMb = rss.stop();
  const after = await options.readCounters();
  const completed = outcome.latencies.length;
  const perRequest = (key: keyof Counters) =>
    after[key] === undefined || before[key] === undefined || completed === 0 ? null : (after[key]! - before[key]!) / completed;
  const sorted = Float64Array.from(outcome.latencies).sort();
  const percentile = (p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
  return {
    requests: completed,
    rps: completed / options.seconds,
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
  };
}

interface RunOutcome {
  latencies: number[];
  errors: number;
  non2xx: number;
  wrongBodies: number;
  firstWrongBody: string | null;
}

function run(options: LoadOptions, seconds: number): Promise<RunOutcome> {
  const outcome: RunOutcome = { latencies: [], errors: 0, non2xx: 0, wrongBodies: 0, firstWrongBody: null };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: seconds,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        requests: options.requests.map((spec) => ({
          method: spec.method,
          path: spec.path,
          headers: spec.headers,
          body: spec.body,
          onResponse: (status: number, body: string) => {
            const problem = status === 200 ? spec.verify(body) : `HTTP ${status}: ${body.slice(0, 300)}`;
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
