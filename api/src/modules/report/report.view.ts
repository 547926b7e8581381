import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toInstant } from '../../db/sql';
import { Connection } from '../../shared/pagination';
import { EventActor, Satisfaction } from '../service-order/service-order.types';
import { CaseMode, HandlerType, ReportAction, ReportKind, ReportStatus, ReportVisibility, VISIBILITY_OF } from './report.types';

/** What everyone who may see a report sees: no contact, no rating. */
@ObjectType({ simpleResolvers: true })
abstract class PublicReportFields {
  @Field(() => ID)
  id!: string;

  centreCode!: string;

  @Field(() => ReportKind)
  kind!: ReportKind;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true, description: 'A place in words, never coordinates.' })
  locationText!: string | null;

  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field(() => CaseMode, { nullable: true, description: 'Chosen when the centre accepts it.' })
  caseMode!: CaseMode | null;

  @Field(() => Date)
  submittedAt!: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the result was reported back (反馈).' })
  feedbackAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'What was done (反馈).' })
  result!: string | null;
}

@ObjectType('PublicReport', {
  simpleResolvers: true,
  description: 'A report of a public kind (hazard, lost property, mutual help) the centre accepted: no contact, no private data.',
})
export class PublicReportView extends PublicReportFields {}

@ObjectType({ simpleResolvers: true })
abstract class ReportFields extends PublicReportFields {
  @Field(() => ReportVisibility)
  visibility!: ReportVisibility;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, in working days: 5 after acceptance for 跟踪, 10 for 联办.' })
  dueOn!: string | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the resident confirmed and rated the result.' })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  rejectedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  markedDuplicateAt!: Date | null;

  @Field(() => Date, { nullable: true })
  reopenedAt!: Date | null;

  @Field(() => String, { nullable: true })
  rejectReason!: string | null;

  @Field(() => Satisfaction, { nullable: true })
  satisfaction!: Satisfaction | null;

  @Field(() => Int, { nullable: true })
  score!: number | null;

  @Field(() => String, { nullable: true })
  ratingComment!: string | null;
}

@ObjectType('ResidentReport', { simpleResolvers: true, description: 'A report as its reporter follows it with the token: the public timeline, no contact.' })
export class ResidentReportView extends ReportFields {}

@ObjectType('Report', { simpleResolvers: true, description: 'A resident’s report as staff of its centre and administrators of its region see it.' })
export class ReportView extends ReportFields {
  duplicateOfId!: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data: staff only, never in logs.' })
  contactName!: string | null;

  @Field(() => String, { nullable: true, description: 'Personal data: staff only, never in logs.' })
  contactPhone!: string | null;

  @Field({ description: 'Hidden from public lists by staff; kept.' })
  isHidden!: boolean;

  @Field(() => Date, { nullable: true })
  hiddenAt!: Date | null;

  @Field()
  isSynthetic!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A page of reports, newest first.' })
export class ReportConnection extends Connection(ReportView, 'Report') {}

@ObjectType({ simpleResolvers: true, description: 'A page of public reports, newest first.' })
export class PublicReportConnection extends Connection(PublicReportView, 'PublicReport') {}

@ObjectType('SubmittedReport', { simpleResolvers: true })
export class SubmittedReportView {
  @Field(() => ResidentReportView)
  report!: ResidentReportView;

  @Field({ description: 'Keep it: it follows, confirms and rates the report, and uploads its photos. Only its SHA-256 is stored.' })
  residentToken!: string;
}

@ObjectType('ReportEvent', { simpleResolvers: true, description: 'One step of a report’s timeline.' })
export class ReportEventView {
  @Field(() => ID)
  id!: string;

  reportId!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => ReportStatus, { nullable: true })
  fromStatus!: ReportStatus | null;

  @Field(() => ReportStatus)
  toStatus!: ReportStatus;

  @Field(() => ReportAction)
  action!: ReportAction;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field({ description: 'False for entries only staff see (handlers’ partial reports, hiding).' })
  isPublic!: boolean;

  @Field(() => EventActor)
  actor!: EventActor;
}

@ObjectType('ReportHandler', { simpleResolvers: true, description: 'A handler of a 跟踪 or 联办 case.' })
export class ReportHandlerView {
  @Field(() => ID)
  id!: string;

  reportId!: string;
  unitId!: string | null;
  teamId!: string | null;

  @Field(() => HandlerType)
  handlerType!: HandlerType;

  @Field(() => String, { nullable: true })
  department!: string | null;

  @Field()
  isLead!: boolean;

  @Field(() => Date, { nullable: true })
  reportedAt!: Date | null;

  @Field(() => String, { nullable: true })
  result!: string | null;
}

@ObjectType('ReportPhoto', { simpleResolvers: true, description: 'A photo, metadata (EXIF, GPS) stripped.' })
export class ReportPhotoView {
  @Field(() => ID)
  id!: string;

  reportId!: string;

  @Field()
  contentType!: string;

  @Field(() => Int)
  byteSize!: number;

  @Field(() => Date)
  createdAt!: Date;
}

const INSTANTS = ['submittedAt', 'acceptedAt', 'startedAt', 'feedbackAt', 'closedAt', 'confirmedAt', 'rejectedAt', 'markedDuplicateAt', 'hiddenAt', 'reopenedAt'] as const;
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The columns of a PublicReportView, from `report e`. */
export const PUBLIC_REPORT_COLUMNS = `e.id, e.centre_code as "centreCode", e.kind, e.description, e.location_text as "locationText", e.status, e.case_mode as "caseMode",
  e.submitted_at as "submittedAt", e.accepted_at as "acceptedAt", e.feedback_at as "feedbackAt", e.closed_at as "closedAt", e.result`;
/** The columns of a ResidentReportView: no contact. */
export const RESIDENT_REPORT_COLUMNS = `e.id, e.centre_code as "centreCode", e.kind, e.description, e.location_text as "locationText", e.status, e.case_mode as "caseMode",
  e.due_on::text as "dueOn", ${INSTANTS.filter((name) => name !== 'hiddenAt')
    .map((name) => `e.${snake(name)} as "${name}"`)
    .join(', ')},
  e.result, e.reject_reason as "rejectReason", e.satisfaction, e.score, e.rating_comment as "ratingComment"`;
/** The columns of a ReportView (staff). */
export const REPORT_COLUMNS = `${RESIDENT_REPORT_COLUMNS}, e.hidden_at as "hiddenAt", e.is_hidden as "isHidden", e.duplicate_of_id as "duplicateOfId",
  e.contact_name as "contactName", e.contact_phone as "contactPhone", e.is_synthetic as "isSynthetic"`;

/** Timestamps made Dates; the visibility derived from the kind. */
export function reportView<T extends object>(row: T): T {
  const view = { ...row } as Record<string, unknown>;
  for (const name of INSTANTS) if (name in view) view[name] = toInstant(view[name] as string | null);
  view.visibility = VISIBILITY_OF[view.kind as ReportKind];
  return view as T;
}

export const EVENT_COLUMNS = `v.id::text as id, v.report_id as "reportId", v.at, v.from_status as "fromStatus", v.to_status as "toStatus", v.action, v.note, v.is_public as "isPublic", v.actor`;
export const HANDLER_COLUMNS = `h.id, h.report_id as "reportId", h.unit_id as "unitId", h.team_id as "teamId", h.handler_type as "handlerType", h.department, h.is_lead as "isLead",
  h.reported_at as "reportedAt", h.result`;
export const PHOTO_COLUMNS = `p.id, p.report_id as "reportId", p.content_type as "contentType", p.byte_size as "byteSize", p.created_at as "createdAt"`;
