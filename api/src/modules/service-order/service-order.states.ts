import { AppError, ErrorCode } from '../../errors/app-error';
import type { TransitionTable } from '../../shared/transitions';
import { ServiceOrderAction as A, ServiceOrderStatus as S } from './service-order.types';

/** Who may take an action: the resident (with the order's token), centre staff, or the system itself. */
export type Party = 'RESIDENT' | 'STAFF' | 'SYSTEM';

export interface OrderMove {
  from: readonly S[];
  to: S;
  by: readonly Party[];
}

const BEFORE_COMPLETION = [S.SUBMITTED, S.ACCEPTED, S.DISPATCHED, S.PROVIDER_ACCEPTED, S.IN_PROGRESS, S.AWAITING_CONFIRMATION];

/**
 * The order loop, written once: each action's source statuses, its target and who may take it.
 * Two actions may reach one status from different ones (START and NOT_DONE both lead to
 * IN_PROGRESS), which is why the table is by action; the status graph below derives from it.
 */
export const ORDER_MOVES: Readonly<Record<Exclude<A, A.SUBMIT>, OrderMove>> = {
  [A.ACCEPT]: { from: [S.SUBMITTED], to: S.ACCEPTED, by: ['STAFF'] },
  [A.DISPATCH]: { from: [S.ACCEPTED], to: S.DISPATCHED, by: ['STAFF'] },
  [A.DECLINE]: { from: [S.DISPATCHED], to: S.DISPATCHED, by: ['STAFF'] },
  [A.ALL_DECLINED]: { from: [S.DISPATCHED], to: S.ACCEPTED, by: ['SYSTEM'] },
  [A.PROVIDER_ACCEPT]: { from: [S.DISPATCHED], to: S.PROVIDER_ACCEPTED, by: ['STAFF'] },
  [A.START]: { from: [S.PROVIDER_ACCEPTED], to: S.IN_PROGRESS, by: ['STAFF'] },
  [A.REPORT_DONE]: { from: [S.IN_PROGRESS], to: S.AWAITING_CONFIRMATION, by: ['STAFF'] },
  [A.CONFIRM]: { from: [S.AWAITING_CONFIRMATION], to: S.COMPLETED, by: ['RESIDENT'] },
  [A.NOT_DONE]: { from: [S.AWAITING_CONFIRMATION], to: S.IN_PROGRESS, by: ['RESIDENT'] },
  [A.REVIEW]: { from: [S.COMPLETED], to: S.REVIEWED, by: ['RESIDENT'] },
  // A resident who never reviews must not keep the order open for ever.
  [A.CLOSE]: { from: [S.REVIEWED, S.COMPLETED], to: S.CLOSED, by: ['STAFF'] },
  [A.CANCEL]: { from: BEFORE_COMPLETION, to: S.CANCELLED, by: ['RESIDENT', 'STAFF'] },
  [A.REJECT]: { from: [S.SUBMITTED, S.ACCEPTED], to: S.REJECTED, by: ['STAFF'] },
  [A.MARK_DUPLICATE]: { from: [S.SUBMITTED, S.ACCEPTED], to: S.DUPLICATE, by: ['STAFF'] },
  // Reopened orders start over at the centre: accepted again (a new due date), dispatched again.
  [A.REOPEN]: { from: [S.REJECTED, S.DUPLICATE, S.CLOSED], to: S.SUBMITTED, by: ['STAFF'] },
};

export type OrderMoveAction = keyof typeof ORDER_MOVES;

/** The statuses each status may move to (derived from ORDER_MOVES; CANCELLED is final; a decline that leaves offers open is no move). */
export const SERVICE_ORDER_TRANSITIONS: TransitionTable<S> = Object.fromEntries(
  Object.values(S).map((status) => [status, [...new Set(Object.values(ORDER_MOVES).flatMap((move) => (move.from.includes(status) && move.to !== status ? [move.to] : [])))]]),
) as unknown as TransitionTable<S>;

/** The actions `party` may take on an order in `status`. */
export function actionsFrom(status: S, party: Party): OrderMoveAction[] {
  return (Object.keys(ORDER_MOVES) as OrderMoveAction[]).filter((action) => ORDER_MOVES[action].from.includes(status) && ORDER_MOVES[action].by.includes(party));
}

/**
 * The status `action` moves an order in `status` to, or a CONFLICT naming what is possible
 * instead: the order changed under the caller (another staff member, the resident) or the
 * caller's screen is stale; either way nothing is written.
 */
export function assertMove(status: S, action: OrderMoveAction, party: Party): S {
  const move = ORDER_MOVES[action];
  if (!move.by.includes(party)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${action} is not for ${party === 'RESIDENT' ? 'residents' : 'staff'}: ${move.by.join(' or ')} only.`, { argument: 'action' });
  }
  if (!move.from.includes(status)) {
    const possible = actionsFrom(status, party);
    throw new AppError(
      ErrorCode.CONFLICT,
      `Cannot ${action} a service order that is ${status}: ${action} needs ${move.from.join(' or ')}. ${possible.length ? `From ${status} ${party === 'RESIDENT' ? 'you' : 'staff'} may ${possible.join(', ')}.` : `${status} is final for ${party === 'RESIDENT' ? 'residents' : 'staff'}.`}`,
      { status, action },
    );
  }
  return move.to;
}
