import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './auth/actor';
import type { RequestClient } from './http/client-identity';
import { createActivityLoaders } from './modules/activity/activity.loaders';
import { createAllianceLoaders } from './modules/alliance/alliance.loaders';
import type { RateLimiter } from './limits/rate-limiter';
import type { LoaderOptions } from './shared/loader';
import { createCentreLoaders } from './modules/centre/centre.loaders';
import { createEditorialLoaders } from './modules/editorial/editorial.loaders';
import { createFigureLoaders } from './modules/figure/figure.loaders';
import { createRatingLoaders } from './modules/rating/rating.loaders';
import { createListsLoaders } from './modules/lists/lists.loaders';
import { createRatingCycleLoaders } from './modules/rating-cycle/rating-cycle.loaders';
import { createRegionLoaders } from './modules/region/region.loaders';
import { createVolunteerLoaders } from './modules/volunteer/volunteer.loaders';

export type Loaders = ReturnType<typeof createLoaders>;

/** The region subtree an API key may read centres of. */
export interface Scope {
  path: string;
  regionCode: string;
}

export interface Context {
  /** A fork per request: its identity map and loaders never outlive the request. */
  em: EntityManager;
  loaders: Loaders;
  /** Base for the CMS's relative media URLs (/uploads/...). */
  mediaBaseUrl: string;
  /** This API's public address, for links it hands out. */
  publicUrl: string;
  /** The operation's cost, set by the limits plugin before execution. */
  cost?: number;
  /** Cost points the client has left this minute, after this operation. */
  rateRemaining?: number;
  client: RequestClient;
  /** What the response is built from (cache/cache-tags.ts), for purges and Surrogate-Key. */
  cacheTags?: Set<string>;
  /** Set by markPrivate(): per-user or staff data, never cached. */
  isPrivate?: boolean;
  /** Present for keys limited to a region: centres outside it do not exist for them. */
  scope?: Scope;
  /** The signed-in staff member, from `Authorization: Bearer sst_…`. */
  actor?: Actor;
  /** The bearer token itself, for signing out. */
  staffToken?: string;
  /** Ends cached answers built from these tags, on every replica; writers call it after commit. */
  purge(tags: string[]): Promise<void>;
  /** Counts failed sign-ins. */
  limiter: RateLimiter;
  staffSessionHours: number;
}

/** What every request's context shares, made once by the app. */
export interface ContextServices {
  mediaBaseUrl: string;
  publicUrl: string;
  purge(tags: string[]): Promise<void>;
  limiter: RateLimiter;
  staffSessionHours: number;
  /** Always batched, but for the benchmark's N+1 floor (BENCH_DISABLE_DATALOADERS). */
  loaders: LoaderOptions;
}

export interface StaffIdentity {
  actor: Actor;
  token: string;
}

export function createLoaders(em: EntityManager, scope: Scope | undefined, options: LoaderOptions = { batch: true }) {
  return {
    ...createRegionLoaders(em, options),
    ...createCentreLoaders(em, scope, options),
    ...createRatingLoaders(em, options),
    ...createRatingCycleLoaders(em, scope),
    ...createFigureLoaders(em, options),
    ...createEditorialLoaders(em, options),
    ...createListsLoaders(em, scope),
    ...createAllianceLoaders(em),
    ...createVolunteerLoaders(em),
    ...createActivityLoaders(em),
  };
}

export function buildContext(orm: MikroORM, { loaders, ...services }: ContextServices, client: RequestClient, staff?: StaffIdentity): Context {
  const em = orm.em.fork();
  const { scopePath, scopeRegionCode } = client.grant ?? {};
  const scope = scopePath && scopeRegionCode ? { path: scopePath, regionCode: scopeRegionCode } : undefined;
  return {
    ...services,
    em,
    loaders: createLoaders(em, scope, loaders),
    client,
    scope,
    actor: staff?.actor,
    staffToken: staff?.token,
    // Staff answers may hold what only staff may see: never cached or shared.
    isPrivate: staff ? true : undefined,
  } satisfies Context;
}
