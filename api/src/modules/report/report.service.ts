import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode, badInput } from '../../errors/app-error';
import { assertText, findOrFail, newRecordId, todayInChina } from '../../shared/records';
import { AllianceMembership, AllianceUnit, MembershipStatus } from '../alliance/alliance.entity';
import { addWorkingDays, statementsOf } from '../calendar/calendar.service';
import { guardCentreOf } from '../centre/centre.service';
import type { StaffActing } from '../service-order/service-order.service';
import { VolunteerTeam } from '../volunteer/volunteer.entity';
import { Report, ReportHandler } from './report.entity';
import { applyMove, assertMove, lockReport } from './report.states';
import { CaseMode, HandlerType, ReportAction as A, ReportStatus } from './report.types';

/** 跟踪 cases are due on the 5th working day after acceptance, 联办 on the 10th (China time, the working calendar). */
export const DUE_WORKING_DAYS: Readonly<Record<CaseMode, number>> = { [CaseMode.IMMEDIATE]: 0, [CaseMode.TRACKED]: 5, [CaseMode.JOINT]: 10 };
export const MAX_HANDLERS = 10;

export interface HandlerInput {
  allianceUnitId?: string | null;
  volunteerTeamId?: string | null;
  department?: string | null;
  isLead?: boolean | null;
}

export interface AcceptReport {
  reportId: string;
  caseMode: CaseMode;
  /** 即办: the result given on the spot. */
  result?: string | null;
  handlers?: HandlerInput[] | null;
  note?: string | null;
}

async function guardedReport(em: EntityManager, reportId: string, { guard }: StaffActing): Promise<Report> {
  const report = await lockReport(em, reportId);
  await guardCentreOf(em, report, guard);
  return report;
}

/**
 * 受理: the centre accepts a report and chooses how it is handled. 即办 closes it on the spot with
 * its result (accepted, feedback, closed: three timeline entries at one time); 跟踪 may name one
 * handler; 联办 names 2 to 10, exactly one of them the lead.
 */
export async function acceptReport(em: EntityManager, input: AcceptReport, acting: StaffActing, now = new Date()): Promise<Report> {
  assertText(input.note ?? undefined, 'input.note', 2000);
  const handlers = input.handlers ?? [];
  if (input.caseMode === CaseMode.IMMEDIATE) {
    if (!input.result?.trim()) throw badInput('input.result', 'is required for IMMEDIATE (即办): the result given on the spot.');
    if (handlers.length) throw badInput('input.handlers', 'must be empty for IMMEDIATE (即办): the centre closes it on the spot.');
  } else if (input.result != null) {
    throw badInput('input.result', `is given later, by reportBack, for ${input.caseMode}.`);
  }
  assertText(input.result ?? undefined, 'input.result', 2000);
  if (input.caseMode === CaseMode.TRACKED && handlers.length > 1)
    throw badInput('input.handlers', 'may name at most one handler for TRACKED (跟踪); use JOINT (联办) for several.');
  if (input.caseMode === CaseMode.JOINT && (handlers.length < 2 || handlers.length > MAX_HANDLERS)) {
    throw badInput('input.handlers', `must name 2 to ${MAX_HANDLERS} handlers for JOINT (联办), got ${handlers.length}.`);
  }
  const leads = handlers.filter((handler) => handler.isLead).length;
  if (input.caseMode === CaseMode.JOINT && leads !== 1) throw badInput('input.handlers', `must mark exactly one handler isLead for JOINT (联办), got ${leads}.`);
  const report = await guardedReport(em, input.reportId, acting);
  const step = { party: 'STAFF' as const, accountId: acting.accountId, at: now };
  applyMove(em, report, A.ACCEPT, { ...step, note: input.note, isPublic: true });
  report.caseMode = input.caseMode;
  await addHandlers(em, report, handlers, now);
  if (input.caseMode === CaseMode.IMMEDIATE) {
    applyMove(em, report, A.GIVE_FEEDBACK, { ...step, note: input.result, isPublic: true });
    applyMove(em, report, A.CLOSE, { ...step, isPublic: true });
    report.result = input.result!.trim();
  } else {
    report.dueOn = await addWorkingDays(statementsOf(em), todayInChina(now), DUE_WORKING_DAYS[input.caseMode]);
  }
  await em.flush();
  return report;
}

