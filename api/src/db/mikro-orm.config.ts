import { DefaultLogger, type LogContext, type LoggerNamespace, type LoggerOptions } from '@mikro-orm/core';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities';
import { migrationsList } from './migrations';

export interface OrmOptions {
  databaseUrl: string;
  /** Receives every SQL statement; tests use it to count statements. */
  onQuery?: (sql: string) => void;
  /** Where the ORM's own messages go: migrations and warnings as info, the rest as debug. */
  log?: (message: string, level: 'debug' | 'info') => void;
}

export function createOrmConfig({ databaseUrl, onQuery, log }: OrmOptions): Options {
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
    // No single statement may run away with the database, whatever a query asks for.
    driverOptions: { connection: { statement_timeout: 15_000 } },
    loggerFactory: (options) => new ForwardingLogger(options, { onQuery, log }),
  });
}

/** Hands statements and messages to the app's listeners instead of printing to the console. */
class ForwardingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly listeners: Pick<OrmOptions, 'onQuery' | 'log'>,
  ) {
    super(options);
  }

  override log(namespace: LoggerNamespace, message: string, context?: LogContext): void {
    const isNotable = (namespace as string) === 'migrator' || context?.level === 'warning' || context?.level === 'error';
    this.listeners.log?.(`[${namespace}] ${message.replace(/\u001b\[\d+m/g, '')}`, isNotable ? 'info' : 'debug');
  }

  override logQuery(context: { query: string } & LogContext): void {
    this.listeners.onQuery?.(context.query);
  }
}
