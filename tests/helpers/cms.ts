import { TEST_DATABASE_NAME } from '../setup/test-database';
import { createServer } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { databaseFromUrl, loadConfig, type DatabaseConfig } from '../../api/src/config';
import { dropDatabase, ensureDatabase } from '../../api/src/db/database';
import { startCms, type CmsProcess } from '../../api/src/stack/cms-process';
import { cmsEnvironment } from '../../api/src/stack/start-stack';
import type { CmsSecrets } from '../../api/src/stack/secrets';

export const CMS_DIR = path.resolve(__dirname, '../../cms');

/** Fixed secrets for tests; real runs generate theirs into DATA_DIR. */
export const TEST_SECRETS: CmsSecrets = {
  APP_KEYS: 'test-app-key-1,test-app-key-2',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret-0123456789',
  API_TOKEN_SALT: 'test-api-token-salt-0123456789ab',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt-01234567',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789abc',
  CMS_API_TOKEN: 'test-cms-api-token-0123456789abcdefghijklmnop',
  CMS_WEBHOOK_SECRET: 'test-webhook-secret-0123456789abcdefghijkl',
  PREVIEW_SECRET: 'test-preview-secret-0123456789abcdefghijklm',
};

export const DEMO_EDITOR = { email: 'editor@example.com', password: 'Editor-Star-2024' };
export const SUPER_ADMIN = { email: 'admin@example.com', password: 'Admin-Star-2024' };

export interface TestCms {
  url: string;
  database: DatabaseConfig;
  env: NodeJS.ProcessEnv;
  /** Stops and starts the same CMS again (a second bootstrap on the same database), optionally with other settings. */
  restart(overrides?: NodeJS.ProcessEnv): Promise<void>;
  stop(): Promise<void>;
  /** An admin-panel JWT, as the admin UI gets it when someone logs in. */
  login(account?: { email: string; password: string }): Promise<string>;
  admin<T = any>(method: string, route: string, token: string, body?: unknown): Promise<{ status: number; body: T }>;
  rest<T = any>(method: string, route: string, token: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/**
 * A real Strapi (`strapi start`, the built admin included) on a fresh database of its own,
 * pointed at a running API for centre-code checks.
 */
export async function startTestCms(name: string, apiUrl: string, { port }: { port?: number } = {}): Promise<TestCms> {
  const database = databaseFromUrl(process.env.TEST_DATABASE_URL!, `${TEST_DATABASE_NAME}_cms_${name}`);
  await dropDatabase(database);
  await ensureDatabase(database);
  const cmsPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${cmsPort}`;
  const config = loadConfig({ NODE_ENV: 'test', CMS_PORT: String(cmsPort) });
  const env = {
    ...cmsEnvironment(config, TEST_SECRETS, database),
    API_INTERNAL_URL: apiUrl,
    API_PUBLIC_URL: apiUrl,
    CMS_PUBLIC_URL: url,
  };
  const logger = pino({ level: 'silent' });
  let cms: CmsProcess = await startCms({ cmsDir: CMS_DIR, env, url, logger });

  const call = async (method: string, route: string, token: string, body?: unknown) => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return {
    url,
    database,
    env,
    restart: async (overrides = {}) => {
      await cms.stop();
      cms = await startCms({ cmsDir: CMS_DIR, env: { ...env, ...overrides }, url, logger });
    },
    stop: () => cms.stop(),
    login: async (account = SUPER_ADMIN) => {
      const response = await fetch(`${url}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      });
      const body = (await response.json()) as { data?: { token: string } };
      if (!body.data?.token) throw new Error(`login as ${account.email} failed: ${JSON.stringify(body)}`);
      return body.data.token;
    },
    admin: call,
    rest: (method, route, token, body) => call(method, `/api${route}`, token, body),
  };
}

/** A port nothing listens on now, for a CMS whose address the API must know first. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
