import type fc from 'fast-check';

/**
 * How many cases each property tries and from which seed. `npm test` runs a few from a fixed
 * seed (the same cases every run); `npm run fuzz` runs many from a new seed, printed first.
 * A failure prints its seed and path: FUZZ_SEED=<seed> FUZZ_PATH=<path> replays that case.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 12);
const seed = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 1313);

export function fuzzParameters<T>(name: string, share = 1): fc.Parameters<T> {
  const numRuns = Math.max(1, Math.round(runs * share));
  if (numRuns > 100) console.info(`fuzz ${name}: ${numRuns} runs from seed ${seed}`);
  return {
    numRuns,
    seed,
    path: process.env.FUZZ_PATH,
    // Shrinking a slow counterexample (a 7 s fragment bomb) must not take all day.
    interruptAfterTimeLimit: Number(process.env.FUZZ_TIME_LIMIT_MS ?? 10 * 60_000),
    markInterruptAsFailure: false,
  };
}

/** Prints progress every few hundred cases in a long run. */
export function progress(name: string): () => void {
  let count = 0;
  return () => {
    count += 1;
    if (runs > 100 && count % 250 === 0) console.info(`fuzz ${name}: ${count} cases`);
  };
}

/** A jest timeout that fits the number of runs: long runs take long. */
export function timeoutFor(share = 1): number {
  return Math.max(120_000, runs * share * 3_000);
}
