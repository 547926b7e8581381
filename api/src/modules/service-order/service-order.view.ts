import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toInstant } from '../../db/sql';
import { Connection } from '../../shared/pagination';
import { DispatchStatus, EventActor, Satisfaction, ServiceCategory, ServiceOrderAction, ServiceOrderStatus } from './service-order.types';

/** What a resident with the order's token and staff both see: no contact details. */
@ObjectType({ simpleResolvers: true })
abstract class ServiceOrderFields {
  @Field(() => ID)
  id!: string;

  centreCode!: string;
  resourceId!: string | null;

  @Field(() => ServiceCategory)
  category!: ServiceCategory;

  @Field()
  description!: string;

  @Field(() => ServiceOrderStatus)
  status!: ServiceOrderStatus;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the 5th working day after the centre accepted it (holidays and 调休 days counted).' })
  dueOn!: string | null;

  @Field(() => Date)
  submittedAt!: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  dispatchedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a provider took the order (接单).' })
  providerAcceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the provider reported the work done, asking the resident to confirm.' })
  doneReportedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the resident last said the work was not done.' })
  disputedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the resident confirmed it done (办结).' })
  completedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => Date, { nullable: true })
  rejectedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  markedDuplicateAt!: Date | null;

  @Field(() => Date, { nullable: true })
  reopenedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the centre rejected it.' })
  rejectReason!: string | null;

  @Field(() => Satisfaction, { nullable: true, description: 'The resident’s review (点评).' })
  satisfaction!: Satisfaction | null;

  @Field(() => Int, { nullable: true, description: '1 to 5.' })
  score!: number | null;

  @Field(() => String, { nullable: true })
  reviewComment!: string | null;
}

@ObjectType('ResidentServiceOrder', {
  simpleResolvers: true,
  description: 'An order as the resident who placed it follows it with its token: the public timeline, no contact details.',
})
export class ResidentServiceOrderView extends ServiceOrderFields {}

@ObjectType('ServiceOrder', { simpleResolvers: true, description: 'A resident’s service order (群众点单) as staff of its centre and administrators of its region see it.' })
export class ServiceOrderView extends ServiceOrderFields {
  duplicateOfId!: string | null;

  @Field({ description: 'Personal data: staff only, never in logs.' })
  contactName!: string;

  @Field({ description: 'Personal data: staff only, never in logs.' })
  contactPhone!: string;

  @Field()
  isSynthetic!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A page of service orders, newest first.' })
export class ServiceOrderConnection extends Connection(ServiceOrderView, 'ServiceOrder') {}

@ObjectType('SubmittedServiceOrder', { simpleResolvers: true })
export class SubmittedServiceOrderView {
  @Field(() => ResidentServiceOrderView)
  order!: ResidentServiceOrderView;

  @Field({ description: 'Keep it: it is how the resident follows, confirms, cancels and reviews the order. Only its SHA-256 is stored.' })
  residentToken!: string;
}

@ObjectType('ServiceOrderEvent', { simpleResolvers: true, description: 'One step of an order’s timeline.' })
export class ServiceOrderEventView {
  @Field(() => ID)
  id!: string;

  orderId!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => ServiceOrderStatus, { nullable: true, description: 'Null for the submission.' })
  fromStatus!: ServiceOrderStatus | null;

  @Field(() => ServiceOrderStatus)
  toStatus!: ServiceOrderStatus;

  @Field(() => ServiceOrderAction)
  action!: ServiceOrderAction;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field({ description: 'False for entries only staff see (declines, internal notes).' })
  isPublic!: boolean;

  @Field(() => EventActor)
  actor!: EventActor;
}

@ObjectType('ServiceOrderDispatch', {
  simpleResolvers: true,
  description: 'An offer of the order to an alliance unit or a volunteer team (派单), and its answer (接单 or declined).',
})
export class ServiceOrderDispatchView {
  @Field(() => ID)
  id!: string;

  orderId!: string;
  unitId!: string | null;
  teamId!: string | null;

  @Field()
  isLead!: boolean;

  @Field(() => DispatchStatus)
  status!: DispatchStatus;

  @Field(() => Date)
  dispatchedAt!: Date;

  @Field(() => Date, { nullable: true })
  respondedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the provider declined.' })
  reason!: string | null;
}

const INSTANTS = [
  'submittedAt',
  'acceptedAt',
  'dispatchedAt',
  'providerAcceptedAt',
  'startedAt',
  'doneReportedAt',
  'disputedAt',
  'completedAt',
  'reviewedAt',
  'closedAt',
  'cancelledAt',
  'rejectedAt',
  'markedDuplicateAt',
  'reopenedAt',
] as const;

const PUBLIC_COLUMNS = `e.id, e.centre_code as "centreCode", e.resource_id as "resourceId", e.category, e.description, e.status, e.due_on::text as "dueOn",
  ${INSTANTS.map((name) => `e.${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} as "${name}"`).join(', ')},
  e.reject_reason as "rejectReason", e.satisfaction, e.score, e.review_comment as "reviewComment"`;

/** The columns of a ResidentServiceOrderView, from `service_order e`: no contact. */
export const RESIDENT_ORDER_COLUMNS = PUBLIC_COLUMNS;
/** The columns of a ServiceOrderView (staff), from `service_order e`. */
export const ORDER_COLUMNS = `${PUBLIC_COLUMNS}, e.duplicate_of_id as "duplicateOfId", e.contact_name as "contactName", e.contact_phone as "contactPhone", e.is_synthetic as "isSynthetic"`;

/** Timestamps come from PostgreSQL as text: made Dates for the DateTimeISO scalar. */
export function withInstants<T extends object>(row: T): T {
  const view = { ...row } as Record<string, unknown>;
  for (const name of INSTANTS) if (name in view) view[name] = toInstant(view[name] as string | null);
  return view as T;
}

export const EVENT_COLUMNS = `v.id::text as id, v.order_id as "orderId", v.at, v.from_status as "fromStatus", v.to_status as "toStatus", v.action, v.note, v.is_public as "isPublic", v.actor`;
export const DISPATCH_COLUMNS = `p.id, p.order_id as "orderId", p.unit_id as "unitId", p.team_id as "teamId", p.is_lead as "isLead", p.status, p.dispatched_at as "dispatchedAt",
  p.responded_at as "respondedAt", p.reason`;
