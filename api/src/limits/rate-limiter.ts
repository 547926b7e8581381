import type Redis from 'ioredis';

export interface RateDecision {
  allowed: boolean;
  /** Points left in the current window after this request (0 when refused). */
  remaining: number;
  /** Points spent in the current window, this request's included when allowed. */
  spent: number;
  /** Seconds until the window resets. */
  retryAfterSeconds: number;
}

/** Spends cost points per client per fixed window. */
export interface RateLimiter {
  /** Spends the points only if they fit under the limit, atomically; the window starts with its first spend. */
  consume(bucket: string, points: number, limit: number, windowSeconds?: number): Promise<RateDecision>;
  /** Gives points back to the current window (never below zero): an attempt reserved up front that turned out fine. */
  refund(bucket: string, points: number): Promise<void>;
  close(): Promise<void>;
}

export const WINDOW_SECONDS = 60;

/** One process's own counters: enough for a single API instance. */
export class MemoryRateLimiter implements RateLimiter {
  private windows = new Map<string, { startedAt: number; ms: number; spent: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  async consume(bucket: string, points: number, limit: number, windowSeconds = WINDOW_SECONDS): Promise<RateDecision> {
    const now = this.clock();
    let window = this.windows.get(bucket);
    if (!window || now - window.startedAt >= window.ms) {
      window = { startedAt: now, ms: windowSeconds * 1000, spent: 0 };
      // Asking without spending must not start a window (its length is the first spender's).
      if (points > 0) this.windows.set(bucket, window);
      this.sweep(now);
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + window.ms - now) / 1000));
    if (window.spent + points > limit) {
      return { allowed: false, remaining: Math.max(0, limit - window.spent), spent: window.spent, retryAfterSeconds };
    }
    window.spent += points;
    return { allowed: true, remaining: limit - window.spent, spent: window.spent, retryAfterSeconds };
  }

  async refund(bucket: string, points: number): Promise<void> {
    const window = this.windows.get(bucket);
    if (window && this.clock() - window.startedAt < window.ms) window.spent = Math.max(0, window.spent - points);
  }

  async close(): Promise<void> {}

  private sweep(now: number): void {
    for (const [bucket, window] of this.windows) {
      if (now - window.startedAt >= window.ms) this.windows.delete(bucket);
    }
  }
}

// Spend only when the points fit, atomically: replicas share one budget per client.
// Asking without spending (0 points) creates nothing, so it cannot fix a window's length.
const CONSUME_SCRIPT = `
local spent = tonumber(redis.call('GET', KEYS[1]) or '0')
local points = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
if spent + points > limit then
  return {0, spent, redis.call('PTTL', KEYS[1])}
end
if points == 0 then return {1, spent, redis.call('PTTL', KEYS[1])} end
spent = redis.call('INCRBY', KEYS[1], points)
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {1, spent, redis.call('PTTL', KEYS[1])}`;

// DECRBY keeps the key's expiry; a window that already ended has nothing to give back.
const REFUND_SCRIPT = `
local spent = tonumber(redis.call('GET', KEYS[1]) or '0')
if spent > 0 then redis.call('DECRBY', KEYS[1], math.min(spent, tonumber(ARGV[1]))) end
return 1`;

/** Counters in Redis, shared by every API replica. */
export class RedisRateLimiter implements RateLimiter {
  constructor(private readonly redis: Redis) {}

  async consume(bucket: string, points: number, limit: number, windowSeconds = WINDOW_SECONDS): Promise<RateDecision> {
    const windowMs = windowSeconds * 1000;
    const [allowed, spent, ttlMs] = (await this.redis.eval(CONSUME_SCRIPT, 1, key(bucket), points, limit, windowMs)) as [number, number, number];
    return {
      allowed: allowed === 1,
      remaining: Math.max(0, limit - spent),
      spent,
      retryAfterSeconds: Math.max(1, Math.ceil((ttlMs > 0 ? ttlMs : windowMs) / 1000)),
    };
  }

  async refund(bucket: string, points: number): Promise<void> {
    await this.redis.eval(REFUND_SCRIPT, 1, key(bucket), points);
  }

  async close(): Promise<void> {}
}

function key(bucket: string): string {
  return `star-centres:rate:${bucket}`;
}
