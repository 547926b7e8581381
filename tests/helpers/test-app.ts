import pino from 'pino';
import { createApp, type App, type AppOptions, type EditorialOptions } from '../../api/src/app';
import { databaseFromUrl, loadConfig } from '../../api/src/config';
import { recreateSeededDatabase, TEST_DATABASE_NAME } from '../setup/test-database';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
}

export interface TestApp {
  url: string;
  app: App;
  /** Every SQL statement the API ran since the last reset. */
  statements: string[];
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** The production app factory on the test database, listening on a free port; `parts` as the bench passes them. */
export async function createTestApp({
  editorial,
  env = {},
  databaseUrl = process.env.TEST_DATABASE_URL,
  parts = {},
  onContext,
}: {
  editorial?: EditorialOptions;
  env?: Record<string, string>;
  databaseUrl?: string;
  parts?: Pick<AppOptions, 'loaders' | 'responseCache'>;
  onContext?: AppOptions['onContext'];
} = {}): Promise<TestApp> {
  if (!databaseUrl) {
    throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (see tests/setup).');
  }
  const statements: string[] = [];
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', ANONYMOUS_RATE_PER_MINUTE: '1000000', ...env });
  const app = await createApp(config, {
    databaseUrl,
    logger: pino({ level: 'silent' }),
    onQuery: (sql) => statements.push(sql),
    editorial,
    ...parts,
    onContext,
  });
  const url = await app.listen();
  return {
    url,
    app,
    statements,
    gql: async (query, variables, headers = {}) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    stop: async () => {
      await app.stop();
      await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
    },
  };
}

/**
 * An app on a fresh, migrated and seeded database of its own, for tests that write to the
 * read model (the editorial sync) and must not disturb files running alongside.
 */
export async function createIsolatedTestApp(
  name: string,
  options: { editorial?: EditorialOptions; env?: Record<string, string>; onContext?: AppOptions['onContext'] } = {},
): Promise<TestApp> {
  const database = databaseFromUrl(process.env.TEST_DATABASE_URL!, `${TEST_DATABASE_NAME}_${name}`);
  await recreateSeededDatabase(database);
  return createTestApp({ ...options, databaseUrl: database.url });
}
