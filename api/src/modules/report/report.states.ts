import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { TransitionTable } from '../../shared/transitions';
import { EventActor } from '../service-order/service-order.types';
import { Report, ReportEvent } from './report.entity';
import { ReportAction as A, ReportStatus as S } from './report.types';

export type Party = 'RESIDENT' | 'STAFF';

export interface ReportMove {
  from: readonly S[];
  /** The status it leads to; `null` keeps the status (a handler's report, hiding). */
  to: S | null;
  by: readonly Party[];
  /** Hiding is a flag beside the status: HIDE needs a shown report, UNHIDE a hidden one. */
  hidden?: boolean;
}

const ALL = Object.values(S);

/**
 * The report loop, written once by action (发现 → 受理 → 处置 → 反馈): each action's source
 * statuses, its target and who may take it. The status graph below derives from it.
 */
export const REPORT_MOVES: Readonly<Record<Exclude<A, A.SUBMIT>, ReportMove>> = {
  [A.ACCEPT]: { from: [S.SUBMITTED], to: S.ACCEPTED, by: ['STAFF'] },
  [A.START]: { from: [S.ACCEPTED], to: S.IN_HANDLING, by: ['STAFF'] },
  [A.HANDLER_REPORT]: { from: [S.IN_HANDLING], to: null, by: ['STAFF'] },
  // 即办 gives its result straight from ACCEPTED; 跟踪 and 联办 after handling starts.
  [A.GIVE_FEEDBACK]: { from: [S.ACCEPTED, S.IN_HANDLING], to: S.FEEDBACK_GIVEN, by: ['STAFF'] },
  [A.CLOSE]: { from: [S.FEEDBACK_GIVEN], to: S.CLOSED, by: ['STAFF'] },
  // The resident confirms the result (closing it, if staff have not) and rates it, once.
  [A.CONFIRM]: { from: [S.FEEDBACK_GIVEN, S.CLOSED], to: S.CLOSED, by: ['RESIDENT'] },
  [A.REJECT]: { from: [S.SUBMITTED, S.ACCEPTED], to: S.REJECTED, by: ['STAFF'] },
  [A.MARK_DUPLICATE]: { from: [S.SUBMITTED, S.ACCEPTED], to: S.DUPLICATE, by: ['STAFF'] },
  [A.HIDE]: { from: ALL, to: null, by: ['STAFF'], hidden: false },
  [A.UNHIDE]: { from: ALL, to: null, by: ['STAFF'], hidden: true },
  [A.REOPEN]: { from: [S.REJECTED, S.DUPLICATE, S.CLOSED], to: S.SUBMITTED, by: ['STAFF'] },
};

export type ReportMoveAction = keyof typeof REPORT_MOVES;

/** The statuses each status may move to (derived from REPORT_MOVES; moves that keep the status are not edges). */
export const REPORT_TRANSITIONS: TransitionTable<S> = Object.fromEntries(
  ALL.map((status) => [status, [...new Set(Object.values(REPORT_MOVES).flatMap((move) => (move.from.includes(status) && move.to && move.to !== status ? [move.to] : [])))]]),
) as unknown as TransitionTable<S>;

const allows = (move: ReportMove, status: S, isHidden: boolean) => move.from.includes(status) && (move.hidden === undefined || move.hidden === isHidden);

/** The actions `party` may take on a report in `status` (hidden or not). */
export function actionsFrom(status: S, isHidden: boolean, party: Party): ReportMoveAction[] {
  return (Object.keys(REPORT_MOVES) as ReportMoveAction[]).filter((action) => allows(REPORT_MOVES[action], status, isHidden) && REPORT_MOVES[action].by.includes(party));
}

/** The status `action` leads to, or an error naming what is possible instead; nothing is written either way. */
export function assertMove(report: { status: S; isHidden: boolean }, action: ReportMoveAction, party: Party): S {
  const move = REPORT_MOVES[action];
  if (!move.by.includes(party)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${action} is not for ${party === 'RESIDENT' ? 'residents' : 'staff'}: ${move.by.join(' or ')} only.`, { argument: 'action' });
  }
  if (!allows(move, report.status, report.isHidden)) {
    const possible = actionsFrom(report.status, report.isHidden, party);
    const state = `${report.status}${report.isHidden ? ' (hidden)' : ''}`;
    const needs = move.hidden === undefined ? move.from.join(' or ') : move.hidden ? 'a hidden report' : 'a report that is not hidden';
    throw new AppError(
      ErrorCode.CONFLICT,
      `Cannot ${action} a report that is ${state}: ${action} needs ${needs}. ${possible.length ? `From ${state} you may ${possible.join(', ')}.` : `${state} is final for you.`}`,
      { status: report.status, action },
    );
  }
  return move.to ?? report.status;
}

const STAMPS: Partial<Record<ReportMoveAction, Exclude<keyof Report, symbol>>> = {
  [A.ACCEPT]: 'acceptedAt',
  [A.START]: 'startedAt',
  [A.GIVE_FEEDBACK]: 'feedbackAt',
  [A.CLOSE]: 'closedAt',
  [A.CONFIRM]: 'confirmedAt',
  [A.REJECT]: 'rejectedAt',
  [A.MARK_DUPLICATE]: 'markedDuplicateAt',
  [A.HIDE]: 'hiddenAt',
  [A.REOPEN]: 'reopenedAt',
};

/** The report, locked for the rest of the transaction and read afresh. */
export async function lockReport(em: EntityManager, id: string, argument = 'reportId'): Promise<Report> {
  const report = await em.findOne(Report, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!report) throw new AppError(ErrorCode.NOT_FOUND, `No report has the id "${id}".`, { argument });
  return report;
}

export interface MoveOptions {
  party: Party;
  note?: string | null;
  isPublic: boolean;
  accountId?: string;
  at?: Date;
}

/** Moves the report by `action` if the table allows it (else an error, nothing written), stamps it and writes the timeline entry. */
export function applyMove(em: EntityManager, report: Report, action: ReportMoveAction, { party, note, isPublic, accountId, at = new Date() }: MoveOptions): void {
  const to = assertMove(report, action, party);
  em.create(ReportEvent, {
    report,
    at,
    fromStatus: report.status,
    toStatus: to,
    action,
    note: note?.trim() || undefined,
    isPublic,
    actor: party === 'RESIDENT' ? EventActor.RESIDENT : EventActor.STAFF,
    actorAccountId: party === 'STAFF' ? accountId : undefined,
  });
  report.status = to;
  if (action === A.HIDE) report.isHidden = true;
  if (action === A.UNHIDE) report.isHidden = false;
  const stamp = STAMPS[action];
  if (stamp) (report as unknown as Record<string, Date>)[stamp] = at;
}
