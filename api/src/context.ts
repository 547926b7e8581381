import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createCentreLoaders } from './modules/centre/centre.loaders';
import { createFigureLoaders } from './modules/figure/figure.loaders';
import { createRatingLoaders } from './modules/rating/rating.loaders';
import { createRegionLoaders } from './modules/region/region.loaders';

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  /** A fork per request: its identity map and loaders never outlive the request. */
  em: EntityManager;
  loaders: Loaders;
}

export function createLoaders(em: EntityManager) {
  return {
    ...createRegionLoaders(em),
    ...createCentreLoaders(em),
    ...createRatingLoaders(em),
    ...createFigureLoaders(em),
  };
}

export function buildContext(orm: MikroORM): Context {
  const em = orm.em.fork();
  return { em, loaders: createLoaders(em) } satisfies Context;
}
