import type { EntityManager } from '@mikro-orm/postgresql';
import { type LoaderOptions, manyByKey, oneByKey } from '../../shared/loader';
import type { Scope } from '../../context';
import { Centre } from './centre.entity';

/** Centres a key limited to a region may see: those in its subtree. */
export function inScope(scope: Scope | undefined) {
  return scope ? { region: { path: { $like: `${scope.path}%` } } } : {};
}

export function createCentreLoaders(em: EntityManager, scope: Scope | undefined, options: LoaderOptions) {
  return {
    centreByCode: oneByKey<string, Centre>(
      (codes) => em.find(Centre, { code: { $in: [...codes] }, ...inScope(scope) }),
      (centre) => centre.code,
      options,
    ),
    centresByParentCode: manyByKey<string, Centre>(
      (codes) => em.find(Centre, { parent: { $in: [...codes] }, ...inScope(scope) }, { orderBy: { code: 'asc' } }),
      (centre) => centre.parent!.code,
      options,
    ),
  };
}
