import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { Region } from '../region/region.entity';
import { toFullRegionCode } from '../region/region.service';
import { ApiKey, ApiKeyKind, ApiKeyUsage } from './api-key.entity';

export const KEY_PREFIX = 'sc_';
export const PUBLISHABLE_KEY_PREFIX = 'pk_';
/** What a key looks like, by kind: the prefix tells a secret key apart before any lookup. */
export const KEY_PATTERN = /^(sc|pk)_[A-Za-z0-9_-]{16,64}$/;

export function isSecretKey(text: string): boolean {
  return text.startsWith(KEY_PREFIX);
}

export interface NewApiKey {
  name: string;
  regionCode?: string;
  allowedOrigins: string[];
  ratePerMinute: number;
  expiresAt?: Date;
  safelistOnly?: boolean;
  kind?: ApiKeyKind;
}

/** What a request carries once its key is checked. */
export interface KeyGrant {
  keyId: number;
  name: string;
  ratePerMinute: number;
  allowedOrigins: string[];
  safelistOnly: boolean;
  kind: ApiKeyKind;
  /** Path of the region subtree the key may read (Region.path), absent for all of Yuxi. */
  scopePath?: string;
  scopeRegionCode?: string;
}

export type KeyCheck = { grant: KeyGrant } | { refusal: 'unknown' | 'revoked' | 'expired' };

export function hashKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Creates a key and returns its secret: the only time anyone sees it. */
export async function createApiKey(em: EntityManager, input: NewApiKey): Promise<{ key: ApiKey; secret: string }> {
  const problems = validate(input);
  const regionCode = input.regionCode ? toFullRegionCode(input.regionCode) : undefined;
  if (regionCode && problems.length === 0 && !(await em.findOne(Region, { code: regionCode }))) {
    problems.push(`region: no region has the code ${input.regionCode}`);
  }
  if (problems.length > 0) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `Cannot create the key: ${problems.join('; ')}.`);
  }
  const kind = input.kind ?? ApiKeyKind.SECRET;
  const secret = `${kind === ApiKeyKind.PUBLISHABLE ? PUBLISHABLE_KEY_PREFIX : KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const key = em.create(ApiKey, {
    name: input.name.trim(),
    kind,
    prefix: secret.slice(0, 10),
    keyHash: hashKey(secret),
    allowedOrigins: input.allowedOrigins.map((origin) => new URL(origin).origin),
    regionCode,
    ratePerMinute: input.ratePerMinute,
    expiresAt: input.expiresAt,
    safelistOnly: input.safelistOnly ?? false,
    createdAt: new Date(),
  });
  await em.flush();
  return { key, secret };
}

export async function revokeApiKey(em: EntityManager, id: number): Promise<ApiKey> {
  const key = await em.findOne(ApiKey, { id });
  if (!key) throw new AppError(ErrorCode.NOT_FOUND, `No API key has the id ${id}.`);
  key.revokedAt ??= new Date();
  await em.flush();
  return key;
}

/** One statement: the key and the path of its region. */
export async function checkApiKey(em: EntityManager, secret: string, now = new Date()): Promise<KeyCheck> {
  const [row] = await em.getConnection().execute<
    Array<{
      id: number;
      name: string;
      rate_per_minute: number;
      allowed_origins: string[];
      safelist_only: boolean;
      kind: ApiKeyKind;
      region_code: string | null;
      path: string | null;
      expires_at: Date | null;
      revoked_at: Date | null;
    }>
  >(
    `select k.id, k.name, k.rate_per_minute, k.allowed_origins, k.safelist_only, k.kind, k.region_code, r.path, k.expires_at, k.revoked_at
       from api_key k left join region r on r.code = k.region_code where k.key_hash = ?`,
    [hashKey(secret)],
  );
  if (!row) return { refusal: 'unknown' };
  if (row.revoked_at) return { refusal: 'revoked' };
  if (row.expires_at && new Date(row.expires_at) <= now) return { refusal: 'expired' };
  return {
    grant: {
      keyId: row.id,
      name: row.name,
      ratePerMinute: row.rate_per_minute,
      allowedOrigins: row.allowed_origins,
      safelistOnly: row.safelist_only,
      kind: row.kind,
      scopePath: row.path ?? undefined,
      scopeRegionCode: row.region_code ?? undefined,
    },
  };
}

export interface KeyWithUsage {
  key: ApiKey;
  usage: Array<{ day: string; requests: number; cost: number }>;
}

export async function listKeysWithUsage(em: EntityManager, days = 7): Promise<KeyWithUsage[]> {
  const since = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  const [keys, usage] = await Promise.all([em.find(ApiKey, {}, { orderBy: { id: 'asc' } }), em.find(ApiKeyUsage, { day: { $gte: since } }, { orderBy: { day: 'desc' } })]);
  return keys.map((key) => ({
    key,
    usage: usage.filter((row) => row.keyId === key.id).map(({ day, requests, cost }) => ({ day, requests, cost })),
  }));
}

function validate(input: NewApiKey): string[] {
  const problems: string[] = [];
  if (!input.name || input.name.trim().length === 0 || input.name.length > 100) problems.push('name: 1 to 100 characters');
  if (!Number.isInteger(input.ratePerMinute) || input.ratePerMinute < 1 || input.ratePerMinute > 1_000_000) {
    problems.push('rate: a whole number of cost points per minute, 1 to 1,000,000');
  }
  if (input.regionCode !== undefined && !/^\d{6}(\d{3}){0,2}$/.test(input.regionCode)) problems.push('region: a 6-, 9- or 12-digit code');
  for (const origin of input.allowedOrigins) {
    if (!isOrigin(origin)) problems.push(`origins: ${origin} is not an origin such as https://portal.example.org`);
  }
  if (input.kind === ApiKeyKind.PUBLISHABLE && input.allowedOrigins.length === 0) {
    problems.push('origins: a publishable key works only from its origins, so it needs at least one');
  }
  if (input.expiresAt && (Number.isNaN(input.expiresAt.getTime()) || input.expiresAt <= new Date())) problems.push('expires: a date in the future');
  return problems;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}
