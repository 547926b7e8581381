import type { EntityManager } from '@mikro-orm/postgresql';
import { manyByKey, oneByKey } from '../../shared/loader';
import { Centre } from './centre.entity';

export function createCentreLoaders(em: EntityManager) {
  return {
    centreByCode: oneByKey<string, Centre>(
      (codes) => em.find(Centre, { code: { $in: [...codes] } }),
      (centre) => centre.code,
    ),
    centresByParentCode: manyByKey<string, Centre>(
      (codes) => em.find(Centre, { parent: { $in: [...codes] } }, { orderBy: { code: 'asc' } }),
      (centre) => centre.parent!.code,
    ),
  };
}
