import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode, badInput } from '../../errors/app-error';
import { assertText, findOrFail, newRecordId, todayInChina } from '../../shared/records';
import { AllianceMembership, AllianceUnit, MembershipStatus } from '../alliance/alliance.entity';
import { addWorkingDays, statementsOf } from '../calendar/calendar.service';
import { guardCentreOf, type CentreGuard } from '../centre/centre.service';
import { VolunteerTeam } from '../volunteer/volunteer.entity';
import { ServiceOrder, ServiceOrderDispatch } from './service-order.entity';
import { applyMove, lockOrder } from './service-order.timeline';
import { DispatchStatus, ServiceOrderAction as A, ServiceOrderStatus } from './service-order.types';

/** An accepted order is due on the 5th working day after the day it was accepted (China time), on the working calendar. */
export const ORDER_DUE_WORKING_DAYS = 5;
export const MAX_OFFERS = 10;

/** Who is acting: the staff account, and the check that it may manage the order's centre. */
export interface StaffActing {
  accountId: string;
  guard: CentreGuard;
}

/** The staff actions taken by advanceServiceOrder; dispatching and providers' answers have their own mutations. */
export const ADVANCE_ACTIONS = [A.ACCEPT, A.START, A.REPORT_DONE, A.CLOSE, A.CANCEL, A.REJECT, A.MARK_DUPLICATE, A.REOPEN] as const;
/** Actions whose reason the resident is told (on the public timeline). */
const NEEDS_REASON = new Set<A>([A.REJECT, A.REOPEN, A.CANCEL]);

export interface AdvanceOrder {
  orderId: string;
  action: A;
  note?: string;
  isPublic?: boolean;
  reason?: string;
  duplicateOfId?: string;
}

async function guardedOrder(em: EntityManager, orderId: string, { guard }: StaffActing, argument = 'orderId'): Promise<ServiceOrder> {
  const order = await lockOrder(em, orderId, argument);
  await guardCentreOf(em, order, guard);
  return order;
}

export async function advanceOrder(em: EntityManager, input: AdvanceOrder, acting: StaffActing, now = new Date()): Promise<ServiceOrder> {
  if (!(ADVANCE_ACTIONS as readonly A[]).includes(input.action)) {
    throw badInput(
      'input.action',
      `must be one of ${ADVANCE_ACTIONS.join(', ')}: dispatch with dispatchServiceOrder, record a provider's answer with respondToDispatch; residents confirm and review with their token.`,
    );
  }
  assertText(input.note, 'input.note', 2000);
  if (NEEDS_REASON.has(input.action)) {
    if (input.reason === undefined || input.reason === null) throw badInput('input.reason', `is required to ${input.action}: the resident is told why.`);
    assertText(input.reason, 'input.reason', 500);
  }
  const order = await guardedOrder(em, input.orderId, acting);
  const action = input.action as (typeof ADVANCE_ACTIONS)[number];
  const reason = input.reason?.trim();
  const note = reason ? (input.note ? `${reason}\n${input.note}` : reason) : input.note;
  // Reasons are for the resident: an entry with one is public whatever isPublic says.
  const isPublic = reason ? true : (input.isPublic ?? true);
  const options = { party: 'STAFF' as const, note, isPublic, accountId: acting.accountId, at: now };
  if (action === A.MARK_DUPLICATE) {
    if (!input.duplicateOfId) throw badInput('input.duplicateOfId', 'is required to MARK_DUPLICATE: name the order this one repeats.');
    const original = await findOrFail(em, ServiceOrder, input.duplicateOfId, 'input.duplicateOfId');
    if (original.id === order.id) throw badInput('input.duplicateOfId', 'must name another order, not this one.');
    if (original.centre.code !== order.centre.code) throw badInput('input.duplicateOfId', 'must name an order of the same centre.');
    if (original.status === ServiceOrderStatus.DUPLICATE) throw badInput('input.duplicateOfId', 'names an order that is itself a duplicate: name the original.');
    applyMove(em, order, action, options);
    order.duplicateOf = original;
  } else if (action === A.ACCEPT) {
    applyMove(em, order, action, options);
    order.dueOn = await addWorkingDays(statementsOf(em), todayInChina(now), ORDER_DUE_WORKING_DAYS);
  } else {
    applyMove(em, order, action, options);
    if (action === A.REJECT) order.rejectReason = reason;
    if (action === A.REOPEN) order.duplicateOf = undefined;
    if (action === A.CANCEL) await withdrawOpenOffers(em, order, now);
  }
  await em.flush();
  return order;
}

export interface DispatchOffer {
  allianceUnitId?: string | null;
  volunteerTeamId?: string | null;
  isLead?: boolean | null;
}

/**
 * Offers an accepted order to one or more providers of its centre (派单): alliance units with an
 * active membership, or its volunteer teams. One offer is the lead (the only one, or the one marked).
 */
