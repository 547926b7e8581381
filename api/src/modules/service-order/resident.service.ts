import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrderSubmissionLimits } from '../../config';
import { AppError, ErrorCode, badInput } from '../../errors/app-error';
import { assertResidentKey, type OnceOnly, PHONE_PATTERN, phoneDigits, residentTokenFor, sha256, spendResidentSubmission, submitOnce } from '../../shared/resident-submission';
import type { RateLimiter } from '../../limits/rate-limiter';
import { assertInEnum, assertText, newRecordId } from '../../shared/records';
import { Centre } from '../centre/centre.entity';
import { issueForReviewedOrder } from '../points/issue.service';
import { Resource, ResourceStatus } from '../resources/resource.entity';
import { isWithin, type Scope } from '../../shared/region-subtree';
import { ServiceOrder, ServiceOrderEvent } from './service-order.entity';
import { withdrawOpenOffers } from './service-order.service';
import { applyMove, lockOrder } from './service-order.timeline';
import { EventActor, Satisfaction, ServiceCategory, ServiceOrderAction as A, ServiceOrderStatus } from './service-order.types';

export const TOKEN_PREFIX = 'sor_';
const TOKEN_PATTERN = /^sor_[A-Za-z0-9_-]{43}$/;

export interface NewServiceOrder {
  centreCode: string;
  category: ServiceCategory;
  description: string;
  contactName: string;
  contactPhone: string;
  resourceId?: string | null;
}

export { MIN_RESIDENT_KEY_LENGTH, PHONE_PATTERN, sha256 } from '../../shared/resident-submission';

/** The resident's token: random, or derived from the idempotency key and the input (shared/resident-submission.ts). */
const tokenFor = (key: string | undefined, inputHash: string) => residentTokenFor(TOKEN_PREFIX, 'service-order-token', key, inputHash);

/** A token's order id, or NOT_FOUND; the token is never echoed. */
export async function orderIdByToken(em: EntityManager, token: string): Promise<string> {
  const found = TOKEN_PATTERN.test(token) ? await em.findOne(ServiceOrder, { tokenHash: sha256(token) }, { fields: ['id'] }) : null;
  if (!found) throw new AppError(ErrorCode.NOT_FOUND, 'No service order has this token: check it was copied whole.', { argument: 'token' });
  return found.id;
}

export function tokenHashOf(token: string): string | undefined {
  return TOKEN_PATTERN.test(token) ? sha256(token) : undefined;
}

/** Spends one submission from the address's hourly and the contact's daily budget, before anything is read or written. */
export async function spendSubmission(limiter: RateLimiter, limits: OrderSubmissionLimits, address: string | undefined, phone: string): Promise<void> {
  await spendResidentSubmission(limiter, limits, { bucket: 'order-submit', noun: 'service orders' }, address, phone);
}

/** The input as stored and compared: trimmed, the phone without spaces or dashes. */
export function normalise(input: NewServiceOrder): NewServiceOrder {
  return {
    centreCode: input.centreCode.trim(),
    category: input.category,
    description: input.description.trim(),
    contactName: input.contactName.trim(),
    contactPhone: phoneDigits(input.contactPhone),
    resourceId: input.resourceId?.trim() || null,
  };
}

/**
 * A resident's order (no sign-in): SUBMITTED, with its first timeline entry. With a key, a
 * double tap answers the first order (and its token) instead of a second one; the same key
 * with other input is a CONFLICT. Messages never repeat the contact.
 */