async function addHandlers(em: EntityManager, report: Report, handlers: HandlerInput[], now: Date): Promise<void> {
  const seen = new Set<string>();
  for (const [index, handler] of handlers.entries()) {
    const argument = `input.handlers[${index}]`;
    const named = [handler.allianceUnitId, handler.volunteerTeamId, handler.department].filter((value) => value != null);
    if (named.length !== 1) throw badInput(argument, 'must name exactly one of allianceUnitId, volunteerTeamId or department.');
    const key = handler.allianceUnitId ? `unit:${handler.allianceUnitId}` : handler.volunteerTeamId ? `team:${handler.volunteerTeamId}` : `dept:${handler.department!.trim()}`;
    if (seen.has(key)) throw badInput(argument, 'names the same handler twice.');
    seen.add(key);
    const base = { id: newRecordId(), report, position: index, isLead: handler.isLead ?? handlers.length === 1, assignedAt: now };
    if (handler.allianceUnitId) {
      const unit = await findOrFail(em, AllianceUnit, handler.allianceUnitId, `${argument}.allianceUnitId`);
      const active = await em.count(AllianceMembership, { centre: report.centre, unit, status: MembershipStatus.ACTIVE });
      if (!active) throw badInput(`${argument}.allianceUnitId`, `must name a unit with an active membership of the alliance of ${report.centre.code}.`);
      em.create(ReportHandler, { ...base, handlerType: HandlerType.ALLIANCE_UNIT, unit });
    } else if (handler.volunteerTeamId) {
      const team = await findOrFail(em, VolunteerTeam, handler.volunteerTeamId, `${argument}.volunteerTeamId`);
      if (team.centre.code !== report.centre.code) throw badInput(`${argument}.volunteerTeamId`, `must name a volunteer team of ${report.centre.code}.`);
      em.create(ReportHandler, { ...base, handlerType: HandlerType.VOLUNTEER_TEAM, team });
    } else {
      assertText(handler.department!, `${argument}.department`, 100);
      em.create(ReportHandler, { ...base, handlerType: HandlerType.DEPARTMENT, department: handler.department!.trim() });
    }
  }
}

/**
 * 反馈: a handler reports back. For 联办 each handler reports (handlerId); only the lead's report
 * gives the feedback that lets the case close. For 跟踪 the centre (or its one handler) reports.
 */
export async function reportBack(
  em: EntityManager,
  input: { reportId: string; handlerId?: string | null; result: string },
  acting: StaffActing,
  now = new Date(),
): Promise<Report> {
  assertText(input.result, 'input.result', 2000);
  if (!input.result.trim()) throw badInput('input.result', 'must say what was done.');
  const report = await guardedReport(em, input.reportId, acting);
  // The status first: a report that cannot take a report-back says so, whatever handler was named.
  if (report.status !== ReportStatus.IN_HANDLING) assertMove(report, A.GIVE_FEEDBACK, 'STAFF');
  const step = { party: 'STAFF' as const, accountId: acting.accountId, at: now };
  const handlers = await em.find(ReportHandler, { report }, { orderBy: { position: 'asc' }, populate: ['unit', 'team'] });
  const handler = input.handlerId ? handlers.find((candidate) => candidate.id === input.handlerId) : undefined;
  if (input.handlerId && !handler) throw badInput('input.handlerId', 'must name a handler of this report.');
  if (report.caseMode === CaseMode.JOINT && !handler) throw badInput('input.handlerId', 'is required for JOINT (联办): name the handler reporting back.');
  if (handler?.reportedAt) throw new AppError(ErrorCode.CONFLICT, 'This handler has already reported back. Nothing was changed.', { argument: 'input.handlerId' });
  const result = input.result.trim();
  if (report.caseMode === CaseMode.JOINT && !handler!.isLead) {
    applyMove(em, report, A.HANDLER_REPORT, { ...step, note: `${handlerName(handler!)}: ${result}`, isPublic: false });
  } else {
    applyMove(em, report, A.GIVE_FEEDBACK, { ...step, note: result, isPublic: true });
    report.result = result;
  }
  if (handler) Object.assign(handler, { reportedAt: now, result });
  await em.flush();
  return report;
}

