import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import type { Context } from '../context';
import { listTagsOf } from './list-tags';
import type { CachedResponse, ResponseCache } from './response-cache';

/** How long shared caches (this server, CDNs) keep an answer; purges end it early. */
export const PUBLIC_MAX_AGE_SECONDS = 300;
/** Browsers keep it briefly, so a published change shows within seconds without a purge. */
export const BROWSER_MAX_AGE_SECONDS = 10;
export const PUBLIC_CACHE_CONTROL = `public, max-age=${BROWSER_MAX_AGE_SECONDS}, s-maxage=${PUBLIC_MAX_AGE_SECONDS}`;
export const KEYED_CACHE_CONTROL = `private, max-age=${BROWSER_MAX_AGE_SECONDS}`;
/** How long a request waits for an identical one being computed before computing its own. */
const COALESCE_WAIT_MS = 5_000;


/**
 * The response cache and the Cache-Control rule.
 *
 * Rule: a query answered without errors is cacheable unless something it touched marked
 * the request private (`markPrivate`: staff and per-user data do). Anonymous answers are
 * `public` (CDNs keep them 5 minutes and purge by Surrogate-Key; browsers 10 seconds);
 * answers to a key are `private` (they depend on its region scope).
 * Everything else is `no-store`. Cacheable answers are also kept in the server-side cache,
 * keyed by the operation, its variables and the caller's scope, and tagged (Surrogate-Key)
 * with what they were built from, so a change purges exactly them.
 */
export function responseCachePlugin(cache: ResponseCache, listTags: Readonly<Record<string, string>>): ApolloServerPlugin<Context> {
  // Answers being computed, by cache key. When a purge empties the cache under load, the
  // requests that follow wait for the first one's answer instead of each computing it again.
  const inFlight = new Map<string, Promise<CachedResponse | undefined>>();
  return {
    async requestDidStart() {
      let cacheKey: string | undefined;
      let hitTags: string[] | undefined;
      let share: ((answer: CachedResponse | undefined) => void) | undefined;
      const asResponse = (answer: CachedResponse) => {
        hitTags = answer.tags;
        return { http: { headers: new Map(), status: undefined }, body: { kind: 'single', singleResult: JSON.parse(answer.body) } } as unknown as GraphQLResponse;
      };
      return {
        async responseForOperation({ operation, request, queryHash, contextValue: context }) {
          // Staff read fresh data: their answers are neither cached nor served from the cache.
          // (Apollo's types promise an operation here; at run time it is absent when none matched.)
          if (operation?.operation !== 'query' || context.actor) return null;
          cacheKey = createHash('sha256')
            .update(JSON.stringify([queryHash, request.operationName ?? null, request.variables ?? {}, context.scope?.path ?? 'all']))
            .digest('hex');
          const hit = cache.get(cacheKey);
          if (hit) return asResponse(hit);
          // With the cache off (the benchmark's cold contender) every request computes its own answer.
          if (!cache.isEnabled) return null;
          const key = cacheKey;
          const pending = inFlight.get(key);
          if (pending) {
            const shared = await Promise.race([pending, sleep(COALESCE_WAIT_MS, undefined, { ref: false })]);
            if (shared) return asResponse(shared);
            // Not cacheable (an error, a private answer) or too slow: answer it ourselves, and
            // let no later request wait on a computation that never reported.
            if (inFlight.get(key) === pending) inFlight.delete(key);
            return null;
          }
          let release!: (answer: CachedResponse | undefined) => void;
          inFlight.set(key, new Promise((resolve) => (release = resolve)));
          share = (answer) => {
            inFlight.delete(key);
            release(answer);
          };
          return null;
        },
        async willSendResponse({ response, contextValue: context, operation, errors, document, request }) {
          const headers = response.http.headers;
          const isCacheable = operation?.operation === 'query' && !errors?.length && response.body.kind === 'single' && !response.body.singleResult.errors && !context.isPrivate;
          if (!isCacheable) {
            share?.(undefined);
            headers.set('cache-control', context.isPrivate ? 'private, no-store' : 'no-store');
            return;
          }
          const tags = hitTags ?? [...context.cacheTags, ...(document ? listTagsOf(document, request.operationName, listTags) : [])].sort();
          headers.set('cache-control', context.client.grant ? KEYED_CACHE_CONTROL : PUBLIC_CACHE_CONTROL);
          headers.set('x-cache', hitTags ? 'HIT' : 'MISS');
          if (tags.length > 0) headers.set('surrogate-key', tags.join(' '));
          if (!hitTags && cacheKey && response.body.kind === 'single') {
            const { extensions: _perRequest, ...result } = response.body.singleResult;
            const body = JSON.stringify(result);
            cache.set(cacheKey, body, tags);
            share?.({ body, tags, storedAt: Date.now() });
          }
        },
      };
    },
  };
}

/** Called by resolvers of per-user or staff-only data: the answer is never cached or shared. */
export function markPrivate(context: Context): void {
  context.isPrivate = true;
}
