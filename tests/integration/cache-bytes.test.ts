import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { cacheKeyOf } from '../../api/src/cache/cache-key';
import { createApiKey, listKeysWithUsage } from '../../api/src/modules/api-key/api-key.service';
import { signIn, STAFF } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.stop());

const CENTRE = `query Centre($code: ID!) { centre(code: $code) { code name region { name } currentRating { stars } } }`;
/** Headers that differ between any two answers: the clock, the body's hash, this request's budget. */
const PER_REQUEST = ['date', 'etag', 'x-ratelimit-remaining', 'x-cache', 'content-length'];

interface Answer {
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
  statements: string[];
}

async function send(request: { method?: 'GET' | 'POST'; body?: unknown; search?: string; headers?: Record<string, string> }): Promise<Answer> {
  api.statements.length = 0;
  const method = request.method ?? 'POST';
  const response = await fetch(`${api.url}/graphql${request.search ?? ''}`, {
    method,
    headers: { ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...request.headers },
    body: method === 'POST' ? JSON.stringify(request.body) : undefined,
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { status: response.status, headers, bytes: Buffer.from(await response.arrayBuffer()), statements: [...api.statements] };
}

const post = (body: unknown, headers: Record<string, string> = {}) => send({ body, headers });
const json = (answer: Answer) => JSON.parse(answer.bytes.toString('utf8'));
const stable = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_REQUEST.includes(name)));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the cache holds for an operation asked without a key (or with one for all of Yuxi). */
function stored(query: string, variables?: Record<string, unknown>, operationName?: string) {
  return api.app.responseCache.get(cacheKeyOf({ queryHash: sha256(query), operationName, variables, scopePath: undefined }));
}

