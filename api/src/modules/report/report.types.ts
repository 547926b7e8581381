import { registerEnumType } from 'type-graphql';

/** What residents report (随手拍), as the article's 智惠兴文 mini-program sorts it. */
export enum ReportKind {
  HAZARD = 'HAZARD',
  DISPUTE = 'DISPUTE',
  LOST_PROPERTY = 'LOST_PROPERTY',
  CASE_LEAD = 'CASE_LEAD',
  HOUSEHOLD_INFO = 'HOUSEHOLD_INFO',
  MUTUAL_HELP = 'MUTUAL_HELP',
}

/** Who may see a report: derived from its kind, never chosen by the caller. */
export enum ReportVisibility {
  /** Listed publicly once accepted and unless hidden. */
  PUBLIC = 'PUBLIC',
  /** The reporter (token) and staff of the centre only. */
  PRIVATE = 'PRIVATE',
  /** Household information: like PRIVATE, and never in any public answer, not even counted. */
  NEVER_PUBLIC = 'NEVER_PUBLIC',
}

export const VISIBILITY_OF: Readonly<Record<ReportKind, ReportVisibility>> = {
  [ReportKind.HAZARD]: ReportVisibility.PUBLIC,
  [ReportKind.LOST_PROPERTY]: ReportVisibility.PUBLIC,
  [ReportKind.MUTUAL_HELP]: ReportVisibility.PUBLIC,
  [ReportKind.DISPUTE]: ReportVisibility.PRIVATE,
  [ReportKind.CASE_LEAD]: ReportVisibility.PRIVATE,
  [ReportKind.HOUSEHOLD_INFO]: ReportVisibility.NEVER_PUBLIC,
};

export const PUBLIC_KINDS = (Object.keys(VISIBILITY_OF) as ReportKind[]).filter((kind) => VISIBILITY_OF[kind] === ReportVisibility.PUBLIC);
export const isPublicKind = (kind: ReportKind) => VISIBILITY_OF[kind] === ReportVisibility.PUBLIC;

export enum ReportStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  IN_HANDLING = 'IN_HANDLING',
  FEEDBACK_GIVEN = 'FEEDBACK_GIVEN',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
  DUPLICATE = 'DUPLICATE',
}

/** 即办 closed on the spot, 跟踪 tracked, 联办 several handlers with one lead. */
export enum CaseMode {
  IMMEDIATE = 'IMMEDIATE',
  TRACKED = 'TRACKED',
  JOINT = 'JOINT',
}

export enum ReportAction {
  SUBMIT = 'SUBMIT',
  ACCEPT = 'ACCEPT',
  START = 'START',
  /** A handler of a 联办 case that is not the lead reports back: the case stays IN_HANDLING. */
  HANDLER_REPORT = 'HANDLER_REPORT',
  /** The lead (or the centre, for 即办 and 跟踪) reports the result: FEEDBACK_GIVEN. */
  GIVE_FEEDBACK = 'GIVE_FEEDBACK',
  CLOSE = 'CLOSE',
  /** The resident confirms the result and rates it. */
  CONFIRM = 'CONFIRM',
  REJECT = 'REJECT',
  MARK_DUPLICATE = 'MARK_DUPLICATE',
  HIDE = 'HIDE',
  UNHIDE = 'UNHIDE',
  REOPEN = 'REOPEN',
}

export enum HandlerType {
  ALLIANCE_UNIT = 'ALLIANCE_UNIT',
  VOLUNTEER_TEAM = 'VOLUNTEER_TEAM',
  /** A department staff name (派出所, 司法所 …): no record of its own. */
  DEPARTMENT = 'DEPARTMENT',
}

registerEnumType(ReportKind, {
  name: 'ReportKind',
  description:
    '隐患随手拍 HAZARD, 矛盾纠纷 DISPUTE (private), 捡物拾财 LOST_PROPERTY, 案件线索 CASE_LEAD (private), 房屋人口信息 HOUSEHOLD_INFO (never public), 互帮互助 MUTUAL_HELP.',
});
registerEnumType(ReportVisibility, { name: 'ReportVisibility', description: 'Derived from the kind: PUBLIC, PRIVATE (reporter and staff), NEVER_PUBLIC (household information).' });
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: '发现 SUBMITTED → 受理 ACCEPTED → 处置 IN_HANDLING → 反馈 FEEDBACK_GIVEN → CLOSED; or REJECTED, DUPLICATE. README “Reports and case handling”.',
});
registerEnumType(CaseMode, { name: 'CaseMode', description: '即办 IMMEDIATE (closed on the spot), 跟踪 TRACKED, 联办 JOINT (several handlers, one lead).' });
registerEnumType(ReportAction, { name: 'ReportAction', description: 'What moved a report: each timeline entry names one.' });
registerEnumType(HandlerType, { name: 'ReportHandlerType', description: 'An alliance unit, a volunteer team of the centre, or a department staff name.' });
