import { createHash, createHmac, randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrderSubmissionLimits } from '../config';
import { AppError, ErrorCode, badInput } from '../errors/app-error';
import type { RateLimiter } from '../limits/rate-limiter';

/**
 * What residents' public submissions (service orders, reports) share: the token they follow
 * their submission with, the idempotency key's rules and the per-address / per-contact budgets.
 */

/** Residents' keys double as the secret a replayed token is derived from: they must not be guessable. */
export const MIN_RESIDENT_KEY_LENGTH = 16;
export const PHONE_PATTERN = /^\+?[\d -]{5,20}$/;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const phoneDigits = (phone: string) => phone.replace(/[^\d+]/g, '');

export function assertResidentKey(key: string | undefined, what: string): void {
  if (key !== undefined && (key.length < MIN_RESIDENT_KEY_LENGTH || key.length > 200)) {
    throw badInput('idempotencyKey', `must be ${MIN_RESIDENT_KEY_LENGTH} to 200 characters long: a fresh random value (a UUID) per ${what}.`);
  }
}

/**
 * A resident's token (`<prefix>` + 256 bits). Without an idempotency key it is random. With one
 * it is derived from the key and the input, so a replay (same key, same input) can answer the
 * same token again though only its hash is stored: whoever can replay already holds both.
 */
export function residentTokenFor(prefix: string, purpose: string, key: string | undefined, inputHash: string): string {
  const secret = key ? createHmac('sha256', key).update(`${purpose}\n${inputHash}`).digest() : randomBytes(32);
  return prefix + secret.toString('base64url');
}

export interface SubmissionBudget {
  /** The buckets' prefix: `order-submit`, `report-submit`. */
  bucket: string;
  /** What the RATE_LIMITED message calls them: `service orders`. */
  noun: string;
}

/**
 * Spends one submission from the address's hourly and the contact's daily budget, before
 * anything is read or written. Without a phone (a report may have no contact) only the address pays.
 */
export async function spendResidentSubmission(
  limiter: RateLimiter,
  limits: OrderSubmissionLimits,
  { bucket, noun }: SubmissionBudget,
  address: string | undefined,
  phone: string | undefined,
): Promise<void> {
  const byAddress = `${bucket}:address:${address ?? 'unknown'}`;
  const addressDecision = await limiter.consume(byAddress, 1, limits.perAddressPerHour, 3600);
  if (!addressDecision.allowed) throw rateLimited(noun, 'this address', addressDecision.retryAfterSeconds);
  if (!phone) return;
  // The phone is personal data: the bucket (in Redis when shared) is named by its hash.
  const contactDecision = await limiter.consume(`${bucket}:contact:${sha256(phoneDigits(phone))}`, 1, limits.perContactPerDay, 86_400);
  if (!contactDecision.allowed) {
    await limiter.refund(byAddress, 1);
    throw rateLimited(noun, 'this contact', contactDecision.retryAfterSeconds);
  }
}

function rateLimited(noun: string, who: string, retryAfterSeconds: number): AppError {
  return new AppError(ErrorCode.RATE_LIMITED, `Too many ${noun} from ${who}. Try again in ${retryAfterSeconds} s, or call the centre.`, { retryAfterSeconds });
}

/** How one kind of submission is made once: its token, its earlier submission by key, and its noun. */
export interface OnceOnly {
  tokenFor(key: string | undefined, inputHash: string): string;
  /** The submission first made with this key, if any (read afresh, past any identity map). */
  findByKeyHash(em: EntityManager, keyHash: string): Promise<{ id: string; submissionInputHash?: string | null } | null>;
  /** What the CONFLICT message calls it: `service order`, `report`. */
  noun: string;
}

/**
 * A resident's submission, made once per idempotency key: a replay (same key and input) answers
 * the first one and its token, also when both taps of a double tap passed the look-up and the
 * second insert lost; the same key with other input is a CONFLICT. `create` writes the record in
 * one transaction and answers its id.
 */
export async function submitOnce(
  em: EntityManager,
  { key, inputHash }: { key: string | undefined; inputHash: string },
  once: OnceOnly,
  create: (tx: EntityManager, submission: { token: string; keyHash: string | undefined }) => Promise<string>,
): Promise<{ id: string; token: string }> {
  const keyHash = key ? sha256(key) : undefined;
  const replay = async (from: EntityManager) => {
    const first = keyHash ? await once.findByKeyHash(from, keyHash) : null;
    if (!first) return undefined;
    if (first.submissionInputHash !== inputHash) {
      throw new AppError(ErrorCode.CONFLICT, `This idempotency key was used for another ${once.noun} (other input). Use a new key for a new ${once.noun}.`, {
        argument: 'idempotencyKey',
      });
    }
    return { id: first.id, token: once.tokenFor(key, inputHash) };
  };
  const earlier = await replay(em);
  if (earlier) return earlier;
  const token = once.tokenFor(key, inputHash);
  try {
    return { id: await em.transactional((tx) => create(tx, { token, keyHash })), token };
  } catch (error) {
    if (keyHash && error instanceof UniqueConstraintViolationException) {
      const first = await replay(em.fork());
      if (first) return first;
    }
    throw error;
  }
}