describe('cache hits served as stored bytes', () => {
  it.each([
    ['POST from a browser', { body: { query: CENTRE, variables: { code: '530481901001-01' } }, headers: { origin: 'https://portal.example' } }],
    [
      'GET with a preflight header',
      { method: 'GET' as const, search: `?query=${encodeURIComponent('{ region(code: "530423") { name } }')}`, headers: { 'apollo-require-preflight': 'true' } },
    ],
    [
      'POST asking for application/graphql-response+json',
      { body: { query: '{ regions { code name } }' }, headers: { accept: 'application/graphql-response+json, application/json;q=0.9' } },
    ],
  ])('should write the stored bytes under the miss’s head plus x-cache HIT (%s)', async (_how, request) => {
    const miss = await send(request);
    const hit = await send(request);
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.statements).toEqual([]);
    expect(hit.status).toBe(miss.status);
    expect(stable(hit.headers)).toEqual(stable(miss.headers));
    expect(Object.keys(hit.headers).sort()).toEqual(Object.keys(miss.headers).sort());
    expect(Number(hit.headers['content-length'])).toBe(hit.bytes.length);

    // The stored answer is `{"data":…}`; the hit is those bytes with this request's extensions after data.
    const { body, search } = request as { body?: { query: string; variables?: Record<string, unknown> }; search?: string };
    const query = body?.query ?? new URLSearchParams(search).get('query')!;
    const entry = stored(query, body?.variables)!;
    const cost = json(hit).extensions.cost;
    expect(Buffer.compare(hit.bytes, Buffer.concat([entry.answer.subarray(0, -1), Buffer.from(`,"extensions":{"cost":${JSON.stringify(cost)}}}\n`)]))).toBe(0);
    // And the miss is the same bytes but for its own budget: the format clients get does not change.
    expect(miss.bytes.subarray(0, entry.answer.length - 1).equals(entry.answer.subarray(0, -1))).toBe(true);
    expect(cost).toEqual({ ...json(miss).extensions.cost, rateRemaining: cost.rateRemaining });
    expect(Number(hit.headers['x-ratelimit-remaining'])).toBe(cost.rateRemaining);
  });

  it('should answer a hit without Apollo, without executing and without JSON.parse or JSON.stringify of the answer', async () => {
    const request = { query: CENTRE, variables: { code: '530402999001-01' } };
    const miss = await post(request);
    const name: string = json(miss).data.centre.name;
    const apollo = jest.spyOn(ApolloServer.prototype, 'executeHTTPGraphQLRequest');
    const parse = jest.spyOn(JSON, 'parse');
    const stringify = jest.spyOn(JSON, 'stringify');
    const touchedAnswer = () =>
      parse.mock.calls.some(([text]) => String(text).includes(name)) || stringify.mock.results.some(({ value }) => typeof value === 'string' && value.includes(name));
    try {
      const hit = await post(request);
      expect(hit.headers['x-cache']).toBe('HIT');
      expect(hit.statements).toEqual([]);
      expect(apollo).not.toHaveBeenCalled();
      expect(touchedAnswer()).toBe(false);

      // The same spies see the path inside Apollo: a hit it serves (here `variables: null`, which
      // the byte path leaves to Apollo) goes through Apollo and parses the stored answer.
      const viaPlugin = await post({ query: '{ regions { code } }' });
      expect(viaPlugin.headers['x-cache']).toBe('MISS');
      apollo.mockClear();
      parse.mockClear();
      const hitInApollo = await post({ query: '{ regions { code } }', variables: null });
      expect(hitInApollo.headers['x-cache']).toBe('HIT');
      expect(apollo).toHaveBeenCalledTimes(1);
      expect(parse.mock.calls.some(([text]) => String(text).startsWith('{"data":{"regions"'))).toBe(true);
    } finally {
      apollo.mockRestore();
      parse.mockRestore();
      stringify.mockRestore();
    }
  });

  it('should spend the caller’s budget on every hit, and refuse with 429 when it runs out, as for any request', async () => {
    const { key, secret } = await createApiKey(api.app.orm.em.fork(), { name: 'bytes: budget', allowedOrigins: [], ratePerMinute: 100 });
    const query = `{ centres(first: 20) { edges { node { code } } } }`;
    const answers: Answer[] = [];
    for (let i = 0; i < 6; i += 1) answers.push(await post({ query }, { 'x-api-key': secret }));
    const cost = json(answers[0]!).extensions.cost.requested;
    expect(cost).toBeGreaterThan(20);
    const served = answers.filter((answer) => answer.status === 200);
    expect(served.length).toBe(Math.floor(100 / cost));
    expect(served.slice(1).every((answer) => answer.headers['x-cache'] === 'HIT')).toBe(true);
    expect(served.map((answer) => Number(answer.headers['x-ratelimit-remaining']))).toEqual(served.map((_, index) => 100 - cost * (index + 1)));
    const limited = answers[served.length]!;
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(json(limited).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 100, cost });
    // Served hits count as the key's usage for its administrators.
    await api.app.flushUsage();
    const usage = (await listKeysWithUsage(api.app.orm.em.fork())).find((row) => row.key.id === key.id)!.usage[0]!;
    expect(usage).toMatchObject({ requests: served.length, cost: cost * served.length });
  });

  it('should not give a safelist key a cached answer to an operation it may not run', async () => {
    const { secret } = await createApiKey(api.app.orm.em.fork(), { name: 'bytes: safelist', allowedOrigins: [], ratePerMinute: 100_000, safelistOnly: true });
    const adHoc = '{ centres { totalCount } }';
    await post({ query: adHoc });
    expect((await post({ query: adHoc })).headers['x-cache']).toBe('HIT');
    const refused = await post({ query: adHoc }, { 'x-api-key': secret });
    expect(refused.status).toBe(403);
    expect(json(refused).errors[0].extensions.code).toBe('OPERATION_NOT_SAFELISTED');
    // Nor by its hash, known to the persisted-query store since a client registered it.
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(adHoc) } };
    expect((await post({ query: adHoc, extensions })).status).toBe(200);
    expect((await post({ extensions })).headers['x-cache']).toBe('HIT');
    const byHash = await post({ extensions }, { 'x-api-key': secret });
    expect(byHash.status).toBe(403);
    expect(json(byHash).errors[0].extensions.code).toBe('OPERATION_NOT_SAFELISTED');
    // A registered operation is served to it from the cache like to anyone.
    const registered = readFileSync(path.join(__dirname, '../../schema/operations/region-tree.graphql'), 'utf8');
    await post({ query: registered });
    const hit = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(registered) } } }, { 'x-api-key': secret });
    expect(hit.status).toBe(200);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers['cache-control']).toBe('private, max-age=10');
  });

  it('should never serve staff from the cache', async () => {
    const query = '{ region(code: "530402") { name centres { totalCount } } }';
    await post({ query });
    expect((await post({ query })).headers['x-cache']).toBe('HIT');
    const staff = await post({ query }, await signIn(api, STAFF.hongta));
    expect(staff.status).toBe(200);
    expect(staff.headers['x-cache']).toBeUndefined();
    expect(staff.headers['cache-control']).toBe('private, no-store');
    expect(staff.statements.length).toBeGreaterThan(0);
  });

  it('should leave to Apollo what Apollo refuses, even when the answer is cached', async () => {
    const query = '{ region(code: "530424") { name } }';
    const search = `?query=${encodeURIComponent(query)}`;
    await send({ method: 'GET', search, headers: { 'apollo-require-preflight': 'true' } });
    expect((await send({ method: 'GET', search, headers: { 'apollo-require-preflight': 'true' } })).headers['x-cache']).toBe('HIT');
    // A simple cross-site GET (CSRF prevention), an answer type it cannot give, a GET body type it does not take,
    // a cached query's hash sent with another text.
    expect((await send({ method: 'GET', search })).status).toBe(400);
    expect((await send({ method: 'GET', search, headers: { 'apollo-require-preflight': 'true', accept: 'text/csv' } })).status).toBe(406);
    expect((await send({ method: 'GET', search, headers: { 'apollo-require-preflight': 'true', 'content-type': 'text/plain' } })).status).toBe(415);
    const mismatch = await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
    expect(json(mismatch).errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    // Its hash alone, never registered with its text (it was sent as text only).
    const unknownHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
    expect(json(unknownHash).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
