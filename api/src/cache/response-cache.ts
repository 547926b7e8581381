import type Redis from 'ioredis';
import type { Logger } from 'pino';

export interface CachedResponse {
  /**
   * The answer as sent, UTF-8 JSON: exactly `{"data":…}`. Hits are written from these bytes;
   * each request's own `extensions` (its cost and budget) are added after `data`.
   */
  answer: Buffer;
  /** The operation's cost, charged to every caller the answer is served to. */
  cost: number | undefined;
  /** What the answer was built from (sorted): purges and Surrogate-Key. */
  tags: string[];
  storedAt: number;
}

const PURGE_CHANNEL = 'star-centres:cache-purge';

/**
 * Whole GraphQL responses kept in this process, keyed by operation, variables and the
 * caller's scope, and tagged with what they were built from. A purge removes exactly the
 * entries carrying a tag; with Redis, a purge is published so every replica applies it.
 */
export class ResponseCache {
  private entries = new Map<string, CachedResponse & { expiresAt: number }>();
  private subscriber: Redis | undefined;

  constructor(private readonly options: { ttlSeconds: number; maxEntries: number; logger: Logger; redis?: Redis }) {}

  /** Listens for purges published by other replicas. */
  async start(): Promise<void> {
    if (!this.options.redis) return;
    this.subscriber = this.options.redis.duplicate();
    await this.subscriber.subscribe(PURGE_CHANNEL);
    this.subscriber.on('message', (_channel, message: string) => this.purgeLocally(JSON.parse(message) as string[]));
  }

  get(key: string, now = Date.now()): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: Omit<CachedResponse, 'storedAt'>, now = Date.now()): void {
    // maxEntries 0 (the benchmark's cold contender) keeps nothing: every query runs.
    if (this.options.maxEntries === 0) return;
    if (this.entries.size >= this.options.maxEntries) {
      // Oldest first: Map keeps insertion order.
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, { ...entry, storedAt: now, expiresAt: now + this.options.ttlSeconds * 1000 });
  }

  /** Removes the entries tagged with any of these tags, here and (with Redis) on every replica. */
  async purge(tags: string[]): Promise<number> {
    if (tags.length === 0) return 0;
    const removed = this.purgeLocally(tags);
    if (this.options.redis) {
      await this.options.redis.publish(PURGE_CHANNEL, JSON.stringify(tags));
    }
    return removed;
  }

  /** False with maxEntries 0 (the benchmark's cold contender). */
  get isEnabled(): boolean {
    return this.options.maxEntries > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  async stop(): Promise<void> {
    this.subscriber?.disconnect();
  }

  private purgeLocally(tags: string[]): number {
    const wanted = new Set(tags);
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((tag) => wanted.has(tag))) {
        this.entries.delete(key);
        removed += 1;
      }
    }
    if (removed > 0) this.options.logger.debug({ tags, removed }, 'response cache purged');
    return removed;
  }
}
