import { Tags } from '../../cache/cache-tags';
import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { type LoaderOptions, oneByKey } from '../../shared/loader';
import { defineCentreRecordList } from '../centre-records/record-list';
import { given, oneOf, sql } from '../centre-records/record-sql';
import type { LoaderDeps } from '../module';
import { AllianceMembership, type AllianceUnitType, type MembershipStatus, type UnitContact } from './alliance.entity';
import { type AllianceMembershipView, type AllianceUnitView, MEMBERSHIP_COLUMNS, UNIT_COLUMNS } from './alliance.view';

export interface MembershipFilter {
  status?: MembershipStatus[];
  unitType?: AllianceUnitType[];
}

/** Alliance memberships, oldest agreement first. */
export const membershipList = defineCentreRecordList<AllianceMembershipView, AllianceMembershipView, MembershipFilter, AllianceMembership>({
  entity: AllianceMembership,
  targetType: 'AllianceMembership',
  table: 'alliance_membership',
  columns: MEMBERSHIP_COLUMNS,
  filter: (filter) => {
    const unitTypes = given(filter.unitType);
    return [
      oneOf('e.status', given(filter.status)),
      unitTypes && sql('e.unit_id in (select u.id from alliance_unit u where u.unit_type::text = any(?::text[]))', pgArray(unitTypes)),
    ];
  },
  order: 'e.agreement_signed_on asc nulls last, e.id asc',
  toView: (row) => row,
});

export const unitTag = (unit: { id: string }) => Tags.allianceUnit(unit.id);

// Units are organisations, not people: any caller may see the unit behind a visible membership.
export function readUnits(read: Reader, ids: readonly string[]): Promise<AllianceUnitView[]> {
  return read.rows<AllianceUnitView>(`select ${UNIT_COLUMNS} from alliance_unit u where u.id = any(?::text[])`, [pgArray(ids)], unitTag);
}

export function createAllianceLoaders(deps: LoaderDeps) {
  const { read, options } = deps;
  return {
    membershipRecords: membershipList.loaders(deps),
    unitById: oneByKey<string, AllianceUnitView>(
      (ids) => readUnits(read, ids),
      (unit) => unit.id,
      options,
    ),
    unitContactsById: unitContactsById(read, options),
  };
}

/** Staff-only: whom to call at each unit, read only for callers who passed assertStaffMayRead. */
function unitContactsById(read: Reader, options: LoaderOptions) {
  return oneByKey<string, { id: string; contacts: UnitContact[] }>(
    (ids) => read.rows(`select id, contacts from alliance_unit where id = any(?::text[])`, [pgArray(ids)]),
    (unit) => unit.id,
    options,
  );
}
