import type { EntityManager } from '@mikro-orm/postgresql';
import { pagesByKey } from '../../shared/keyed-pages';
import { loaderCache, oneByKey } from '../../shared/loader';
import { AllianceMembership, AllianceUnit } from './alliance.entity';
import { MEMBERSHIP_ORDER_SQL, membershipConditions, type MembershipFilter } from './alliance.service';

export function createAllianceLoaders(em: EntityManager) {
  const cached = loaderCache();
  return {
    membershipPagesByCentre: (filter: MembershipFilter | undefined, first: number, offset: number) =>
      cached(`memberships:${JSON.stringify([filter, first, offset])}`, () =>
        pagesByKey(em, AllianceMembership, {
          keyProperty: 'centre',
          keyColumn: 'centre_code',
          where: membershipConditions(filter),
          orderSql: MEMBERSHIP_ORDER_SQL,
          first,
          offset,
        }),
      ),
    // Units are organisations, not people: any caller may see the unit behind a visible membership.
    unitById: oneByKey<string, AllianceUnit>((ids) => em.find(AllianceUnit, { id: { $in: [...ids] } }), (unit) => unit.id),
  };
}
