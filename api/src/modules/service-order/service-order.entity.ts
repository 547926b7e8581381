import { OptionalProps, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { AllianceUnit } from '../alliance/alliance.entity';
import { Centre } from '../centre/centre.entity';
import { Resource } from '../resources/resource.entity';
import { VolunteerTeam } from '../volunteer/volunteer.entity';
import { DispatchStatus, EventActor, Satisfaction, ServiceCategory, ServiceOrderAction, ServiceOrderStatus } from './service-order.types';

/**
 * A resident's order (群众点单). The contact is personal data: only staff of the centre and its
 * region's administrators read it. The resident's token is kept as its SHA-256 only.
 */
@Entity({ tableName: 'service_order' })
@Index({ properties: ['centre', 'submittedAt'] })
@Check({ name: 'service_order_score_check', expression: 'score is null or (score >= 1 and score <= 5)' })
export class ServiceOrder {
  [OptionalProps]?: 'isSynthetic' | 'status' | 'submittedAt';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Enum({ items: () => ServiceCategory, nativeEnumName: 'service_category' })
  category!: ServiceCategory;

  @Index()
  @ManyToOne(() => Resource, { fieldName: 'resource_id', nullable: true, deleteRule: 'set null' })
  resource?: Rel<Resource>;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text' })
  contactName!: string;

  @Property({ type: 'text' })
  contactPhone!: string;

  @Enum({ items: () => ServiceOrderStatus, nativeEnumName: 'service_order_status' })
  status: ServiceOrderStatus = ServiceOrderStatus.SUBMITTED;

  @Property({ type: 'text', unique: 'service_order_token_hash_unique' })
  tokenHash!: string;

  /** SHA-256 of the resident's idempotency key: a double tap finds the first order by it. */
  @Property({ type: 'text', nullable: true, unique: 'service_order_submission_key_unique' })
  submissionKeyHash?: string;

  @Property({ type: 'text', nullable: true })
  submissionInputHash?: string;

  /** Counted in working days from acceptance (README “Service orders”). */
  @Property({ type: 'date', nullable: true })
  dueOn?: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  submittedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  dispatchedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  providerAcceptedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  startedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  doneReportedAt?: Date;

  /** The resident's latest "not done" (back to IN_PROGRESS). */
  @Property({ type: 'timestamptz', nullable: true })
  disputedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  reviewedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  rejectedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  markedDuplicateAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  reopenedAt?: Date;

  @Property({ type: 'text', nullable: true })
  rejectReason?: string;

  @ManyToOne(() => ServiceOrder, { fieldName: 'duplicate_of_id', nullable: true, deleteRule: 'set null' })
  duplicateOf?: Rel<ServiceOrder>;

  @Enum({ items: () => Satisfaction, nativeEnumName: 'satisfaction', nullable: true })
  satisfaction?: Satisfaction;

  @Property({ type: 'integer', nullable: true })
  score?: number;

  @Property({ type: 'text', nullable: true })
  reviewComment?: string;

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;
}

/** An offer of an order to one provider (派单), answered by accepting (接单) or declining. */
@Entity({ tableName: 'service_order_dispatch' })
@Check({ name: 'service_order_dispatch_provider_check', expression: '(unit_id is null) <> (team_id is null)' })
export class ServiceOrderDispatch {
  [OptionalProps]?: 'status' | 'dispatchedAt';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @Index()
  @ManyToOne(() => ServiceOrder, { fieldName: 'order_id', deleteRule: 'cascade' })
  order!: Rel<ServiceOrder>;

  @Index()
  @ManyToOne(() => AllianceUnit, { fieldName: 'unit_id', nullable: true, deleteRule: 'cascade' })
  unit?: Rel<AllianceUnit>;

  @Index()
  @ManyToOne(() => VolunteerTeam, { fieldName: 'team_id', nullable: true, deleteRule: 'cascade' })
  team?: Rel<VolunteerTeam>;

  /** Its place among the offers made together (they share dispatchedAt): lists show them in that order. */
  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'boolean' })
  isLead!: boolean;

  @Enum({ items: () => DispatchStatus, nativeEnumName: 'dispatch_status' })
  status: DispatchStatus = DispatchStatus.PENDING;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  dispatchedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  respondedAt?: Date;

  @Property({ type: 'text', nullable: true })
  reason?: string;
}

/** One step of an order's timeline: every transition writes one, public or internal. */
@Entity({ tableName: 'service_order_event' })
export class ServiceOrderEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Index()
  @ManyToOne(() => ServiceOrder, { fieldName: 'order_id', deleteRule: 'cascade' })
  order!: Rel<ServiceOrder>;

  @Property({ type: 'timestamptz' })
  at!: Date;

  @Enum({ items: () => ServiceOrderStatus, nativeEnumName: 'service_order_status', nullable: true })
  fromStatus?: ServiceOrderStatus;

  @Enum({ items: () => ServiceOrderStatus, nativeEnumName: 'service_order_status' })
  toStatus!: ServiceOrderStatus;

  @Enum({ items: () => ServiceOrderAction, nativeEnumName: 'service_order_action' })
  action!: ServiceOrderAction;

  @Property({ type: 'text', nullable: true })
  note?: string;

  /** Public entries are what the resident's token shows; internal ones (declines, staff notes) only staff. */
  @Property({ type: 'boolean' })
  isPublic!: boolean;

  @Enum({ items: () => EventActor, nativeEnumName: 'event_actor' })
  actor!: EventActor;

  /** The staff account that acted (or recorded a provider's answer); never shown to residents. */
  @Property({ type: 'uuid', nullable: true })
  actorAccountId?: string;
}
