import { z } from 'zod';

/**
 * The only module that reads process.env. Everything else receives a Config.
 * Every variable is documented in README.md and .env.example.
 */

const DEFAULT_DATABASE_NAME = 'star_centres';

const booleanString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

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
});

export interface DatabaseConfig {
  /** Connection URL of the API's own database. */
  url: string;
  /** Connection URL of the server's maintenance database, used to create the API database. */
  maintenanceUrl: string;
  name: string;
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

export function embeddedDatabase(port: number): DatabaseConfig {
  return databaseFromUrl(`postgres://postgres:postgres@127.0.0.1:${port}/${DEFAULT_DATABASE_NAME}`);
}
