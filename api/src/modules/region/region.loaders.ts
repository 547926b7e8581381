import type { EntityManager } from '@mikro-orm/postgresql';
import { manyByKey, oneByKey } from '../../shared/loader';
import { Region } from './region.entity';

export function createRegionLoaders(em: EntityManager) {
  return {
    regionByCode: oneByKey<string, Region>(
      (codes) => em.find(Region, { code: { $in: [...codes] } }),
      (region) => region.code,
    ),
    regionsByParentCode: manyByKey<string, Region>(
      (codes) => em.find(Region, { parent: { $in: [...codes] } }, { orderBy: { code: 'asc' } }),
      (region) => region.parent!.code,
    ),
  };
}
