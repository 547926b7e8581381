import type { MikroORM } from '@mikro-orm/postgresql';
import type { NextFunction, Request, Response } from 'express';
import { ApiKeyKind } from '../modules/api-key/api-key.entity';
import { checkApiKey, type KeyGrant } from '../modules/api-key/api-key.service';

/** Who is calling: a portal's key, or an anonymous client budgeted by address. */
export interface RequestClient {
  bucket: string;
  ratePerMinute: number;
  grant?: KeyGrant;
  /** The caller's IP address, where there is a request (failed sign-ins are counted by it). */
  address?: string;
}

/** A caller without a key: budgeted by its address (the visitor's, behind a trusted proxy: TRUST_PROXY). */
export function anonymousClient(req: Request, ratePerMinute: number): RequestClient {
  return { bucket: `anonymous:${req.ip}`, ratePerMinute, address: req.ip };
}

const ALLOWED_HEADERS = 'content-type, x-api-key, authorization, apollo-require-preflight, x-apollo-operation-name';
const EXPOSED_HEADERS = 'retry-after, x-ratelimit-remaining, x-cache, surrogate-key';

/**
 * Resolves the API key (header `X-Api-Key`, or `Authorization: Bearer sc_…`) and applies
 * CORS: anonymous calls may come from any origin; a key only from its allowed origins.
 */
export function clientIdentity({ orm, anonymousRatePerMinute }: { orm: MikroORM; anonymousRatePerMinute: number }) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    // Answers differ by origin, key and staff session: a browser or CDN cache must never give an
    // anonymous answer to a keyed request (or the reverse), so every answer says so, keyed or not.
    res.vary('Origin').vary('X-Api-Key').vary('Authorization');
    if (origin) {
      res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED_HEADERS });
    }
    if (req.method === 'OPTIONS') {
      // Preflights carry no key; the real request is checked against the key's origins.
      res.set({ 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': ALLOWED_HEADERS, 'Access-Control-Max-Age': '600' }).status(204).end();
      return;
    }
    const secret = req.get('x-api-key') ?? req.get('authorization')?.match(/^Bearer\s+((?:sc|pk)_\S+)$/)?.[1];
    if (!secret) {
      res.locals.client = anonymousClient(req, anonymousRatePerMinute);
      next();
      return;
    }
    const check = await checkApiKey(orm.em.fork(), secret);
    if ('refusal' in check) {
      res.removeHeader('Access-Control-Allow-Origin');
      refuse(res, 401, 'INVALID_API_KEY', `The API key is ${check.refusal === 'unknown' ? 'not known' : check.refusal}.`, { reason: check.refusal });
      return;
    }
    const refusal = originRefusal(check.grant, req);
    if (refusal) {
      res.removeHeader('Access-Control-Allow-Origin');
      refuse(res, 403, refusal.code, refusal.message, refusal.details);
      return;
    }
    res.locals.client = { bucket: `key:${check.grant.keyId}`, ratePerMinute: check.grant.ratePerMinute, grant: check.grant, address: req.ip } satisfies RequestClient;
    next();
  };
}

/**
 * A key's origins: a secret key may be used from a server (no origin) or from its origins; a
 * publishable key, which anyone can read in a portal's page, only from its origins.
 */
export function originRefusal(grant: KeyGrant, req: Request): { code: string; message: string; details: Record<string, unknown> } | null {
  // Browsers send no Origin on iframe loads and same-origin GETs; the Referer names the page then.
  const origin = req.get('origin') ?? (grant.kind === ApiKeyKind.PUBLISHABLE ? refererOrigin(req) : undefined);
  if (origin === undefined) {
    return grant.kind === ApiKeyKind.PUBLISHABLE
      ? { code: 'ORIGIN_REQUIRED', message: 'A publishable key works only from the web pages of its origins (the request named no Origin or Referer).', details: {} }
      : null;
  }
  return grant.allowedOrigins.includes(origin) ? null : { code: 'ORIGIN_NOT_ALLOWED', message: `This API key may not be used from ${origin}.`, details: { origin } };
}

/** The page's origin, for requests that carry no Origin header (iframes, same-origin GETs). */
export function refererOrigin(req: Request): string | undefined {
  const referer = req.get('referer');
  if (!referer) return undefined;
  try {
    const origin = new URL(referer).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

export function refuse(res: Response, status: number, code: string, message: string, details: Record<string, unknown>): void {
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .json({ errors: [{ message, extensions: { code, ...details } }] });
}
