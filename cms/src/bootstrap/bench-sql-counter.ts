import type { Core } from '@strapi/strapi';

/**
 * For `npm run bench` only (CMS_BENCH_COUNT_SQL): counts every statement knex sends and
 * answers the bench's "sql-count" message over the IPC channel it started Strapi with.
 */
export function countSqlForBench(strapi: Core.Strapi): void {
  if (!process.send) {
    throw new Error('CMS_BENCH_COUNT_SQL needs an IPC channel: only `npm run bench` sets it.');
  }
  let statements = 0;
  (strapi.db.connection as unknown as { on(event: 'query', listener: () => void): void }).on('query', () => {
    statements += 1;
  });
  process.on('message', (message) => {
    if (message === 'sql-count') process.send!({ sqlCount: statements });
  });
}
