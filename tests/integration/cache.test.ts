import { createHash } from 'node:crypto';
import { SURROGATE_KEY_BUDGET } from '../../api/src/cache/cache-tags';
import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.stop());

const CENTRE = `query ($code: ID!) { centre(code: $code) { code name region { name } currentRating { stars } } }`;

async function ask(target: TestApp, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  target.statements.length = 0;
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as any, statements: [...target.statements] };
}

describe('the response cache', () => {
  it('should serve a repeated query from the cache, without SQL', async () => {
    const first = await ask(api, CENTRE, { code: '530402901000-01' });
    expect(first.response.headers.get('x-cache')).toBe('MISS');
    expect(first.statements.length).toBeGreaterThan(0);
    const second = await ask(api, CENTRE, { code: '530402901000-01' });
    expect(second.response.headers.get('x-cache')).toBe('HIT');
    expect(second.statements).toEqual([]);
    expect(second.body.data).toEqual(first.body.data);
    expect(second.body.extensions.cost.requested).toBe(first.body.extensions.cost.requested);
  });

  it('should compute an answer once when identical requests arrive together after a purge', async () => {
    const LIST = '{ centres(first: 60) { edges { node { code name region { name } currentRating { stars tier } profile { title } brandProgrammes { name } } } } }';
    const alone = await ask(api, LIST);
    expect(alone.statements.length).toBeGreaterThan(0);
    await api.app.responseCache.purge(['centres']);
    api.statements.length = 0;
    const post = () => fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LIST }) });
    const answers = await Promise.all(Array.from({ length: 10 }, post));
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    for (const body of bodies) expect(body.data).toEqual(alone.body.data);
    // One computation's statements, not ten.
    expect(api.statements.length).toBe(alone.statements.length);
    expect(answers.filter((answer) => answer.headers.get('x-cache') === 'MISS')).toHaveLength(1);
  });

  it('should list what an answer was built from in Surrogate-Key, and let CDNs cache public answers', async () => {
    const { response } = await ask(api, CENTRE, { code: '530481901001-01' });
    expect(response.headers.get('cache-control')).toBe('public, max-age=10, s-maxage=300');
    expect(response.headers.get('surrogate-key')!.split(' ')).toEqual(expect.arrayContaining(['centre:530481901001-01', 'region:530481901001', 'centres']));
  });

  it('should name kinds instead of documents when an answer shows too many for one Surrogate-Key, and still purge it exactly', async () => {
    // Three pages of 100 centres: 300 centre tags and their regions, over the header's budget.
    const pages = [0, 1, 2].map(
      (page) =>
        `p${page}: centres(first: 100${page ? `, after: "${Buffer.from(`offset:${page * 100 - 1}`).toString('base64url')}"` : ''}) { edges { node { code region { name } } } }`,
    );
    const LARGE = `{ ${pages.join(' ')} }`;
    const { response, body } = await ask(api, LARGE);
    expect(body.data.p2.edges).toHaveLength(100);
    const surrogateKey = response.headers.get('surrogate-key')!;
    expect(Buffer.byteLength(surrogateKey)).toBeLessThanOrEqual(SURROGATE_KEY_BUDGET);
    expect(surrogateKey.split(' ')).toEqual(['centre:any', 'centres', 'region:any']);
    const lastCentre = body.data.p2.edges[99].node.code as string;
    expect((await ask(api, LARGE)).response.headers.get('x-cache')).toBe('HIT');
    // The server's own cache still knows every centre the answer showed.
    expect(await api.app.responseCache.purge([`centre:${lastCentre}`])).toBeGreaterThanOrEqual(1);
    expect((await ask(api, LARGE)).response.headers.get('x-cache')).toBe('MISS');
    // Leave no 300-centre answer behind for the exact-purge counts below.
    await api.app.responseCache.purge([`centre:${lastCentre}`]);
  });

  it('should purge exactly the entries carrying a tag', async () => {
    await ask(api, CENTRE, { code: '530425901001-01' });
    await ask(api, CENTRE, { code: '530402999001-01' });
    expect(await api.app.responseCache.purge(['centre:530425901001-01'])).toBe(1);
    expect((await ask(api, CENTRE, { code: '530425901001-01' })).response.headers.get('x-cache')).toBe('MISS');
    expect((await ask(api, CENTRE, { code: '530402999001-01' })).response.headers.get('x-cache')).toBe('HIT');
  });

  it('should not store errors, and say no-store for them', async () => {
    const bad = await ask(api, `{ centre(code: "nope") { name } }`);
    expect(bad.response.headers.get('cache-control')).toBe('no-store');
    expect((await ask(api, `{ centre(code: "nope") { name } }`)).response.headers.get('x-cache')).toBeNull();
  });

  it('should keep answers to a region-limited key apart from everyone else’s, and private', async () => {
    const { secret } = await createApiKey(api.app.orm.em.fork(), { name: 'cache scope', regionCode: '530481', allowedOrigins: [], ratePerMinute: 100_000 });
    const query = `{ centres { totalCount } }`;
    const anonymous = await ask(api, query);
    const scoped = await ask(api, query, undefined, { 'x-api-key': secret });
    expect(scoped.body.data.centres.totalCount).toBeLessThan(anonymous.body.data.centres.totalCount);
    expect(scoped.response.headers.get('cache-control')).toBe('private, max-age=10');
    expect((await ask(api, query)).body.data).toEqual(anonymous.body.data);
  });
});

describe('persisted queries', () => {
  it('should run an automatic persisted query by its hash, over GET too', async () => {
    const query = `{ region(code: "530425") { name } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = await ask(api, undefined as unknown as string, undefined, {});
    expect(unknown.response.status).toBe(400);
    const notYet = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions }) });
    expect(((await notYet.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, extensions }) });
    const byHash = await fetch(`${api.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(((await byHash.json()) as any).data).toEqual({ region: { name: '易门县' } });
    expect(byHash.headers.get('cache-control')).toBe('public, max-age=10, s-maxage=300');
  });
});

const redisUrl = process.env.REDIS_URL;
(redisUrl ? describe : describe.skip)('two API processes sharing Redis (REDIS_URL)', () => {
  it('should both drop a purged entry', async () => {
    const [first, second] = await Promise.all([createTestApp({ env: { REDIS_URL: redisUrl! } }), createTestApp({ env: { REDIS_URL: redisUrl! } })]);
    try {
      for (const target of [first, second]) {
        await ask(target, CENTRE, { code: '530481901001-01' });
        expect((await ask(target, CENTRE, { code: '530481901001-01' })).response.headers.get('x-cache')).toBe('HIT');
      }
      await first.app.responseCache.purge(['centre:530481901001-01']);
      expect((await ask(first, CENTRE, { code: '530481901001-01' })).response.headers.get('x-cache')).toBe('MISS');
      const deadline = Date.now() + 2000;
      while (second.app.responseCache.size > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await ask(second, CENTRE, { code: '530481901001-01' })).response.headers.get('x-cache')).toBe('MISS');
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});