export const ADVANCE_ACTIONS = [A.START, A.CLOSE, A.REJECT, A.MARK_DUPLICATE, A.HIDE, A.UNHIDE, A.REOPEN] as const;
const NEEDS_REASON = new Set<A>([A.REJECT, A.REOPEN, A.HIDE]);

export interface AdvanceReport {
  reportId: string;
  action: A;
  reason?: string | null;
  note?: string | null;
  isPublic?: boolean | null;
  duplicateOfId?: string | null;
}

/** The other staff steps. REJECT and REOPEN tell the resident why; a HIDE reason stays internal. */
export async function advanceReport(em: EntityManager, input: AdvanceReport, acting: StaffActing, now = new Date()): Promise<Report> {
  if (!(ADVANCE_ACTIONS as readonly A[]).includes(input.action)) {
    throw badInput('input.action', `must be one of ${ADVANCE_ACTIONS.join(', ')}: accept with acceptReport, report results with reportBack; residents confirm with their token.`);
  }
  assertText(input.note ?? undefined, 'input.note', 2000);
  if (NEEDS_REASON.has(input.action)) {
    if (!input.reason?.trim()) throw badInput('input.reason', `is required to ${input.action}.`);
    assertText(input.reason, 'input.reason', 500);
  }
  if (input.action === A.MARK_DUPLICATE && !input.duplicateOfId) throw badInput('input.duplicateOfId', 'is required to MARK_DUPLICATE: name the report this one repeats.');
  const report = await guardedReport(em, input.reportId, acting);
  const action = input.action as (typeof ADVANCE_ACTIONS)[number];
  const reason = input.reason?.trim();
  const note = reason ? (input.note ? `${reason}\n${input.note}` : reason) : input.note;
  const isPublic = action === A.HIDE || action === A.UNHIDE ? false : reason ? true : (input.isPublic ?? true);
  if (action === A.MARK_DUPLICATE) {
    const original = await findOrFail(em, Report, input.duplicateOfId!, 'input.duplicateOfId');
    if (original.id === report.id) throw badInput('input.duplicateOfId', 'must name another report, not this one.');
    if (original.centre.code !== report.centre.code) throw badInput('input.duplicateOfId', 'must name a report of the same centre.');
    if (original.status === ReportStatus.DUPLICATE) throw badInput('input.duplicateOfId', 'names a report that is itself a duplicate: name the original.');
    applyMove(em, report, action, { party: 'STAFF', note, isPublic, accountId: acting.accountId, at: now });
    report.duplicateOf = original;
  } else {
    applyMove(em, report, action, { party: 'STAFF', note, isPublic, accountId: acting.accountId, at: now });
    if (action === A.REJECT) report.rejectReason = reason;
    if (action === A.REOPEN) {
      // It starts over: accepted again with a new case mode, handlers and due date.
      Object.assign(report, {
        duplicateOf: undefined,
        caseMode: undefined,
        dueOn: undefined,
        result: undefined,
        confirmedAt: undefined,
        satisfaction: undefined,
        score: undefined,
        ratingComment: undefined,
      });
      await em.nativeDelete(ReportHandler, { report });
    }
  }
  await em.flush();
  return report;
}

function handlerName(handler: ReportHandler): string {
  return handler.unit?.name ?? handler.team?.name ?? handler.department ?? 'handler';
}
