import type { MikroORM } from '@mikro-orm/postgresql';
import type { OrderSubmissionLimits } from './config';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './auth/actor';
import { createReader, type Reader } from './db/read';
import type { RequestClient } from './http/client-identity';
import type { RateLimiter } from './limits/rate-limiter';
import { modules, nodeSources } from './modules';
import type { LoaderDeps, NodeSource } from './modules/module';
import type { LoaderOptions } from './shared/loader';
import { type Scope, scopeOfGrant } from './shared/region-subtree';

export type { Scope } from './shared/region-subtree';

type LoadersOf<M> = M extends { loaders?: (deps: LoaderDeps) => infer L } ? (unknown extends L ? never : L) : never;
type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
/** Every module's loaders, made per request. */
export type Loaders = Intersection<LoadersOf<(typeof modules)[number]>>;

export interface Context {
  /** A fork per request, for staff writes (runStaffMutation): public reads never use it. */
  em: EntityManager;
  /** Plain-row reads that declare their cache tags: the read side's one door. */
  read: Reader;
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
  cacheTags: Set<string>;
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
  /** Counts failed sign-ins and residents' submissions. */
  limiter: RateLimiter;
  staffSessionHours: number;
  orderSubmissions: OrderSubmissionLimits;
  /** Every type that implements Node, by name: how node(id:) reads it (each module's `nodes`). */
  nodeSources: Readonly<Record<string, NodeSource>>;
}

/** What every request's context shares, made once by the app. */
export interface ContextServices {
  mediaBaseUrl: string;
  publicUrl: string;
  purge(tags: string[]): Promise<void>;
  limiter: RateLimiter;
  staffSessionHours: number;
  orderSubmissions: OrderSubmissionLimits;
  /** Always batched, but for the benchmark's N+1 floor (createApp's `loaders`, from bench/api-server.ts). */
  loaders: LoaderOptions;
}

export interface StaffIdentity {
  actor: Actor;
  token: string;
}

export function createLoaders(deps: LoaderDeps): Loaders {
  return Object.assign({}, ...modules.map((module) => module.loaders?.(deps) ?? {})) as Loaders;
}

export function buildContext(orm: MikroORM, { loaders, ...services }: ContextServices, client: RequestClient, staff?: StaffIdentity): Context {
  const em = orm.em.fork();
  const scope = scopeOfGrant(client.grant);
  const cacheTags = new Set<string>();
  const read = createReader(em, cacheTags, scope);
  return {
    ...services,
    em,
    read,
    cacheTags,
    loaders: createLoaders({ read, em, scope, options: loaders }),
    client,
    scope,
    nodeSources,
    actor: staff?.actor,
    staffToken: staff?.token,
    // Staff answers may hold what only staff may see: never cached or shared.
    isPrivate: staff ? true : undefined,
  } satisfies Context;
}
