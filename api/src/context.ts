import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestClient } from './http/client-identity';
import type { LoaderOptions } from './shared/loader';
import { createCentreLoaders } from './modules/centre/centre.loaders';
import { createEditorialLoaders } from './modules/editorial/editorial.loaders';
import { createFigureLoaders } from './modules/figure/figure.loaders';
import { createRatingLoaders } from './modules/rating/rating.loaders';
import { createRegionLoaders } from './modules/region/region.loaders';

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
}

export function createLoaders(em: EntityManager, scope: Scope | undefined, options: LoaderOptions = { batch: true }) {
  return {
    ...createRegionLoaders(em, options),
    ...createCentreLoaders(em, scope, options),
    ...createRatingLoaders(em, options),
    ...createFigureLoaders(em, options),
    ...createEditorialLoaders(em, options),
  };
}

export interface ContextOptions {
  mediaBaseUrl: string;
  publicUrl: string;
  loaders: LoaderOptions;
}

export function buildContext(orm: MikroORM, { mediaBaseUrl, publicUrl, loaders }: ContextOptions, client: RequestClient): Context {
  const em = orm.em.fork();
  const { scopePath, scopeRegionCode } = client.grant ?? {};
  const scope = scopePath && scopeRegionCode ? { path: scopePath, regionCode: scopeRegionCode } : undefined;
  return { em, loaders: createLoaders(em, scope, loaders), mediaBaseUrl, publicUrl, client, scope } satisfies Context;
}
