import type { EntityManager } from '@mikro-orm/postgresql';
import { type LoaderOptions, manyByKey, oneByKey } from '../../shared/loader';
import { Region } from './region.entity';

export function createRegionLoaders(em: EntityManager, options: LoaderOptions) {
  return {
    regionByCode: oneByKey<string, Region>(
      (codes) => em.find(Region, { code: { $in: [...codes] } }),
      (region) => region.code,
      options,
    ),
    regionsByParentCode: manyByKey<string, Region>(
      (codes) => em.find(Region, { parent: { $in: [...codes] } }, { orderBy: { code: 'asc' } }),
      (region) => region.parent!.code,
      options,
    ),
  };
}
