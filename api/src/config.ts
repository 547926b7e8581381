import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The only module that reads process.env. Everything else receives a Config.
 * Every variable is documented in README.md and .env.example.
 */

const DEFAULT_DATABASE_NAME = 'star_centres';

const booleanString = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/**
 * TRUST_PROXY: which reverse proxies may name the client (X-Forwarded-For), as Express's
 * `trust proxy` takes it: `false` (none: the socket's peer is the client), a number of proxy hops
 * in front of the API, or their addresses (`loopback`, `uniquelocal`, `10.0.0.0/8`, …, comma-separated).
 * `true` is refused: it would let any client choose the address its budget is counted under.
 */
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const trustProxy = z
  .string()
  .trim()
  .transform((value, context): false | number | string => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const isProxy = (entry: string) => {
      if (PROXY_NAMES.includes(entry)) return true;
      const [address, prefix, ...rest] = entry.split('/');
      const family = isIP(address ?? '');
      const maxPrefix = family === 6 ? 128 : 32;
      return family !== 0 && rest.length === 0 && (prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= maxPrefix));
    };
    const bad = entries.filter((entry) => !isProxy(entry));
    if (value === 'true' || bad.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `must be false, a number of proxy hops (e.g. 1) or proxy addresses (${PROXY_NAMES.join(', ')}, 10.0.0.0/8, …), not ${value === 'true' ? 'true (any client could then choose its address)' : bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries.join(', ');
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  SEED_ON_START: booleanString.default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  API_INTERNAL_URL: z.string().url().optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  ANONYMOUS_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10_000),
  ORDER_SUBMISSIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  ORDER_SUBMISSIONS_PER_CONTACT_PER_DAY: z.coerce.number().int().min(1).default(5),
  GRAPHQL_INTROSPECTION: booleanString.default('true'),
  STAFF_SESSION_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(12),
  EMBED_FRAME_ANCESTORS: z.string().min(1).default('*'),
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).default(256),
  TRUST_PROXY: trustProxy.default('false'),
  // Reports' photos in an S3-compatible bucket instead of DATA_DIR (all four or none; the region defaults to us-east-1).
  PHOTO_S3_ENDPOINT: z.string().url().optional(),
  PHOTO_S3_BUCKET: z.string().min(1).optional(),
  PHOTO_S3_REGION: z.string().min(1).default('us-east-1'),
  PHOTO_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  PHOTO_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  PHOTO_S3_PREFIX: z.string().default('report-photos/'),
  CMS_ENABLED: booleanString.default('true'),
  CMS_URL: z.string().url().optional(),
  EDITORIAL_RECONCILE_SECONDS: z.coerce.number().int().min(0).default(300),
  CMS_HOST: z.string().min(1).default('127.0.0.1'),
  CMS_PORT: z.coerce.number().int().min(1).max(65535).default(1337),
  CMS_PUBLIC_URL: z.string().url().optional(),
  APP_KEYS: z.string().min(1).optional(),
  ADMIN_JWT_SECRET: z.string().min(16).optional(),
  API_TOKEN_SALT: z.string().min(16).optional(),
  TRANSFER_TOKEN_SALT: z.string().min(16).optional(),
  ENCRYPTION_KEY: z.string().min(16).optional(),
  CMS_API_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  CMS_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PREVIEW_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CMS_ADMIN_EMAIL: z.string().email().optional(),
  CMS_ADMIN_PASSWORD: z.string().min(8).optional(),
  CMS_EDITOR_EMAIL: z.string().email().optional(),
  CMS_EDITOR_PASSWORD: z.string().min(8).optional(),
});

/** Secrets shared by the CMS and the API; generated once into DATA_DIR outside production. */
export const CMS_SECRET_NAMES = [
  'APP_KEYS',
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
  'CMS_API_TOKEN',
  'CMS_WEBHOOK_SECRET',
  'PREVIEW_SECRET',
] as const;
export type CmsSecretName = (typeof CMS_SECRET_NAMES)[number];

/** Development accounts `npm start` prints; production must set its own (the CMS refuses these). */
export const DEVELOPMENT_ACCOUNTS = {
  admin: { email: 'admin@example.com', password: 'Admin-Star-2024' },
  editor: { email: 'editor@example.com', password: 'Editor-Star-2024' },
};

// A simple estimate, not a proof: it catches `aaaa…`, `changeme-changeme…`, `0123456789` repeated and short keys, while
// any random secret of 32+ characters (base64 or hex) passes with a wide margin.
const MIN_SECRET_LENGTH = 32;
const MIN_SECRET_DISTINCT = 10;
const MIN_SECRET_BITS = 96;

/** Why a production secret is too guessable, or undefined. APP_KEYS is a comma-separated list: each key counts. */
export function secretWeakness(name: CmsSecretName, value: string): string | undefined {
  const keys = name === 'APP_KEYS' ? value.split(',') : [value];
  for (const [index, key] of keys.entries()) {
    const which = keys.length > 1 ? `key ${index + 1} ` : '';
    const bits = Math.round(shannonBits(key));
    const distinct = new Set(key).size;
    const repeats = /^(.+?)\1+$/s.test(key);
    if (key.length < MIN_SECRET_LENGTH || distinct < MIN_SECRET_DISTINCT || bits < MIN_SECRET_BITS || repeats) {
      return (
        `${which}is too weak for production (${key.length} characters, ${distinct} distinct, about ${bits} bits` +
        `${repeats ? ', one part repeated' : ''}; ` +
        `needs ${MIN_SECRET_LENGTH}+ characters, ${MIN_SECRET_DISTINCT}+ distinct, ${MIN_SECRET_BITS}+ bits). ` +
        `Generate one with: openssl rand -base64 32`
      );
    }
  }
  return undefined;
}

/** Length × the Shannon entropy of the string's own character frequencies. */
function shannonBits(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bitsPerCharacter = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bitsPerCharacter -= p * Math.log2(p);
  }
  return bitsPerCharacter * text.length;
}

export interface CmsConfig {
  enabled: boolean;
  /** Where the CMS reaches the API (webhook, centre-code checks). */
  apiInternalUrl: string;
  /** Where the API reads the CMS (sync, draft preview). */
  internalUrl: string;
  /** Seconds between reconcile passes of the editorial read model; 0 turns them off. */
  reconcileSeconds: number;
  host: string;
  port: number;
  publicUrl: string;
  /** Only the secrets the environment sets; the rest are generated in development. */
  secrets: Partial<Record<CmsSecretName, string>>;
  admin: { email: string; password: string };
  editor: { email: string; password: string };
}

export interface DatabaseConfig {
  /** Connection URL of the API's own database. */
  url: string;
  /** Connection URL of the server's maintenance database, used to create the API database. */
  maintenanceUrl: string;
  name: string;
}

export interface PhotoS3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  prefix: string;
}

export interface OrderSubmissionLimits {
  perAddressPerHour: number;
  perContactPerDay: number;
}

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  publicUrl: string;
  /** Absent when no DATABASE_URL is set: start-up then runs an embedded PostgreSQL. */
  database: DatabaseConfig | undefined;
  dataDir: string;
  embeddedPgPort: number;
  seedOnStart: boolean;
  logLevel: string;
  /** Shared counters (rate limits, later caches) across replicas; in-process when absent. */
  redisUrl: string | undefined;
  /** Cost points per minute for requests without an API key, per client address. */
  anonymousRatePerMinute: number;
  /** Public service-order submissions: per client address an hour, per contact phone a day. */
  orderSubmissions: OrderSubmissionLimits;
  /** Schema introspection (on: portals generate clients from it). */
  introspection: boolean;
  /** How long a staff sign-in lasts before the token must be renewed by signing in again. */
  staffSessionHours: number;
  /** CSP frame-ancestors for keyless embedded cards ("*": any site may show them). */
  embedFrameAncestors: string;
  /** Open connections one client address may hold; 0 turns the cap off. */
  maxConnectionsPerAddress: number;
  /** Where reports' photos go when not under DATA_DIR (PHOTO_S3_*). */
  photoS3: PhotoS3Config | undefined;
  /** Express's `trust proxy`: false, a hop count, or proxy addresses (TRUST_PROXY). */
  trustProxy: false | number | string;
  cms: CmsConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  }
  const vars = parsed.data;
  if (vars.NODE_ENV === 'production') {
    const problems = CMS_SECRET_NAMES.flatMap((name) => {
      const weakness = vars[name] && secretWeakness(name, vars[name]);
      return weakness ? [`  ${name}: ${weakness}`] : [];
    });
    if (problems.length > 0) throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  }
  return Object.freeze({
    env: vars.NODE_ENV,
    host: vars.HOST,
    port: vars.PORT,
    publicUrl: (vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`).replace(/\/$/, ''),
    database: vars.DATABASE_URL ? databaseFromUrl(vars.DATABASE_URL) : undefined,
    dataDir: vars.DATA_DIR,
    embeddedPgPort: vars.EMBEDDED_PG_PORT,
    seedOnStart: vars.SEED_ON_START,
    logLevel: vars.LOG_LEVEL ?? (vars.NODE_ENV === 'test' ? 'silent' : 'info'),
    redisUrl: vars.REDIS_URL,
    anonymousRatePerMinute: vars.ANONYMOUS_RATE_PER_MINUTE,
    orderSubmissions: { perAddressPerHour: vars.ORDER_SUBMISSIONS_PER_ADDRESS_PER_HOUR, perContactPerDay: vars.ORDER_SUBMISSIONS_PER_CONTACT_PER_DAY },
    staffSessionHours: vars.STAFF_SESSION_HOURS,
    introspection: vars.GRAPHQL_INTROSPECTION,
    embedFrameAncestors: vars.EMBED_FRAME_ANCESTORS,
    maxConnectionsPerAddress: vars.MAX_CONNECTIONS_PER_ADDRESS,
    trustProxy: vars.TRUST_PROXY,
    photoS3: photoS3Of(vars),
    cms: {
      enabled: vars.CMS_ENABLED,
      apiInternalUrl: (vars.API_INTERNAL_URL ?? `http://${vars.HOST === '0.0.0.0' ? '127.0.0.1' : vars.HOST}:${vars.PORT}`).replace(/\/$/, ''),
      internalUrl: (vars.CMS_URL ?? `http://${vars.CMS_HOST === '0.0.0.0' ? '127.0.0.1' : vars.CMS_HOST}:${vars.CMS_PORT}`).replace(/\/$/, ''),
      reconcileSeconds: vars.EDITORIAL_RECONCILE_SECONDS,
      host: vars.CMS_HOST,
      port: vars.CMS_PORT,
      publicUrl: (vars.CMS_PUBLIC_URL ?? `http://localhost:${vars.CMS_PORT}`).replace(/\/$/, ''),
      secrets: Object.fromEntries(CMS_SECRET_NAMES.filter((name) => vars[name]).map((name) => [name, vars[name]!])),
      admin: {
        email: vars.CMS_ADMIN_EMAIL ?? DEVELOPMENT_ACCOUNTS.admin.email,
        password: vars.CMS_ADMIN_PASSWORD ?? DEVELOPMENT_ACCOUNTS.admin.password,
      },
      editor: {
        email: vars.CMS_EDITOR_EMAIL ?? DEVELOPMENT_ACCOUNTS.editor.email,
        password: vars.CMS_EDITOR_PASSWORD ?? DEVELOPMENT_ACCOUNTS.editor.password,
      },
    },
  });
}

