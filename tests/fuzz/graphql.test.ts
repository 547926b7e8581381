import fc from 'fast-check';
import { startFuzzServer, type FuzzServer } from './support/api-process';
import { changedTables, DatabaseDigest, type TableDigest } from './support/digest';
import { type Flavour, type Operation, operationArbitrary } from './support/documents';
import { fuzzParameters, progress, timeoutFor } from './support/fuzz-config';
import { type Probe, problemsWith, send, summarise } from './support/probe';
import { fragmentBomb, hostileOperation, hostileRequest } from './support/shapes';

/**
 * Anonymous callers fuzz /graphql with documents written from the schema. Every answer
 * must be safe (support/probe.ts: no 5xx, no internals, codes on errors, in time, /healthz
 * alive) and nothing may be written: anonymous callers write nothing at all.
 */
let server: FuzzServer;
let digest: DatabaseDigest;
let before: TableDigest;

beforeAll(async () => {
  server = await startFuzzServer('fuzz_graphql');
  digest = await DatabaseDigest.connect(server.databaseUrl);
});

beforeEach(async () => {
  before = await digest.take();
});

afterEach(async () => {
  expect(changedTables(before, await digest.take())).toEqual([]);
});

afterAll(async () => {
  await digest?.close();
  await server?.stop();
});

function asPost(operation: Operation): Probe {
  return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify(operation) };
}

/** GET as browsers and CDNs send it; Apollo wants the preflight header to rule out CSRF. */
function asGet(operation: Operation): Probe {
  const search = new URLSearchParams({ query: operation.query, variables: JSON.stringify(operation.variables) });
  if (operation.operationName !== undefined) search.set('operationName', operation.operationName);
  return { method: 'GET', path: `/graphql?${search}`, headers: { 'apollo-require-preflight': 'true' } };
}

/** Sends a probe and fails with the request and the answer when any rule is broken. */
async function expectSafe(probe: Probe): Promise<void> {
  const answer = await send(server.url, probe);
  const problems = problemsWith(answer);
  if (problems.length > 0) {
    throw new Error(`${problems.join('; ')}\n  request: ${probe.method} ${probe.path.slice(0, 300)} ${(probe.body ?? '').slice(0, 600)}\n  answer: ${summarise(answer)}`);
  }
}

function operationProperty(name: string, operations: fc.Arbitrary<Operation>, share = 1, examples: Operation[] = []) {
  it(
    `should answer ${name} safely`,
    async () => {
      const tick = progress(name);
      // GET only for what fits in a URL; longer ones are for POST anyway.
      const probes = fc.tuple(operations, fc.boolean()).map(([operation, viaGet]) => (viaGet && operation.query.length < 4000 ? asGet(operation) : asPost(operation)));
      await fc.assert(
        fc.asyncProperty(probes, async (probe) => {
          tick();
          await expectSafe(probe);
        }),
        // Known holes are always tried first, whatever the seed draws.
        { ...fuzzParameters<[Probe]>(name, share), examples: examples.map((operation): [Probe] => [asPost(operation)]) },
      );
    },
    timeoutFor(share),
  );
}

describe('GraphQL documents from the schema', () => {
  for (const flavour of ['valid', 'almost', 'hostile'] as Flavour[]) {
    operationProperty(`${flavour} documents`, operationArbitrary(flavour));
  }
});

describe('hostile shapes', () => {
  operationProperty('fragment bombs, alias floods, deep nesting and operation-name games', hostileOperation, 2, [
    fragmentBomb(20, 2),
    { query: 'query A { __typename } query B { __typename }', variables: {} },
  ]);

  it(
    'should answer malformed bodies, wrong content types and bad GETs safely',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileRequest, async (probe) => {
          await expectSafe(probe);
        }),
        fuzzParameters('hostile requests'),
      );
    },
    timeoutFor(),
  );
});
