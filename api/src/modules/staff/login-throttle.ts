import { AppError, ErrorCode } from '../../errors/app-error';
import type { RateLimiter } from '../../limits/rate-limiter';

export interface LoginThrottlePolicy {
  attemptsPerAccount: number;
  attemptsPerAddress: number;
  /** The attempt window, and the first lockout. */
  windowSeconds: number;
  /** Each further lockout of an account doubles, up to this. */
  maxLockoutSeconds: number;
  /** How long an account's lockouts are remembered for the doubling. */
  lockoutMemorySeconds: number;
}

export const LOGIN_THROTTLE: LoginThrottlePolicy = {
  attemptsPerAccount: 5,
  attemptsPerAddress: 20,
  windowSeconds: 60,
  maxLockoutSeconds: 3600,
  lockoutMemorySeconds: 24 * 3600,
};

export interface ReservedAttempt {
  /** Gives the attempt back: a staff member who signs in fine is never slowed. */
  succeeded(): Promise<void>;
  /** Keeps the attempt spent; the one that spends an account's last attempt locks it. */
  failed(): Promise<void>;
}

/**
 * Takes one attempt from the account's and the address's budgets BEFORE the password is
 * checked, atomically in the limiter, so concurrent guesses cannot all pass a check made
 * before any of them has failed: at most `attemptsPerAccount` passwords are ever evaluated
 * per window. Lockouts double (1, 2, 4 … minutes, up to an hour) while remembered.
 */
export async function reserveLoginAttempt(limiter: RateLimiter, email: string, address: string, policy = LOGIN_THROTTLE): Promise<ReservedAttempt> {
  const accountBucket = `login-account:${email}`;
  const addressBucket = `login-address:${address}`;
  const lockBucket = `login-lock:${email}`;

  const lock = await limiter.consume(lockBucket, 0, 0);
  if (!lock.allowed) throw tooMany(lock.retryAfterSeconds);
  const byAccount = await limiter.consume(accountBucket, 1, policy.attemptsPerAccount, policy.windowSeconds);
  if (!byAccount.allowed) throw tooMany(byAccount.retryAfterSeconds);
  const byAddress = await limiter.consume(addressBucket, 1, policy.attemptsPerAddress, policy.windowSeconds);
  if (!byAddress.allowed) {
    await limiter.refund(accountBucket, 1);
    throw tooMany(byAddress.retryAfterSeconds);
  }

  return {
    succeeded: async () => {
      await Promise.all([limiter.refund(accountBucket, 1), limiter.refund(addressBucket, 1)]);
    },
    failed: async () => {
      if (byAccount.remaining > 0) return;
      const lockouts = await limiter.consume(`login-lockouts:${email}`, 1, Number.MAX_SAFE_INTEGER, policy.lockoutMemorySeconds);
      const seconds = Math.min(policy.windowSeconds * 2 ** (lockouts.spent - 1), policy.maxLockoutSeconds);
      await limiter.consume(lockBucket, 1, 1, seconds);
    },
  };
}

function tooMany(retryAfterSeconds: number): AppError {
  return new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many sign-in attempts. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}