/**
 * DATABASE_URL names the server and, optionally, the API's database in its path
 * (default star_centres). The database is created on start-up when missing.
 */
export function databaseFromUrl(rawUrl: string, nameOverride?: string): DatabaseConfig {
  const url = new URL(rawUrl);
  const name = nameOverride ?? (decodeURIComponent(url.pathname.replace(/^\//, '')) || DEFAULT_DATABASE_NAME);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new ConfigError(`DATABASE_URL: database name "${name}" must be lower-case letters, digits and _`);
  }
  const apiUrl = new URL(url);
  apiUrl.pathname = `/${name}`;
  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = '/postgres';
  return { url: apiUrl.toString(), maintenanceUrl: maintenanceUrl.toString(), name };
}

/** The API's database on the embedded PostgreSQL, as its superuser with the generated password. */
export function embeddedDatabase(port: number, password: string): DatabaseConfig {
  return databaseFromUrl(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DEFAULT_DATABASE_NAME}`);
}

const PHOTO_S3_REQUIRED = ['PHOTO_S3_ENDPOINT', 'PHOTO_S3_BUCKET', 'PHOTO_S3_ACCESS_KEY_ID', 'PHOTO_S3_SECRET_ACCESS_KEY'] as const;

function photoS3Of(vars: z.infer<typeof envSchema>): PhotoS3Config | undefined {
  const missing = PHOTO_S3_REQUIRED.filter((name) => !vars[name]);
  if (missing.length === PHOTO_S3_REQUIRED.length) return undefined;
  if (missing.length) throw new ConfigError(`Invalid environment:\n  ${missing.join(', ')}: required with the other PHOTO_S3_ settings`);
  return {
    endpoint: vars.PHOTO_S3_ENDPOINT!,
    bucket: vars.PHOTO_S3_BUCKET!,
    region: vars.PHOTO_S3_REGION,
    accessKeyId: vars.PHOTO_S3_ACCESS_KEY_ID!,
    secretAccessKey: vars.PHOTO_S3_SECRET_ACCESS_KEY!,
    prefix: vars.PHOTO_S3_PREFIX,
  };
}
