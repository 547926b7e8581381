import type { Request, Response } from 'express';
import { PUBLIC_CACHE_CONTROL } from '../../cache/cache.plugin';
import { anonymousClient, type RequestClient } from '../client-identity';
import { type ChargePage, sendPageRateLimited } from '../page-budget';

/** An in-process GraphQL answer without errors, with the cache tags it was built from. */
export interface PageAnswer<T> {
  data: T;
  /** The answer's Surrogate-Key: a purge of what the page shows also ends it on CDNs. */
  surrogateKey?: string;
}

/** null when the operation failed (an outage or a bug): the page says "unavailable", never "not found". */
export type RunPageQuery = <T>(query: string, variables: Record<string, unknown>, client: RequestClient) => Promise<PageAnswer<T> | null>;

export interface PageDeps {
  publicUrl: string;
  anonymousRatePerMinute: number;
  /** A view is charged as one page (http/page-budget.ts), not as the query behind it. */
  chargePage: ChargePage;
  runQuery: RunPageQuery;
}

/** Charges the visitor one page. A spent budget is answered here (429, no-store) and gives null. */
export async function chargeVisitor(req: Request, res: Response, deps: PageDeps): Promise<RequestClient | null> {
  const charge = await deps.chargePage(anonymousClient(req, deps.anonymousRatePerMinute));
  if (!charge.allowed) {
    sendPageRateLimited(res, charge.retryAfterSeconds);
    return null;
  }
  return charge.runAs;
}

/** A rendered public page: shared caches keep it until it expires or what it shows is purged. */
export function sendPublicPage(res: Response, html: string, surrogateKey?: string): void {
  res.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  if (surrogateKey) res.set('Surrogate-Key', surrogateKey);
  res.type('html').send(html);
}
