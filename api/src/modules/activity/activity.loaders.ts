import type { EntityManager } from '@mikro-orm/postgresql';
import { pagesByKey } from '../../shared/keyed-pages';
import { loaderCache, manyByKey } from '../../shared/loader';
import { Activity } from './activity.entity';
import { ACTIVITY_ORDER_SQL, activityConditions, type ActivityFilter } from './activity.service';

export function createActivityLoaders(em: EntityManager) {
  const cached = loaderCache();
  return {
    activityPagesByCentre: (filter: ActivityFilter | undefined, first: number, offset: number) =>
      cached(`activities:${JSON.stringify([filter, first, offset])}`, () =>
        pagesByKey(em, Activity, { keyProperty: 'centre', keyColumn: 'centre_code', where: activityConditions(filter), orderSql: ACTIVITY_ORDER_SQL, first, offset }),
      ),
    activitiesByProject: manyByKey<string, Activity>(
      (ids) => em.find(Activity, { project: { $in: [...ids] } }, { orderBy: { startsAt: 'asc', id: 'asc' } }),
      (activity) => activity.project!.id,
    ),
  };
}
