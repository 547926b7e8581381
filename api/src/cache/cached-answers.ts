import { createHash } from 'node:crypto';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { NextFunction, Request, Response } from 'express';
import type { RequestClient } from '../http/client-identity';
import { costReport, type RateBudget } from '../limits/rate-budget';
import type { OperationSafelist } from '../limits/safelist';
import { scopeOfGrant } from '../shared/region-subtree';
import { cacheableHead } from './cache.plugin';
import { cacheKeyOf } from './cache-key';
import type { InFlightAnswers } from './in-flight';
import type { CachedResponse, ResponseCache } from './response-cache';

/** The media types Apollo Server answers a single result with, in its order (its MEDIA_TYPES). */
const ANSWER_TYPES = ['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];

export interface CachedAnswersOptions {
  cache: ResponseCache;
  inFlight: InFlightAnswers;
  budget: RateBudget;
  /** The limits' maxCost, reported in `extensions.cost`. */
  maxCost: number;
  safelist: OperationSafelist;
  /** Apollo's persisted-query store (keys `apq:<sha256>`): a hash alone names only a query it knows. */
  persistedQueries: KeyValueCache<string>;
}

/** A request's operation, read as Apollo Server reads it. */
interface Ask {
  queryHash: string;
  /** The query text, absent when an APQ hash is sent alone. */
  query: string | undefined;
  /** Sent with an APQ hash (`extensions.persistedQuery`). */
  isPersisted: boolean;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

/**
 * Cache hits served as stored bytes, in front of Apollo: no parse, validation or execution,
 * no JSON.parse or JSON.stringify of the answer. A hit is the stored `{"data":…}` with the
 * request's own `extensions.cost`, under the same head the computed answer had.
 *
 * It runs after the checks every request passes (key and origin, staff session, body size)
 * and serves only what Apollo would have served from the cache to this caller: a query
 * already answered for the same operation, variables and scope (so parsed, validated and
 * within the limits), the caller a key may run it (safelist), not staff, its cost within the
 * caller's budget (spent here, as the limits plugin spends it). Anything else, and anything
 * Apollo would refuse, goes on to Apollo, which answers as it always has.
 */
export function cachedAnswers(options: CachedAnswersOptions) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (!(await answerFromCache(req, res, options))) next();
    } catch (error) {
      next(error);
    }
  };
}

async function answerFromCache(req: Request, res: Response, { cache, inFlight, budget, maxCost, safelist, persistedQueries }: CachedAnswersOptions): Promise<boolean> {
  const client = res.locals.client as RequestClient | undefined;
  // Staff answers are never cached: staff always go to Apollo.
  if (!client || res.locals.staff) return false;
  const contentType = req.accepts(ANSWER_TYPES);
  if (!contentType) return false;
  const ask = readAsk(req);
  if (!ask || !(await safelist.isAllowed(client.grant, ask.queryHash))) return false;
  // A hash sent alone names a query only while Apollo's persisted-query store holds it.
  if (ask.query === undefined && (await persistedQueries.get(`apq:${ask.queryHash}`)) === undefined) return false;
  const key = cacheKeyOf({ queryHash: ask.queryHash, operationName: ask.operationName, variables: ask.variables, scopePath: scopeOfGrant(client.grant)?.path });
  const entry = cache.get(key) ?? (inFlight.isComputing(key) ? await inFlight.wait(key) : undefined);
  if (!entry || entry.cost === undefined) return false;
  // Over budget: Apollo refuses it with 429 and Retry-After, as for any other request.
  const decision = await budget(client, entry.cost);
  if (!decision.allowed) return false;
  // Text sent with its hash registers it, as Apollo does, so the hash alone works from now on.
  if (ask.isPersisted && ask.query !== undefined) void persistedQueries.set(`apq:${ask.queryHash}`, ask.query);
  for (const [name, value] of cacheableHead(entry.tags, { isKeyed: Boolean(client.grant), isHit: true })) res.setHeader(name, value);
  res.setHeader('x-ratelimit-remaining', String(decision.remaining));
  res.setHeader('content-type', contentType);
  res.status(200).send(withExtensions(entry, costReport(entry.cost, maxCost, decision.remaining, client.ratePerMinute)));
  return true;
}

/** The stored `{"data":…}` with `,"extensions":{…}}` and a newline: Apollo's own bytes for the same result. */
function withExtensions(entry: CachedResponse, cost: ReturnType<typeof costReport>): Buffer {
  const tail = Buffer.from(`,"extensions":{"cost":${JSON.stringify(cost)}}}\n`);
  return Buffer.concat([entry.answer.subarray(0, entry.answer.length - 1), tail]);
}

/**
 * The operation a request asks for, or undefined where Apollo would refuse the request or
 * where it is not plainly one operation (those go on to Apollo). POST bodies are already
 * parsed by express.json; GET reads the search parameters as Apollo does.
 */
function readAsk(req: Request): Ask | undefined {
  const fields = req.method === 'POST' ? postFields(req) : req.method === 'GET' ? getFields(req) : undefined;
  if (!fields) return undefined;
  const { query, operationName, variables, extensions } = fields;
  if (!(query === undefined || (typeof query === 'string' && query.length > 0))) return undefined;
  if (!(operationName === undefined || typeof operationName === 'string')) return undefined;
  if (!(variables === undefined || isRecord(variables))) return undefined;
  if (!(extensions === undefined || isRecord(extensions))) return undefined;
  const persisted = extensions?.persistedQuery;
  if (persisted === undefined) {
    return query === undefined ? undefined : { queryHash: sha256(query), query, isPersisted: false, operationName, variables };
  }
  if (!isRecord(persisted) || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string') return undefined;
  // Apollo refuses a hash that is not the text's.
  if (query !== undefined && sha256(query) !== persisted.sha256Hash) return undefined;
  return { queryHash: persisted.sha256Hash, query, isPersisted: true, operationName, variables };
}

type Fields = { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };

function postFields(req: Request): Fields | undefined {
  // A JSON object with keys: anything else (arrays are batches, which are off) is Apollo's to refuse.
  return isRecord(req.body) && Object.keys(req.body).length > 0 ? (req.body as Fields) : undefined;
}

/**
 * GET as Apollo accepts it: no content-type but application/json, and (CSRF prevention,
 * since a simple GET can be sent cross-site) a preflight header when there is none; each
 * parameter at most once; variables and extensions as JSON objects.
 */
function getFields(req: Request): Fields | undefined {
  const contentType = req.get('content-type');
  if (contentType === undefined ? !req.get('apollo-require-preflight') && !req.get('x-apollo-operation-name') : !/^application\/json\s*(;|$)/i.test(contentType)) {
    return undefined;
  }
  const queryAt = req.url.indexOf('?');
  const params = new URLSearchParams(queryAt < 0 ? '' : req.url.slice(queryAt + 1));
  const fields: Fields = {};
  for (const name of ['query', 'operationName', 'variables', 'extensions'] as const) {
    const values = params.getAll(name);
    if (values.length > 1) return undefined;
    if (values.length === 0) continue;
    if (name === 'variables' || name === 'extensions') {
      const parsed = parseJsonParameter(values[0]!);
      if (!isRecord(parsed)) return undefined;
      fields[name] = parsed;
    } else {
      fields[name] = values[0];
    }
  }
  return fields;
}

// The request's own parameters, never the stored answer.
function parseJsonParameter(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
