import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Response, type Router } from 'express';
import { PUBLIC_CACHE_CONTROL } from '../../cache/cache.plugin';
import { repoRoot } from '../../paths';
import { anonymousClient, type RequestClient } from '../client-identity';
import { type Badge, type BadgeLocale, badgeJson, type CentreBadgeData, centreBadge, notFoundBadge, renderBadgeSvg, unavailableBadge } from './star-badge';

export const BADGE_OPERATION = readFileSync(path.join(repoRoot(), 'schema', 'operations', 'centre-badge.graphql'), 'utf8');
const BADGE_FILE = /^(\d{12}-\d{2})\.(svg|json)$/;

/** An in-process GraphQL answer with the HTTP head its plugins gave it. */
export interface OperationAnswer<T> {
  data: T | null;
  errors: ReadonlyArray<unknown> | undefined;
  status: number | undefined;
  headers: Map<string, string>;
}

export interface BadgeOptions {
  publicUrl: string;
  anonymousRatePerMinute: number;
  runBadgeQuery(code: string, client: RequestClient): Promise<OperationAnswer<{ centre: CentreBadgeData | null }>>;
}

// The badge takes its caching from the GraphQL answer it was drawn from, so it is kept,
// tagged (Surrogate-Key) and purged exactly like that answer.
const ANSWER_HEADERS = ['cache-control', 'surrogate-key', 'x-cache', 'retry-after'];

/**
 * GET /badges/<code>.svg and .json: a centre's current stars and tier, for portals to show
 * with an <img> (or to draw themselves). Any origin may load them; nothing in them runs.
 */
export function badgeRouter(options: BadgeOptions): Router {
  const router = express.Router();

  router.get('/badges/:file', async (req, res) => {
    const locale: BadgeLocale = req.query.locale === 'en' ? 'en' : 'zh-Hans';
    const file = req.params.file;
    const format = file.endsWith('.json') ? 'json' : 'svg';
    res.set({ 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin', 'X-Content-Type-Options': 'nosniff' });
    const match = BADGE_FILE.exec(file);
    if (!match) {
      const missing = notFoundBadge(file.replace(/\.(svg|json)$/, ''), locale);
      res.set('Cache-Control', PUBLIC_CACHE_CONTROL);
      send(res, format, 404, missing, { error: missing.label });
      return;
    }
    const code = match[1]!;
    const answer = await options.runBadgeQuery(code, anonymousClient(req, options.anonymousRatePerMinute));
    for (const name of ANSWER_HEADERS) {
      const value = answer.headers.get(name);
      if (value) res.set(name, value);
    }
    if (answer.errors?.length || !answer.data) {
      // Rate limits (429) and the like: say so in the badge's own format, and keep no copy.
      const status = answer.status && answer.status >= 400 ? answer.status : 503;
      const unavailable = unavailableBadge(locale);
      res.set('Cache-Control', 'no-store');
      send(res, format, status, unavailable, { error: unavailable.label });
      return;
    }
    const centre = answer.data.centre;
    if (!centre) {
      const missing = notFoundBadge(code, locale);
      send(res, format, 404, missing, { error: missing.label });
      return;
    }
    send(res, format, 200, centreBadge(centre, locale), badgeJson(centre, locale, options.publicUrl));
  });

  return router;
}

// Express adds a weak ETag to every body it sends and answers a matching If-None-Match with 304.
function send(res: Response, format: 'svg' | 'json', status: number, badge: Badge, json: object): void {
  res.status(status);
  if (format === 'json') {
    res.json(json);
    return;
  }
  res.set('Content-Security-Policy', "default-src 'none'; sandbox").type('image/svg+xml; charset=utf-8').send(renderBadgeSvg(badge));
}
