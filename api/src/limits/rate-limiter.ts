import type Redis from 'ioredis';

export interface RateDecision {
  allowed: boolean;
  /** Points left in the current window after this request (0 when refused). */
  remaining: number;
  /** Seconds until the window resets. */
  retryAfterSeconds: number;
}

/** Spends cost points per client per fixed window. */
export interface RateLimiter {
  consume(bucket: string, points: number, limit: number): Promise<RateDecision>;
  close(): Promise<void>;
}

export const WINDOW_SECONDS = 60;

/** One process's own counters: enough for a single API instance. */
export class MemoryRateLimiter implements RateLimiter {
  private windows = new Map<string, { startedAt: number; spent: number }>();

  async consume(bucket: string, points: number, limit: number, now = Date.now()): Promise<RateDecision> {
    let window = this.windows.get(bucket);
    if (!window || now - window.startedAt >= WINDOW_SECONDS * 1000) {
      window = { startedAt: now, spent: 0 };
      this.windows.set(bucket, window);
      this.sweep(now);
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + WINDOW_SECONDS * 1000 - now) / 1000));
    if (window.spent + points > limit) {
      return { allowed: false, remaining: Math.max(0, limit - window.spent), retryAfterSeconds };
    }
    window.spent += points;
    return { allowed: true, remaining: limit - window.spent, retryAfterSeconds };
  }

  async close(): Promise<void> {}

  private sweep(now: number): void {
    for (const [bucket, window] of this.windows) {
      if (now - window.startedAt >= WINDOW_SECONDS * 1000) this.windows.delete(bucket);
    }
  }
}

// Spend only when the points fit, atomically: replicas share one budget per client.
const CONSUME_SCRIPT = `
local spent = tonumber(redis.call('GET', KEYS[1]) or '0')
local points = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
if spent + points > limit then
  return {0, limit - spent, redis.call('PTTL', KEYS[1])}
end
spent = redis.call('INCRBY', KEYS[1], points)
if spent == points then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {1, limit - spent, redis.call('PTTL', KEYS[1])}`;

/** Counters in Redis, shared by every API replica. */
export class RedisRateLimiter implements RateLimiter {
  constructor(private readonly redis: Redis) {}

  async consume(bucket: string, points: number, limit: number): Promise<RateDecision> {
    const [allowed, remaining, ttlMs] = (await this.redis.eval(CONSUME_SCRIPT, 1, `star-centres:rate:${bucket}`, points, limit, WINDOW_SECONDS * 1000)) as [number, number, number];
    return { allowed: allowed === 1, remaining: Math.max(0, remaining), retryAfterSeconds: Math.max(1, Math.ceil((ttlMs > 0 ? ttlMs : WINDOW_SECONDS * 1000) / 1000)) };
  }

  async close(): Promise<void> {}
}
