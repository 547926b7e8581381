import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { AllianceUnit } from '../alliance/alliance.entity';
import { Centre } from '../centre/centre.entity';
import { EventActor, Satisfaction } from '../service-order/service-order.types';
import { VolunteerTeam } from '../volunteer/volunteer.entity';
import { CaseMode, HandlerType, ReportAction, ReportKind, ReportStatus } from './report.types';

/**
 * A resident's report (随手拍). The contact is personal data (staff of the centre only); the
 * token is kept as its SHA-256. Hidden and duplicate reports are kept, never deleted.
 */
@Entity({ tableName: 'report' })
@Index({ properties: ['centre', 'submittedAt'] })
@Check({ name: 'report_score_check', expression: 'score is null or (score >= 1 and score <= 5)' })
export class Report {
  [OptionalProps]?: 'isSynthetic' | 'status' | 'submittedAt' | 'isHidden';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Enum({ items: () => ReportKind, nativeEnumName: 'report_kind' })
  kind!: ReportKind;

  @Property({ type: 'text' })
  description!: string;

  /** A place in words (“3号楼东侧”), never coordinates. */
  @Property({ type: 'text', nullable: true })
  locationText?: string;

  @Property({ type: 'text', nullable: true })
  contactName?: string;

  @Property({ type: 'text', nullable: true })
  contactPhone?: string;

  @Enum({ items: () => ReportStatus, nativeEnumName: 'report_status' })
  status: ReportStatus = ReportStatus.SUBMITTED;

  @Enum({ items: () => CaseMode, nativeEnumName: 'case_mode', nullable: true })
  caseMode?: CaseMode;

  @Property({ type: 'boolean', default: false })
  isHidden: boolean = false;

  @Property({ type: 'text', unique: 'report_token_hash_unique' })
  tokenHash!: string;

  @Property({ type: 'text', nullable: true, unique: 'report_submission_key_unique' })
  submissionKeyHash?: string;

  @Property({ type: 'text', nullable: true })
  submissionInputHash?: string;

  @Property({ type: 'date', nullable: true })
  dueOn?: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  submittedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  startedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  feedbackAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  confirmedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  rejectedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  markedDuplicateAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  hiddenAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  reopenedAt?: Date;

  /** The result told to the resident (反馈). */
  @Property({ type: 'text', nullable: true })
  result?: string;

  @Property({ type: 'text', nullable: true })
  rejectReason?: string;

  @Index()
  @ManyToOne(() => Report, { fieldName: 'duplicate_of_id', nullable: true, deleteRule: 'set null' })
  duplicateOf?: Rel<Report>;

  @Enum({ items: () => Satisfaction, nativeEnumName: 'satisfaction', nullable: true })
  satisfaction?: Satisfaction;

  @Property({ type: 'integer', nullable: true })
  score?: number;

  @Property({ type: 'text', nullable: true })
  ratingComment?: string;

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;
}

/** One handler of a case: the only one (跟踪) or one of several (联办), exactly one of them the lead. */
@Entity({ tableName: 'report_handler' })
@Check({
  name: 'report_handler_kind_check',
  expression: `(handler_type = 'ALLIANCE_UNIT') = (unit_id is not null) and (handler_type = 'VOLUNTEER_TEAM') = (team_id is not null) and (handler_type = 'DEPARTMENT') = (department is not null)`,
})
export class ReportHandler {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Index()
  @ManyToOne(() => Report, { fieldName: 'report_id', deleteRule: 'cascade' })
  report!: Rel<Report>;

  @Enum({ items: () => HandlerType, nativeEnumName: 'report_handler_type' })
  handlerType!: HandlerType;

  @ManyToOne(() => AllianceUnit, { fieldName: 'unit_id', nullable: true, deleteRule: 'cascade' })
  unit?: Rel<AllianceUnit>;

  @ManyToOne(() => VolunteerTeam, { fieldName: 'team_id', nullable: true, deleteRule: 'cascade' })
  team?: Rel<VolunteerTeam>;

  @Property({ type: 'text', nullable: true })
  department?: string;

  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'boolean' })
  isLead!: boolean;

  @Property({ type: 'timestamptz' })
  assignedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  reportedAt?: Date;

  @Property({ type: 'text', nullable: true })
  result?: string;
}

/** One step of a report's timeline: every action writes one, public or internal. */
@Entity({ tableName: 'report_event' })
export class ReportEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Index()
  @ManyToOne(() => Report, { fieldName: 'report_id', deleteRule: 'cascade' })
  report!: Rel<Report>;

  @Property({ type: 'timestamptz' })
  at!: Date;

  @Enum({ items: () => ReportStatus, nativeEnumName: 'report_status', nullable: true })
  fromStatus?: ReportStatus;

  @Enum({ items: () => ReportStatus, nativeEnumName: 'report_status' })
  toStatus!: ReportStatus;

  @Enum({ items: () => ReportAction, nativeEnumName: 'report_action' })
  action!: ReportAction;

  @Property({ type: 'text', nullable: true })
  note?: string;

  @Property({ type: 'boolean' })
  isPublic!: boolean;

  @Enum({ items: () => EventActor, nativeEnumName: 'event_actor' })
  actor!: EventActor;

  @Property({ type: 'uuid', nullable: true })
  actorAccountId?: string;
}

/** A photo of a report, metadata stripped; the bytes live in the photo store under `storageKey`. */
@Entity({ tableName: 'report_photo' })
export class ReportPhoto {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @Index()
  @ManyToOne(() => Report, { fieldName: 'report_id', deleteRule: 'cascade' })
  report!: Rel<Report>;

  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: 'integer' })
  byteSize!: number;

  @Property({ type: 'text' })
  storageKey!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
