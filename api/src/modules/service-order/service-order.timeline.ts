import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { ServiceOrder, ServiceOrderEvent } from './service-order.entity';
import { assertMove, type OrderMoveAction, type Party } from './service-order.states';
import { EventActor, ServiceOrderAction as A } from './service-order.types';

/** The milestone each action stamps on the order (the timeline entry has the time of every step). */
const STAMPS: Partial<Record<OrderMoveAction, Exclude<keyof ServiceOrder, symbol>>> = {
  [A.ACCEPT]: 'acceptedAt',
  [A.DISPATCH]: 'dispatchedAt',
  [A.PROVIDER_ACCEPT]: 'providerAcceptedAt',
  [A.START]: 'startedAt',
  [A.REPORT_DONE]: 'doneReportedAt',
  [A.NOT_DONE]: 'disputedAt',
  [A.CONFIRM]: 'completedAt',
  [A.REVIEW]: 'reviewedAt',
  [A.CLOSE]: 'closedAt',
  [A.CANCEL]: 'cancelledAt',
  [A.REJECT]: 'rejectedAt',
  [A.MARK_DUPLICATE]: 'markedDuplicateAt',
  [A.REOPEN]: 'reopenedAt',
};

/**
 * The order, locked for the rest of the transaction (SELECT … FOR UPDATE), read afresh: of two
 * writes racing on one order (two providers accepting at once), the second waits for the first
 * to commit and then sees its outcome, so exactly one of them wins.
 */
export async function lockOrder(em: EntityManager, id: string, argument = 'orderId'): Promise<ServiceOrder> {
  const order = await em.findOne(ServiceOrder, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!order) throw new AppError(ErrorCode.NOT_FOUND, `No service order has the id "${id}".`, { argument });
  return order;
}

export interface MoveOptions {
  party: Party;
  note?: string | null;
  isPublic: boolean;
  accountId?: string;
  at?: Date;
}

/**
 * Moves the order by `action` if its table allows it (else a CONFLICT, nothing written), stamps
 * the milestone and writes the timeline entry (answered, unflushed: flushing is the caller's).
 */
export function applyMove(em: EntityManager, order: ServiceOrder, action: OrderMoveAction, { party, note, isPublic, accountId, at = new Date() }: MoveOptions): ServiceOrderEvent {
  const to = assertMove(order.status, action, party);
  const event = em.create(ServiceOrderEvent, {
    order,
    at,
    fromStatus: order.status,
    toStatus: to,
    action,
    note: note?.trim() || undefined,
    isPublic,
    actor: party === 'RESIDENT' ? EventActor.RESIDENT : party === 'SYSTEM' ? EventActor.SYSTEM : EventActor.STAFF,
    actorAccountId: party === 'STAFF' ? accountId : undefined,
  });
  order.status = to;
  const stamp = STAMPS[action];
  if (stamp) (order as unknown as Record<string, Date>)[stamp] = at;
  return event;
}
