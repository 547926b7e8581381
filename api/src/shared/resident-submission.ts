import { createHash, createHmac, randomBytes } from 'node:crypto';
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
