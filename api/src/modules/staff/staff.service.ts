import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, StaffRole } from '../../auth/actor';
import { AppError, badInput, ErrorCode } from '../../errors/app-error';
import type { RateLimiter } from '../../limits/rate-limiter';
import { Centre } from '../centre/centre.entity';
import { RegionLevel } from '../region/region.entity';
import { findRegion } from '../region/region.service';
import { LOGIN_THROTTLE, type LoginThrottlePolicy, reserveLoginAttempt } from './login-throttle';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { StaffAccount } from './staff-account.entity';
import { StaffSession } from './staff-session.entity';

export const SESSION_TOKEN_PREFIX = 'sst_';
export const MIN_PASSWORD_LENGTH = 12;

/** The region level each role is bound to; evaluators may sit at any level. */
const ROLE_LEVEL: Partial<Record<StaffRole, RegionLevel>> = {
  [StaffRole.CITY_ADMIN]: RegionLevel.CITY,
  [StaffRole.COUNTY_ADMIN]: RegionLevel.COUNTY,
  [StaffRole.STREET_ADMIN]: RegionLevel.STREET,
};

export interface NewStaffAccount {
  email: string;
  displayName: string;
  password: string;
  role: StaffRole;
  /** Required for every role but CENTRE_STAFF, whose region is its centre's. */
  regionCode?: string;
  centreCode?: string;
}

export async function createStaffAccount(em: EntityManager, input: NewStaffAccount): Promise<StaffAccount> {
  const email = normaliseEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw badInput('email', 'must be an email address.');
  if (input.password.length < MIN_PASSWORD_LENGTH) throw badInput('password', `must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (!input.displayName.trim()) throw badInput('displayName', 'must not be empty.');
  let centre: Centre | null = null;
  if (input.role === StaffRole.CENTRE_STAFF) {
    if (!input.centreCode) throw badInput('centreCode', 'is required for CENTRE_STAFF.');
    centre = await em.findOne(Centre, { code: input.centreCode }, { populate: ['region'] });
    if (!centre) throw new AppError(ErrorCode.NOT_FOUND, `No centre has the code "${input.centreCode}".`, { argument: 'centreCode' });
  } else if (input.centreCode) {
    throw badInput('centreCode', 'is only for CENTRE_STAFF.');
  }
  const region = centre ? centre.region : input.regionCode ? await findRegion(em, input.regionCode) : null;
  if (!region) throw new AppError(ErrorCode.NOT_FOUND, `No region has the code "${input.regionCode ?? ''}".`, { argument: 'regionCode' });
  const level = ROLE_LEVEL[input.role];
  if (level && region.level !== level) throw badInput('regionCode', `must be a ${level} region for ${input.role} (${region.name} is ${region.level}).`);
  if (await em.count(StaffAccount, { email })) throw new AppError(ErrorCode.CONFLICT, `An account with the email ${email} exists.`, { argument: 'email' });
  const account = em.create(StaffAccount, {
    email,
    displayName: input.displayName.trim(),
    role: input.role,
    region,
    centre: centre ?? undefined,
    passwordHash: await hashPassword(input.password),
  });
  await em.flush();
  return account;
}

/** Sets a new password and signs the account out everywhere (a leaked password's sessions end with it). */
export async function changeStaffPassword(em: EntityManager, email: string, password: string): Promise<StaffAccount> {
  if (password.length < MIN_PASSWORD_LENGTH) throw badInput('password', `must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  const account = await findAccount(em, email);
  account.passwordHash = await hashPassword(password);
  await em.flush();
  await revokeSessions(em, account);
  return account;
}

/** Disables an account: it can no longer sign in, and its sessions stop working at once. */
export async function disableStaffAccount(em: EntityManager, email: string): Promise<StaffAccount> {
  const account = await findAccount(em, email);
  account.disabledAt ??= new Date();
  await em.flush();
  await revokeSessions(em, account);
  return account;
}

async function findAccount(em: EntityManager, email: string): Promise<StaffAccount> {
  const account = await em.findOne(StaffAccount, { email: normaliseEmail(email) });
  if (!account) throw new AppError(ErrorCode.NOT_FOUND, `No staff account has the email ${normaliseEmail(email)}.`, { argument: 'email' });
  return account;
}

async function revokeSessions(em: EntityManager, account: StaffAccount): Promise<void> {
  await em.nativeUpdate(StaffSession, { account, revokedAt: null }, { revokedAt: new Date() });
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface LoginRequest {
  email: string;
  password: string;
  address: string;
}

export interface SignedIn {
  token: string;
  expiresAt: Date;
  account: StaffAccount;
}

/**
 * Checks the password and opens a session. A wrong email and a wrong password answer the
 * same, in about the same time, and spend the same attempts (see login-throttle.ts).
 */
export async function login(
  em: EntityManager,
  limiter: RateLimiter,
  sessionHours: number,
  request: LoginRequest,
  throttle: LoginThrottlePolicy = LOGIN_THROTTLE,
): Promise<SignedIn> {
  const email = normaliseEmail(request.email);
  const attempt = await reserveLoginAttempt(limiter, email, request.address, throttle);
  const account = await em.findOne(StaffAccount, { email }, { populate: ['passwordHash', 'region', 'centre'] });
  const isValid = await verifyPassword(request.password, account?.passwordHash ?? (await dummyHash()));
  if (!account || !isValid || account.disabledAt) {
    await attempt.failed();
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'The email or the password is wrong, or the account is disabled.');
  }
  await attempt.succeeded();
  const token = `${SESSION_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(Date.now() + sessionHours * 3600_000);
  em.create(StaffSession, { tokenHash: hashSessionToken(token), account, expiresAt });
  await em.flush();
  return { token, expiresAt, account };
}

export async function logout(em: EntityManager, actor: Actor, token: string): Promise<void> {
  await em.nativeUpdate(StaffSession, { tokenHash: hashSessionToken(token), account: actor.accountId }, { revokedAt: new Date() });
}

/** The actor of a session token, or why there is none. */
export async function authenticate(em: EntityManager, token: string, now = new Date()): Promise<Actor | { refusal: string }> {
  const session = await em.findOne(StaffSession, { tokenHash: hashSessionToken(token) }, { populate: ['account.region'] });
  if (!session) return { refusal: 'The staff token is not known.' };
  if (session.revokedAt) return { refusal: 'The staff token was signed out.' };
  if (session.expiresAt <= now) return { refusal: 'The staff token has expired: sign in again.' };
  const { account } = session;
  if (account.disabledAt) return { refusal: 'The staff account is disabled.' };
  return {
    accountId: account.id,
    email: account.email,
    role: account.role,
    regionCode: account.region.code,
    regionPath: account.region.path,
    centreCode: account.centre?.code,
  };
}
