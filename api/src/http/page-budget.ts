import type { Response } from 'express';
import type { RateBudget } from '../limits/rate-budget';
import type { RequestClient } from './client-identity';
import { renderMessagePage } from './preview-page';

/**
 * What one server-rendered answer (the showcase page, a centre card, an oEmbed answer) costs
 * from the caller's budget per minute, whatever GraphQL it runs inside: a visitor pays for a
 * page, not for the ~500 points of the query behind it (10,000 points are 500 views a minute).
 */
export const PAGE_COST = 20;

export type PageCharge = { allowed: true; runAs: RequestClient } | { allowed: false; retryAfterSeconds: number };

/**
 * Charges a page to its caller. When allowed, `runAs` is who the page's own GraphQL runs as:
 * the caller's key and region, but not its budget again (the page was charged once).
 */
export function pageBudget(spend: RateBudget) {
  return async (client: RequestClient): Promise<PageCharge> => {
    const decision = await spend(client, PAGE_COST);
    if (!decision.allowed) return { allowed: false, retryAfterSeconds: decision.retryAfterSeconds };
    return { allowed: true, runAs: { bucket: 'pages', ratePerMinute: Number.MAX_SAFE_INTEGER, grant: client.grant, address: client.address } };
  };
}

export type ChargePage = ReturnType<typeof pageBudget>;

/** A spent budget, as a page: 429 in Chinese and English with Retry-After, never kept by a cache. */
export function sendPageRateLimited(res: Response, retryAfterSeconds: number): void {
  res
    .status(429)
    .set({ 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' })
    .type('html')
    .send(renderMessagePage('请求过于频繁 / Too many requests', `请 ${retryAfterSeconds} 秒后再试。Too many requests from this address: try again in ${retryAfterSeconds} s.`));
}

/** A spent budget, as JSON (oEmbed): 429 with the code GraphQL answers use, and Retry-After. */
export function sendJsonRateLimited(res: Response, retryAfterSeconds: number): void {
  res
    .status(429)
    .set({ 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' })
    .json({ error: `Too many requests from this address: try again in ${retryAfterSeconds} s.`, code: 'RATE_LIMITED', retryAfterSeconds });
}
