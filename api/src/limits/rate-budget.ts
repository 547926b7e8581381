import type { RequestClient } from '../http/client-identity';
import type { RateDecision, RateLimiter } from './rate-limiter';

/** Where a key's spending is counted for its administrators (the API key usage table). */
export interface UsageLog {
  record(keyId: number, cost: number): void;
}

/**
 * Spends an operation's cost from its caller's budget for this minute, and counts it against
 * the key when spent. One rule for operations that run and for answers served from the cache.
 */
export function rateBudget(limiter: RateLimiter, usage?: UsageLog) {
  return async (client: RequestClient, cost: number): Promise<RateDecision> => {
    const decision = await limiter.consume(client.bucket, cost, client.ratePerMinute);
    if (decision.allowed && client.grant) usage?.record(client.grant.keyId, cost);
    return decision;
  };
}

export type RateBudget = ReturnType<typeof rateBudget>;

/** What `extensions.cost` tells the caller; its fields in the order clients have always seen them. */
export function costReport(cost: number, maxCost: number, rateRemaining: number | undefined, ratePerMinute: number) {
  return { requested: cost, limit: maxCost, rateRemaining, ratePerMinute };
}
