import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createCentreLoaders } from './modules/centre/centre.loaders';
import { createEditorialLoaders } from './modules/editorial/editorial.loaders';
import { createFigureLoaders } from './modules/figure/figure.loaders';
import { createRatingLoaders } from './modules/rating/rating.loaders';
import { createRegionLoaders } from './modules/region/region.loaders';

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  /** A fork per request: its identity map and loaders never outlive the request. */
  em: EntityManager;
  loaders: Loaders;
  /** Base for the CMS's relative media URLs (/uploads/...). */
  mediaBaseUrl: string;
  /** The operation's cost, set by the limits plugin before execution. */
  cost?: number;
}

export function createLoaders(em: EntityManager) {
  return {
    ...createRegionLoaders(em),
    ...createCentreLoaders(em),
    ...createRatingLoaders(em),
    ...createFigureLoaders(em),
    ...createEditorialLoaders(em),
  };
}

export function buildContext(orm: MikroORM, mediaBaseUrl: string): Context {
  const em = orm.em.fork();
  return { em, loaders: createLoaders(em), mediaBaseUrl } satisfies Context;
}
