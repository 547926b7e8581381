import Redis from 'ioredis';
import { ApiKey } from '../../api/src/modules/api-key/api-key.entity';
import { createApiKey, listKeysWithUsage } from '../../api/src/modules/api-key/api-key.service';
import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp({ env: { ANONYMOUS_RATE_PER_MINUTE: '1000000' } });
});
afterAll(() => api.stop());

async function newKey(input: Partial<Parameters<typeof createApiKey>[1]> = {}) {
  const { key, secret } = await createApiKey(api.app.orm.em.fork(), { name: 'test portal', allowedOrigins: [], ratePerMinute: 100_000, ...input });
  return { id: key.id, secret, headers: { 'x-api-key': secret } };
}

async function post(query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) {
  return fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
}

describe('a key limited to 澄江市', () => {
  let headers: Record<string, string>;
  beforeAll(async () => {
    headers = (await newKey({ name: '澄江市门户', regionCode: '530481' })).headers;
  });

  it('should list only 澄江市 centres', async () => {
    const anonymous = await api.gql(`{ centres(filter: { regionCode: "530481" }) { totalCount } }`);
    const scoped = await api.gql(`{ centres { totalCount } }`, undefined, headers);
    expect(scoped.data.centres.totalCount).toBe(anonymous.data.centres.totalCount);
    expect(scoped.data.centres.totalCount).toBeLessThan(320);
  });

  it('should not find another county’s centre, directly or through nested fields', async () => {
    const { data } = await api.gql(
      `{
      gaocang: centre(code: "530402901000-01") { name }
      yifeng: centre(code: "530481901001-01") { name }
      hongta: region(code: "530402") { centres { totalCount } }
      city: region(code: "530400") { centres(first: 100) { totalCount edges { node { region { code ancestors { code } } } } } }
      hubs: centres(filter: { level: [COUNTY] }) { edges { node { code children { code } } } }
    }`,
      undefined,
      headers,
    );
    expect(data.gaocang).toBeNull();
    expect(data.yifeng.name).toContain('仪凤');
    expect(data.hongta.centres.totalCount).toBe(0);
    for (const { node } of data.city.centres.edges) {
      expect([node.region.code, ...node.region.ancestors.map((a: any) => a.code)]).toContain('530481000000');
    }
    for (const { node } of data.hubs.edges) {
      expect(node.code.startsWith('530481')).toBe(true);
      for (const child of node.children) expect(child.code.startsWith('530481')).toBe(true);
    }
  });

  it('should not find another county’s centres through search', async () => {
    const { data } = await api.gql(`{ search(query: "党群服务中心", first: 50) { hits { type node { ... on Centre { code } } } } }`, undefined, headers);
    const codes = data.search.hits.filter((hit: any) => hit.type === 'CENTRE').map((hit: any) => hit.node.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((code: string) => code.startsWith('530481'))).toBe(true);
  });

  it('should count ratings in its own region only', async () => {
    const own = await api.gql(`{ ratingStatistics(year: 2024) { region { name } totalRated } }`, undefined, headers);
    expect(own.data.ratingStatistics.region.name).toBe('澄江市');
    const other = await api.gql(`{ ratingStatistics(year: 2024, regionCode: "530402") { totalRated } }`, undefined, headers);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('key checks', () => {
  it('should refuse an unknown, a revoked and an expired key with 401', async () => {
    expect((await post('{ __typename }', { 'x-api-key': 'sc_not-a-real-key' })).status).toBe(401);
    const revoked = await newKey();
    await api.app.orm.em.fork().nativeUpdate(ApiKey, { id: revoked.id }, { revokedAt: new Date() });
    const revokedResponse = await post('{ __typename }', revoked.headers);
    expect(revokedResponse.status).toBe(401);
    expect(((await revokedResponse.json()) as any).errors[0].extensions).toEqual({ code: 'INVALID_API_KEY', reason: 'revoked' });
    const expired = await newKey();
    await api.app.orm.em.fork().nativeUpdate(ApiKey, { id: expired.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(((await (await post('{ __typename }', expired.headers)).json()) as any).errors[0].extensions.reason).toBe('expired');
  });

  it('should refuse bad key settings with a message naming each problem', async () => {
    await expect(createApiKey(api.app.orm.em.fork(), { name: '', allowedOrigins: ['javascript:alert(1)'], ratePerMinute: 0, regionCode: 'x' })).rejects.toThrow(
      /name: .*rate: .*region: .*origins: javascript:alert\(1\) is not an origin/,
    );
  });

  it('should allow only the key’s origins from a browser, and any origin without a key', async () => {
    const key = await newKey({ allowedOrigins: ['https://portal.example.org'] });
    const allowed = await post('{ __typename }', { ...key.headers, origin: 'https://portal.example.org' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.org');
    const other = await post('{ __typename }', { ...key.headers, origin: 'https://evil.example' });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const anonymous = await post('{ __typename }', { origin: 'https://anyone.example' });
    expect(anonymous.headers.get('access-control-allow-origin')).toBe('https://anyone.example');
  });

  it('should record usage per key and day for administrators', async () => {
    const key = await newKey();
    let spent = 0;
    for (let i = 0; i < 3; i += 1) {
      const response = await post('{ centres(first: 5) { edges { node { code } } } }', key.headers);
      spent += ((await response.json()) as any).extensions.cost.requested;
    }
    await api.app.flushUsage();
    const rows = await listKeysWithUsage(api.app.orm.em.fork());
    const ours = rows.find((row) => row.key.id === key.id)!;
    expect(ours.usage[0]).toMatchObject({ requests: 3 });
    expect(ours.usage[0]!.cost).toBe(spent);
  });
});

describe('rate limits', () => {
  const query = `{ centres(first: 20) { edges { node { code } } } }`;

  it('should spend cost points per key and answer 429 with Retry-After when they run out (in process)', async () => {
    const key = await newKey({ ratePerMinute: 100 });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 8; i += 1) {
      last = await post(query, key.headers);
      statuses.push(last.status);
    }
    expect(statuses[0]).toBe(200);
    expect(statuses).toContain(429);
    const limited = await post(query, key.headers);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as any).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 100 });
  });

  const redisUrl = process.env.REDIS_URL;
  (redisUrl ? it : it.skip)('should share one budget across two API processes through Redis (REDIS_URL)', async () => {
    const key = await newKey({ ratePerMinute: 100 });
    const redis = new Redis(redisUrl!);
    await redis.del(`star-centres:rate:key:${key.id}`);
    const [first, second] = await Promise.all([createTestApp({ env: { REDIS_URL: redisUrl! } }), createTestApp({ env: { REDIS_URL: redisUrl! } })]);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1) {
        const target = i % 2 === 0 ? first : second;
        const response = await fetch(`${target.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...key.headers }, body: JSON.stringify({ query }) });
        statuses.push(response.status);
      }
      const spent = Number(await redis.get(`star-centres:rate:key:${key.id}`));
      expect(spent).toBeGreaterThan(0);
      expect(spent).toBeLessThanOrEqual(100);
      expect(statuses.filter((status) => status === 200).length).toBeLessThan(8);
      expect(statuses).toContain(429);
    } finally {
      await redis.del(`star-centres:rate:key:${key.id}`);
      redis.disconnect();
      await first.stop();
      await second.stop();
    }
  });
});

describe('shared caches', () => {
  it('should say that every answer varies by Origin, X-Api-Key and Authorization, so no cache mixes keyed and anonymous answers', async () => {
    const key = await newKey({});
    const query = encodeURIComponent('{ centre(code: "530481901001-01") { name } }');
    for (const headers of [{}, key.headers, { origin: 'https://portal.example' }] as Array<Record<string, string>>) {
      const response = await fetch(`${api.url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
      expect(response.status).toBe(200);
      const vary = (response.headers.get('vary') ?? '').split(',').map((name) => name.trim().toLowerCase());
      expect(vary).toEqual(expect.arrayContaining(['origin', 'x-api-key', 'authorization']));
    }
  });
});

describe('safelist mode', () => {
  it('should let a safelist key run only the registered operations, by text or by hash', async () => {
    const { readFileSync } = await import('node:fs');
    const { createHash } = await import('node:crypto');
    const key = await newKey({ safelistOnly: true });
    const registered = readFileSync(`${__dirname}/../../schema/operations/region-tree.graphql`, 'utf8');
    const byText = await post(registered, key.headers);
    expect(byText.status).toBe(200);
    const sha256Hash = createHash('sha256').update(registered).digest('hex');
    const byHash = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...key.headers },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash } } }),
    });
    expect(((await byHash.json()) as any).data.regions).toHaveLength(9);
    const adHoc = await post('{ centres { totalCount } }', key.headers);
    expect(adHoc.status).toBe(403);
    expect(((await adHoc.json()) as any).errors[0].extensions.code).toBe('OPERATION_NOT_SAFELISTED');
  });

  it('should accept a registered operation as Apollo Client and codegen print it (no comments, their layout), by text and by hash alone', async () => {
    const { readFileSync } = await import('node:fs');
    const { createHash } = await import('node:crypto');
    const { parse, print } = await import('graphql');
    const key = await newKey({ safelistOnly: true });
    for (const file of ['centre-card.graphql', 'article.graphql', 'articles.graphql', 'brand-programme.graphql']) {
      const printed = print(parse(readFileSync(`${__dirname}/../../schema/operations/${file}`, 'utf8')));
      const sha256Hash = createHash('sha256').update(printed).digest('hex');
      // What Apollo's persisted-query link sends first: the hash alone.
      const byHash = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...key.headers },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash } } }),
      });
      expect([file, byHash.status, ((await byHash.json()) as any).errors]).toEqual([file, 200, undefined]);
      const byText = await post(printed, key.headers);
      expect([file, byText.status]).toEqual([file, 200]);
    }
  });
});

describe('introspection switched off', () => {
  it('should refuse introspection and stop suggesting field names', async () => {
    const closed = await createTestApp({ env: { GRAPHQL_INTROSPECTION: 'false' } });
    try {
      const introspection = await closed.gql('{ __schema { types { name } } }');
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = await closed.gql('{ centres { totalCont } }');
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const open = await api.gql('{ centres { totalCont } }');
      expect(open.errors?.[0]?.message).toMatch(/Did you mean "totalCount"/);
    } finally {
      await closed.stop();
    }
  });
});
