import { setTimeout as sleep } from 'node:timers/promises';
import type { CachedResponse } from './response-cache';

/** How long a request waits for an identical one being computed before computing its own. */
const COALESCE_WAIT_MS = 5_000;

/**
 * Answers being computed, by cache key. When a purge empties the cache under load, the
 * requests that follow wait for the first one's answer instead of each computing it again.
 */
export class InFlightAnswers {
  private pending = new Map<string, Promise<CachedResponse | undefined>>();

  isComputing(key: string): boolean {
    return this.pending.has(key);
  }

  /**
   * The answer of the computation under way for `key`, or undefined: none under way, its
   * answer is not cacheable (an error, a private answer), or it is too slow, and then no
   * later request waits on a computation that never reported.
   */
  async wait(key: string): Promise<CachedResponse | undefined> {
    const pending = this.pending.get(key);
    if (!pending) return undefined;
    const shared = await Promise.race([pending, sleep(COALESCE_WAIT_MS, undefined, { ref: false })]);
    if (!shared && this.pending.get(key) === pending) this.pending.delete(key);
    return shared;
  }

  /** Marks `key` as being computed; the returned function reports its answer (undefined: not cacheable). */
  begin(key: string): (answer: CachedResponse | undefined) => void {
    let release!: (answer: CachedResponse | undefined) => void;
    const pending = new Promise<CachedResponse | undefined>((resolve) => (release = resolve));
    this.pending.set(key, pending);
    return (answer) => {
      if (this.pending.get(key) === pending) this.pending.delete(key);
      release(answer);
    };
  }
}
