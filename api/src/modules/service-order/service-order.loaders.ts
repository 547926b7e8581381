import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { manyByKey } from '../../shared/loader';
import { defineCentreRecordList } from '../centre-records/record-list';
import { given, oneOf } from '../centre-records/record-sql';
import type { LoaderDeps } from '../module';
import { ServiceOrder } from './service-order.entity';
import type { ServiceOrderStatus } from './service-order.types';
import {
  DISPATCH_COLUMNS,
  EVENT_COLUMNS,
  ORDER_COLUMNS,
  RESIDENT_ORDER_COLUMNS,
  type ResidentServiceOrderView,
  type ServiceOrderDispatchView,
  type ServiceOrderEventView,
  type ServiceOrderView,
  withInstants,
} from './service-order.view';

export interface ServiceOrderFilter {
  status?: ServiceOrderStatus[];
}

/**
 * Orders as staff list them, newest first. Every read of it is staff-only (the resolvers check
 * the caller and mark the answer private): the kit gives the paging, not a public list.
 */
export const orderList = defineCentreRecordList<ServiceOrderView, ServiceOrderView, ServiceOrderFilter, ServiceOrder>({
  entity: ServiceOrder,
  targetType: 'ServiceOrder',
  table: 'service_order',
  columns: ORDER_COLUMNS,
  filter: (filter) => [oneOf('e.status', given(filter.status))],
  order: 'e.submitted_at desc, e.id desc',
  toView: withInstants,
});

/** The order a resident's token opens (by the token's SHA-256), without its contact. */
export async function readResidentOrder(read: Reader, where: { id: string } | { tokenHash: string }): Promise<ResidentServiceOrderView | null> {
  const [column, value] = 'id' in where ? ['e.id', where.id] : ['e.token_hash', where.tokenHash];
  const [row] = await read.rows<ResidentServiceOrderView>(`select ${RESIDENT_ORDER_COLUMNS} from service_order e where ${column} = ?`, [value]);
  return row ? withInstants(row) : null;
}

export function createServiceOrderLoaders(deps: LoaderDeps) {
  const { read, options } = deps;
  return {
    orderRecords: orderList.loaders(deps),
    /** Each order's whole timeline, oldest first: one statement for a page of orders. Residents get its public entries. */
    orderEvents: manyByKey<string, ServiceOrderEventView>(
      async (ids) =>
        (await read.rows<ServiceOrderEventView>(`select ${EVENT_COLUMNS} from service_order_event v where v.order_id = any(?::text[]) order by v.at, v.id`, [pgArray(ids)])).map(
          (row) => ({ ...row, at: new Date(row.at) }),
        ),
      (event) => event.orderId,
      options,
    ),
    /** Each order's offers to providers, in the order they were made. */
    orderDispatches: manyByKey<string, ServiceOrderDispatchView>(
      async (ids) =>
        (
          await read.rows<ServiceOrderDispatchView>(
            `select ${DISPATCH_COLUMNS} from service_order_dispatch p where p.order_id = any(?::text[]) order by p.dispatched_at, p.position`,
            [pgArray(ids)],
          )
        ).map((row) => ({ ...row, dispatchedAt: new Date(row.dispatchedAt), respondedAt: row.respondedAt ? new Date(row.respondedAt) : null })),
      (dispatch) => dispatch.orderId,
      options,
    ),
  };
}
