import { ConnectionException } from '@mikro-orm/core';

/** What a client is told to wait before trying again while the database cannot be reached. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

// Socket failures, and PostgreSQL's SQLSTATE classes 08 (connection), 53300 (too many
// connections) and 57P01-57P03 (server shutting down or starting).
const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', '53300', '57P01', '57P02', '57P03']);
// node-postgres and knex say so only in words.
const OUTAGE_MESSAGES = /^(Connection terminated|Connection ended unexpectedly|Knex: Timeout acquiring a connection|timeout exceeded when trying to connect)/;

/** True when an error means "the database is unreachable now", not "this request is wrong". */
export function isDatabaseOutage(error: unknown): boolean {
  // Not instanceof Error: the pool sometimes rejects with a plain object (graphql-js then
  // wraps it as NonErrorThrown with thrownValue), and socket errors may come from another realm.
  let current = error as Failure | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const code = String(current.code ?? '');
    if (
      current instanceof ConnectionException ||
      current.name === 'KnexTimeoutError' ||
      OUTAGE_CODES.has(code) ||
      code.startsWith('08') ||
      OUTAGE_MESSAGES.test(String(current.message ?? ''))
    ) {
      return true;
    }
    current = current.cause ?? current.thrownValue;
  }
  return false;
}

interface Failure {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: Failure;
  thrownValue?: Failure;
}
