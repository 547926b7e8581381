import fc from 'fast-check';
import type { Operation } from './documents';
import type { Probe } from './probe';

/**
 * Hostile shapes that a schema walk does not reach: fragment fan-out, alias floods, operation
 * name games, bad bodies and content types. Sizes are drawn, so a failure shrinks to the
 * smallest that still fails.
 */
export const hostileOperation: fc.Arbitrary<Operation> = fc.oneof(
  // Each fragment spreads the previous one `fanOut` times: 2^levels spreads from a few hundred bytes.
  fc
    .record({ levels: fc.integer({ min: 1, max: 21 }), fanOut: fc.integer({ min: 2, max: 3 }) })
    .map(({ levels, fanOut }) => fragmentBomb(Math.min(levels, fanOut === 3 ? 13 : 21), fanOut)),
  fc.integer({ min: 1, max: 4000 }).map((count) => ({ query: `{ ${Array.from({ length: count }, (_, index) => `a${index}: __typename`).join(' ')} }`, variables: {} })),
  fc
    .integer({ min: 1, max: 300 })
    .map((count) => ({ query: `{ ${Array.from({ length: count }, (_, index) => `c${index}: centre(code: "530481901001-01") { code name }`).join(' ')} }`, variables: {} })),
  fc.integer({ min: 1, max: 60 }).map((depth) => ({ query: `{ region(code: "530400") ${'{ children '.repeat(depth)}{ code }${' }'.repeat(depth)} }`, variables: {} })),
  fc.integer({ min: 1, max: 60 }).map((depth) => ({ query: `{ centre(code: "530481901001-01") ${'{ parent '.repeat(depth)}{ code }${' }'.repeat(depth)} }`, variables: {} })),
  fc.integer({ min: 1, max: 500 }).map((count) => ({ query: `{ __typename ${'@include(if: true) '.repeat(count)}}`, variables: {} })),
  fc.constantFrom<Operation>(
    { query: 'query A { __typename } query B { __typename }', variables: {} },
    { query: 'query A { __typename }', variables: {}, operationName: 'Nope' },
    { query: 'query A { __typename } query B { __typename }', variables: {}, operationName: 'C' },
    { query: '{ __typename }', variables: {}, operationName: '' },
    { query: 'query ($n: Int = 100) { centres(first: $n) { edges { node { code } } } }', variables: {} },
    { query: 'query ($n: Int! = 100000) { centres(first: $n) { totalCount } }', variables: {} },
    { query: 'query ($d: DateTimeISO!) { activities(filter: { from: $d }) { totalCount } }', variables: { d: '2024-02-30T00:00:00.000Z' } },
    { query: '{ search(query: "a\\u0000b") { totalCount } }', variables: {} },
    { query: '{ centres(filter: { search: "\\u0000" }) { totalCount } }', variables: {} },
    { query: 'subscription { __typename }', variables: {} },
    { query: '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }', variables: {} },
  ),
);

export function fragmentBomb(levels: number, fanOut: number): Operation {
  const fragments = ['fragment F0 on Query { __typename }'];
  for (let level = 1; level <= levels; level += 1) {
    fragments.push(`fragment F${level} on Query { ${Array.from({ length: fanOut }, () => `...F${level - 1}`).join(' ')} }`);
  }
  return { query: `query Bomb { ...F${levels} }\n${fragments.join('\n')}`, variables: {} };
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** Whole request bodies and heads that are wrong before GraphQL even starts. */
export const hostileRequest: fc.Arbitrary<Probe> = fc.oneof(
  fc
    .constantFrom<string>(
      '{',
      '{"query":',
      '\u0000',
      'null',
      '123',
      '"text"',
      '[]',
      '{"query": 1}',
      '{"query": {"a": 1}}',
      '{"query": "{ __typename }", "variables": "x"}',
      '{"query": "{ __typename }", "variables": [1]}',
      '{"query": "{ __typename }", "operationName": 7}',
      '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
      '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0000000000000000000000000000000000000000000000000000000000000000"}}}',
      '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 99}}}',
      '[{"query": "{ __typename }"}, {"query": "{ __typename }"}]',
      '{"query": "{ __typename }", "__proto__": {"x": 1}}',
    )
    .map((body) => ({ method: 'POST' as const, path: '/graphql', headers: JSON_TYPE, body })),
  fc.string({ unit: 'binary', maxLength: 60 }).map((body) => ({ method: 'POST' as const, path: '/graphql', headers: JSON_TYPE, body })),
  fc.integer({ min: 90, max: 400 }).map((kilobytes) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: JSON_TYPE,
    body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(kilobytes * 1024) } }),
  })),
  fc
    .constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'application/graphql',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/xml',
      '',
    )
    .map((type): Probe => ({ method: 'POST', path: '/graphql', headers: type ? { 'content-type': type } : {}, body: '{"query": "{ __typename }"}' })),
  fc
    .constantFrom(
      '?query=%7B__typename%7D',
      '?query=mutation%7Blogout%7D',
      '?query=%7B__typename%7D&variables=%7B',
      '?query=%7B__typename%7D&operationName=Nope',
      '?query=%7B__typename%7D&extensions=%5B',
      '?query=%00',
      '?query=%7B__typename%7D&query=%7B__typename%7D',
      '?query=%E0%A4%A',
    )
    .chain((search) => fc.boolean().map((preflight): Probe => ({ method: 'GET', path: `/graphql${search}`, headers: preflight ? { 'apollo-require-preflight': 'true' } : {} }))),
);
