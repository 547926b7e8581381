import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import type { Context } from '../context';
import { cacheKeyOf } from './cache-key';
import { surrogateKeyOf } from './cache-tags';
import type { InFlightAnswers } from './in-flight';
import { listTagsOf } from './list-tags';
import type { CachedResponse, ResponseCache } from './response-cache';

/** How long shared caches (this server, CDNs) keep an answer; purges end it early. */
export const PUBLIC_MAX_AGE_SECONDS = 300;
/** Browsers keep it briefly, so a published change shows within seconds without a purge. */
export const BROWSER_MAX_AGE_SECONDS = 10;
export const PUBLIC_CACHE_CONTROL = `public, max-age=${BROWSER_MAX_AGE_SECONDS}, s-maxage=${PUBLIC_MAX_AGE_SECONDS}`;
export const KEYED_CACHE_CONTROL = `private, max-age=${BROWSER_MAX_AGE_SECONDS}`;

/** The head of a cacheable answer, computed or served from the cache: the same for both paths. */
export function cacheableHead(tags: readonly string[], { isKeyed, isHit }: { isKeyed: boolean; isHit: boolean }): Array<[string, string]> {
  const head: Array<[string, string]> = [
    ['cache-control', isKeyed ? KEYED_CACHE_CONTROL : PUBLIC_CACHE_CONTROL],
    ['x-cache', isHit ? 'HIT' : 'MISS'],
  ];
  if (tags.length > 0) head.push(['surrogate-key', surrogateKeyOf(tags)]);
  return head;
}

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
 *
 * HTTP hits are written from the stored bytes before Apollo is reached (cached-answers.ts);
 * hits that get here are in-process operations (pages, cards, badges) and requests the byte
 * path left to Apollo, so they can be answered as objects.
 */
export function responseCachePlugin(cache: ResponseCache, inFlight: InFlightAnswers, listTags: Readonly<Record<string, string>>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let cacheKey: string | undefined;
      let hitTags: string[] | undefined;
      let share: ((answer: CachedResponse | undefined) => void) | undefined;
      const asResponse = (answer: CachedResponse) => {
        hitTags = answer.tags;
        return {
          http: { headers: new Map(), status: undefined },
          body: { kind: 'single', singleResult: JSON.parse(answer.answer.toString('utf8')) },
        } as unknown as GraphQLResponse;
      };
      return {
        async responseForOperation({ operation, request, queryHash, contextValue: context }) {
          // Staff read fresh data: their answers are neither cached nor served from the cache.
          // (Apollo's types promise an operation here; at run time it is absent when none matched.)
          if (operation?.operation !== 'query' || context.actor || !queryHash) return null;
          cacheKey = cacheKeyOf({ queryHash, operationName: request.operationName, variables: request.variables, scopePath: context.scope?.path });
          const hit = cache.get(cacheKey);
          if (hit) return asResponse(hit);
          // With the cache off (the benchmark's cold contender) every request computes its own answer.
          if (!cache.isEnabled) return null;
          if (inFlight.isComputing(cacheKey)) {
            const shared = await inFlight.wait(cacheKey);
            // Without a shared answer (not cacheable, or too slow) this request answers itself.
            return shared ? asResponse(shared) : null;
          }
          share = inFlight.begin(cacheKey);
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
          for (const [name, value] of cacheableHead(tags, { isKeyed: Boolean(context.client.grant), isHit: Boolean(hitTags) })) headers.set(name, value);
          if (!hitTags && cacheKey && cache.isEnabled && response.body.kind === 'single') {
            // Exactly `{"data":…}`, as Apollo writes it before the per-request extensions.
            const entry = { answer: Buffer.from(JSON.stringify({ data: response.body.singleResult.data })), cost: context.cost, tags };
            cache.set(cacheKey, entry);
            share?.({ ...entry, storedAt: Date.now() });
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
