import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities';
import { migrationsList } from './migrations';

export interface OrmOptions {
  databaseUrl: string;
  /** Receives every SQL statement; tests use it to count statements. */
  onQuery?: (sql: string) => void;
}

export function createOrmConfig({ databaseUrl, onQuery }: OrmOptions): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    // Request code always works on a forked EntityManager (see context.ts).
    allowGlobalContext: false,
    forceUndefined: true,
    pool: { min: 0, max: 10 },
    loggerFactory: (options) => new QueryListeningLogger(options, onQuery),
  });
}

/** Hands every statement to a listener without printing it. */
class QueryListeningLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly onQuery?: (sql: string) => void,
  ) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    if (this.onQuery) {
      this.onQuery(context.query);
    }
    super.logQuery(context);
  }
}
