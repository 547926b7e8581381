import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127214818_Initial } from './Migration20261127214818_Initial';
import { Migration20261127222754_EditorialReadModel } from './Migration20261127222754_EditorialReadModel';
import { Migration20261127224454_ApiKeys } from './Migration20261127224454_ApiKeys';
import { Migration20261127230359_KeySafelist } from './Migration20261127230359_KeySafelist';
import { Migration20261127235857_StaffAccounts } from './Migration20261127235857_StaffAccounts';
import { Migration20261127235928_OperationalLists } from './Migration20261127235928_OperationalLists';
import { Migration20261128001308_RatingCycle } from './Migration20261128001308_RatingCycle';
import { Migration20261202103518_PortalKeys } from './Migration20261202103518_PortalKeys';
import { Migration20261202110644_ServiceOrders } from './Migration20261202110644_ServiceOrders';
import { Migration20261202120123_PointsLedger } from './Migration20261202120123_PointsLedger';
import { Migration20261202120149_Reports } from './Migration20261202120149_Reports';

/** Every committed migration, oldest first. `npm run migration:create` prints the line to add. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127214818_Initial', class: Migration20261127214818_Initial },
  { name: 'Migration20261127222754_EditorialReadModel', class: Migration20261127222754_EditorialReadModel },
  { name: 'Migration20261127224454_ApiKeys', class: Migration20261127224454_ApiKeys },
  { name: 'Migration20261127230359_KeySafelist', class: Migration20261127230359_KeySafelist },
  { name: 'Migration20261127235857_StaffAccounts', class: Migration20261127235857_StaffAccounts },
  { name: 'Migration20261127235928_OperationalLists', class: Migration20261127235928_OperationalLists },
  { name: 'Migration20261128001308_RatingCycle', class: Migration20261128001308_RatingCycle },
  { name: 'Migration20261202103518_PortalKeys', class: Migration20261202103518_PortalKeys },
  { name: 'Migration20261202110644_ServiceOrders', class: Migration20261202110644_ServiceOrders },
  { name: 'Migration20261202120123_PointsLedger', class: Migration20261202120123_PointsLedger },
  { name: 'Migration20261202120149_Reports', class: Migration20261202120149_Reports },
];