export async function submitOrder(em: EntityManager, raw: NewServiceOrder, key: string | undefined, scope?: Scope): Promise<{ orderId: string; token: string }> {
  assertResidentKey(key, 'order');
  const input = normalise(raw);
  validate(input, raw);
  const inputHash = sha256(JSON.stringify(input));
  const { id, token } = await submitOnce(em, { key, inputHash }, ORDER_ONCE, async (tx, { token, keyHash }) => {
    const centre = await tx.findOne(Centre, { code: input.centreCode }, { populate: ['region'] });
    // A key limited to a region submits as it reads: centres outside its subtree do not exist for it.
    if (!centre || (scope && !isWithin(centre.region.path, scope.path)))
      throw new AppError(ErrorCode.NOT_FOUND, `No centre has the code "${input.centreCode}".`, { argument: 'input.centreCode' });
    const resource = input.resourceId ? await tx.findOne(Resource, { id: input.resourceId }) : undefined;
    if (input.resourceId && (!resource || resource.centre.code !== centre.code || resource.status !== ResourceStatus.ACTIVE)) {
      throw badInput('input.resourceId', `must name a published (ACTIVE) resource of ${centre.code}.`);
    }
    const order = tx.create(ServiceOrder, {
      id: newRecordId(),
      centre,
      category: input.category,
      resource: resource ?? undefined,
      description: input.description,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      tokenHash: sha256(token),
      submissionKeyHash: keyHash,
      submissionInputHash: keyHash ? inputHash : undefined,
    });
    tx.create(ServiceOrderEvent, { order, at: order.submittedAt, toStatus: ServiceOrderStatus.SUBMITTED, action: A.SUBMIT, isPublic: true, actor: EventActor.RESIDENT });
    await tx.flush();
    return order.id;
  });
  return { orderId: id, token };
}

const ORDER_ONCE: OnceOnly = {
  tokenFor,
  noun: 'service order',
  findByKeyHash: (em, keyHash) => em.findOne(ServiceOrder, { submissionKeyHash: keyHash }, { fields: ['id', 'submissionInputHash'], refresh: true }),
};

function validate(input: NewServiceOrder, raw: NewServiceOrder): void {
  assertInEnum(ServiceCategory, input.category, 'input.category');
  assertText(input.description, 'input.description', 2000);
  assertText(input.contactName, 'input.contactName', 50);
  // Never echo the number: it is personal data, and error messages reach logs and screens.
  if (!PHONE_PATTERN.test(raw.contactPhone) || input.contactPhone.replace('+', '').length < 5) throw badInput('input.contactPhone', 'must be a phone number.');
}

export interface ReviewInput {
  satisfaction: Satisfaction;
  score: number;
  comment?: string | null;
}

/** What a resident does with the token: cancel, confirm or dispute completion, review. */
export type ResidentStep = { action: A.CANCEL; reason?: string | null } | { action: A.CONFIRM | A.NOT_DONE; note?: string | null } | { action: A.REVIEW; review: ReviewInput };

export async function residentStep(em: EntityManager, token: string, step: ResidentStep, now = new Date()): Promise<string> {
  const id = await orderIdByToken(em, token);
  if (step.action === A.REVIEW) {
    assertInEnum(Satisfaction, step.review.satisfaction, 'input.satisfaction');
    if (!Number.isInteger(step.review.score) || step.review.score < 1 || step.review.score > 5)
      throw badInput('input.score', `must be a whole number from 1 to 5, got ${step.review.score}.`);
    assertText(step.review.comment ?? undefined, 'input.comment', 2000);
  }
  const note = step.action === A.CANCEL ? step.reason : step.action === A.REVIEW ? null : step.note;
  assertText(note ?? undefined, step.action === A.CANCEL ? 'reason' : 'note', 2000);
  await em.transactional(async (tx) => {
    const order = await lockOrder(tx, id, 'token');
    const event = applyMove(tx, order, step.action, { party: 'RESIDENT', note, isPublic: true, at: now });
    if (step.action === A.CANCEL) await withdrawOpenOffers(tx, order, now);
    if (step.action === A.REVIEW) {
      Object.assign(order, { satisfaction: step.review.satisfaction, score: step.review.score, reviewComment: step.review.comment?.trim() || undefined });
      // 积分: ORDER_REVIEWED points, in this transaction, once per order. The review stands without them
      // (no budget, a limit reached): the review's timeline entry says what happened.
      const points = await issueForReviewedOrder(tx, { id: order.id, centreCode: order.centre.code, contactPhone: order.contactPhone }, now);
      event.note = points.issued ? `积分 +${points.points} (ORDER_REVIEWED)` : `No points issued: ${points.reason}`;
    }
    await tx.flush();
  });
  return id;
}