export async function dispatchOrder(
  em: EntityManager,
  input: { orderId: string; offers: DispatchOffer[]; note?: string },
  acting: StaffActing,
  now = new Date(),
): Promise<ServiceOrder> {
  if (input.offers.length === 0 || input.offers.length > MAX_OFFERS) throw badInput('input.offers', `must hold 1 to ${MAX_OFFERS} offers, got ${input.offers.length}.`);
  assertText(input.note, 'input.note', 2000);
  const leads = input.offers.filter((offer) => offer.isLead).length;
  if (leads > 1 || (leads === 0 && input.offers.length > 1)) throw badInput('input.offers', `must mark exactly one offer isLead (the lead provider), got ${leads}.`);
  const order = await guardedOrder(em, input.orderId, acting);
  applyMove(em, order, A.DISPATCH, { party: 'STAFF', note: input.note, isPublic: true, accountId: acting.accountId, at: now });
  const seen = new Set<string>();
  for (const [index, offer] of input.offers.entries()) {
    const argument = `input.offers[${index}]`;
    if (!offer.allianceUnitId === !offer.volunteerTeamId) throw badInput(argument, 'must name either allianceUnitId or volunteerTeamId.');
    const providerKey = offer.allianceUnitId ? `unit:${offer.allianceUnitId}` : `team:${offer.volunteerTeamId}`;
    if (seen.has(providerKey)) throw badInput(argument, 'offers the order to the same provider twice.');
    seen.add(providerKey);
    const isLead = offer.isLead ?? input.offers.length === 1;
    if (offer.allianceUnitId) {
      const unit = await findOrFail(em, AllianceUnit, offer.allianceUnitId, `${argument}.allianceUnitId`);
      const active = await em.count(AllianceMembership, { centre: order.centre, unit, status: MembershipStatus.ACTIVE });
      if (!active) throw badInput(`${argument}.allianceUnitId`, `must name a unit with an active membership of the alliance of ${order.centre.code}.`);
      em.create(ServiceOrderDispatch, { id: newRecordId(), order, unit, position: index, isLead, dispatchedAt: now });
    } else {
      const team = await findOrFail(em, VolunteerTeam, offer.volunteerTeamId!, `${argument}.volunteerTeamId`);
      if (team.centre.code !== order.centre.code) throw badInput(`${argument}.volunteerTeamId`, `must name a volunteer team of ${order.centre.code}.`);
      em.create(ServiceOrderDispatch, { id: newRecordId(), order, team, position: index, isLead, dispatchedAt: now });
    }
  }
  await em.flush();
  return order;
}

/**
 * A provider's answer to its offer, recorded by centre staff (providers have no accounts). The
 * first acceptance wins the order and becomes its lead; the other open offers are withdrawn, so
 * a second acceptance, even one sent at the same moment, is a CONFLICT (the order's row lock
 * makes it wait for the first and then see it). When the last open offer is declined the order
 * goes back to ACCEPTED, to be dispatched again.
 */
export async function respondToDispatch(
  em: EntityManager,
  input: { dispatchId: string; accept: boolean; reason?: string },
  acting: StaffActing,
  now = new Date(),
): Promise<ServiceOrder> {
  if (!input.accept) {
    if (input.reason === undefined || input.reason === null) throw badInput('reason', 'is required when the provider declines.');
  }
  assertText(input.reason, 'reason', 500);
  const found = await em.findOne(ServiceOrderDispatch, { id: input.dispatchId });
  if (!found) throw new AppError(ErrorCode.NOT_FOUND, `No dispatch has the id "${input.dispatchId}".`, { argument: 'dispatchId' });
  const order = await guardedOrder(em, found.order.id, acting, 'dispatchId');
  const offers = await em.find(ServiceOrderDispatch, { order }, { refresh: true, populate: ['unit', 'team'], orderBy: { dispatchedAt: 'asc', position: 'asc' } });
  const offer = offers.find((candidate) => candidate.id === input.dispatchId)!;
  const step = { party: 'STAFF' as const, accountId: acting.accountId, at: now };
  if (order.status !== ServiceOrderStatus.DISPATCHED) {
    // The usual way here: two acceptances at once, and this one waited on the row lock for the other.
    const why = offer.status === DispatchStatus.WITHDRAWN && order.providerAcceptedAt ? ': another provider took it first (接单)' : '';
    throw new AppError(ErrorCode.CONFLICT, `This order is ${order.status}, no longer waiting for providers' answers${why}. Nothing was changed.`, {
      argument: 'dispatchId',
      status: order.status,
      dispatchStatus: offer.status,
    });
  }
  if (offer.status !== DispatchStatus.PENDING) {
    throw new AppError(ErrorCode.CONFLICT, `This offer was already answered (${offer.status}). Nothing was changed.`, { argument: 'dispatchId', dispatchStatus: offer.status });
  }
  if (input.accept) {
    applyMove(em, order, A.PROVIDER_ACCEPT, { ...step, note: `${providerName(offer)} 接单`, isPublic: true });
    for (const other of offers) {
      other.isLead = other === offer;
      if (other !== offer && other.status === DispatchStatus.PENDING) Object.assign(other, { status: DispatchStatus.WITHDRAWN, respondedAt: now });
    }
    Object.assign(offer, { status: DispatchStatus.ACCEPTED, respondedAt: now, reason: input.reason?.trim() });
  } else {
    applyMove(em, order, A.DECLINE, { ...step, note: `${providerName(offer)}: ${input.reason!.trim()}`, isPublic: false });
    Object.assign(offer, { status: DispatchStatus.DECLINED, respondedAt: now, reason: input.reason!.trim() });
    if (!offers.some((other) => other.status === DispatchStatus.PENDING)) {
      applyMove(em, order, A.ALL_DECLINED, { party: 'SYSTEM', isPublic: true, at: now });
    }
  }
  await em.flush();
  return order;
}

/** Offers still waiting for an answer are off once the order is cancelled. */
export async function withdrawOpenOffers(em: EntityManager, order: ServiceOrder, now: Date): Promise<void> {
  await em.nativeUpdate(ServiceOrderDispatch, { order, status: DispatchStatus.PENDING }, { status: DispatchStatus.WITHDRAWN, respondedAt: now });
}

function providerName(offer: ServiceOrderDispatch): string {
  return offer.unit?.name ?? offer.team?.name ?? 'provider';
}
