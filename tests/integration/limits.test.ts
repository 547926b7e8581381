import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.stop());

async function rejectedBeforeSql(query: string, variables?: Record<string, unknown>, more: Record<string, unknown> = {}) {
  api.statements.length = 0;
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables, ...more }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
  expect(api.statements).toEqual([]);
  expect(body.data ?? null).toBeNull();
  return { status: response.status, error: body.errors![0]! };
}

describe('query limits, checked before anything runs', () => {
  it('should reject deep nesting', async () => {
    let selection = 'code';
    for (let level = 0; level < 15; level += 1) selection = `parent { ${selection} }`;
    const { status, error } = await rejectedBeforeSql(`{ centre(code: "530481901001-01") { ${selection} } }`);
    expect(status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 'depth', allowed: 12 });
  });

  it('should reject 1,000 aliases (the document is already too large), and 100 by the alias limit', async () => {
    const aliases = (count: number) => Array.from({ length: count }, (_, index) => `a${index}: region(code: "530400") { name }`).join(' ');
    expect((await rejectedBeforeSql(`{ ${aliases(1000)} }`)).error.extensions.code).toBe('QUERY_TOO_LARGE');
    const { error } = await rejectedBeforeSql(`{ ${aliases(100)} }`);
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', allowed: 30, actual: 100 });
  });

  it('should reject a huge first passed through variables, by its cost', async () => {
    const { error } = await rejectedBeforeSql(`query ($n: Int) { centres(first: $n) { edges { node { code showcaseArticles(first: $n) { totalCount } } } } }`, { n: 1_000_000 });
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 'cost', allowed: 20000 });
    expect(Number(error.extensions.actual)).toBeGreaterThan(1_000_000);
  });

  it('should reject a directive flood', async () => {
    const flood = Array.from({ length: 50 }, () => 'name @include(if: true)').join(' ');
    const { error } = await rejectedBeforeSql(`{ region(code: "530400") { ${flood} } }`);
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_DIRECTIVES', allowed: 20, actual: 50 });
  });

  it('should reject a giant document while parsing it', async () => {
    const fields = Array.from({ length: 6000 }, () => 'name').join(' ');
    const { status, error } = await rejectedBeforeSql(`{ region(code: "530400") { ${fields} } }`);
    expect(status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', maxLexicalTokens: 5000 });
  });

  it('should refuse a body over 100 kB outright', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ region(code: "530400") { name } }`, padding: 'x'.repeat(150_000) }),
    });
    expect(response.status).toBe(413);
  });

  it('should report the cost of an accepted query, counting list sizes from variables', async () => {
    const query = `query ($n: Int) { centres(first: $n) { totalCount edges { node { code region { name } } } } }`;
    const small = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { n: 10 } }) });
    const large = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { n: 100 } }) });
    const smallCost = ((await small.json()) as any).extensions.cost;
    const largeCost = ((await large.json()) as any).extensions.cost;
    expect(smallCost).toMatchObject({ limit: 20000 });
    expect(largeCost.requested).toBeGreaterThan(smallCost.requested * 5);
  });

  it('should refuse a fragment bomb of any depth in milliseconds, while /healthz keeps answering', async () => {
    // Each fragment spreads the one before it twice: a few hundred bytes that inline to 2^levels fields.
    const bomb = (levels: number) => {
      const lines = ['fragment F0 on Region { code name }'];
      for (let level = 1; level <= levels; level += 1) lines.push(`fragment F${level} on Region { ...F${level - 1} ...F${level - 1} }`);
      return `{ region(code: "530400") { ...F${levels} } }\n${lines.join('\n')}`;
    };
    const timed = async <T>(work: Promise<T>) => {
      const startedAt = performance.now();
      const result = await work;
      return { result, ms: performance.now() - startedAt };
    };
    for (const levels of [22, 40, 200]) {
      const [refused, health] = await Promise.all([
        timed(rejectedBeforeSql(bomb(levels))),
        timed(new Promise((resolve) => setTimeout(resolve, 20)).then(() => fetch(`${api.url}/healthz`))),
      ]);
      expect(refused.result.status).toBe(400);
      expect(refused.result.error.extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', limit: 'fields', allowed: 5000 });
      expect(Number(refused.result.error.extensions.actual)).toBeGreaterThan(5000);
      expect(refused.ms).toBeLessThan(1000);
      expect(health.result.status).toBe(200);
      expect(health.ms).toBeLessThan(1000);
    }
  });

  it('should cost a fragment exactly as if it were written out', async () => {
    const inline = `{ centres(first: 50) { edges { node { code showcaseArticles(first: 5) { totalCount } } } } }`;
    const spread = `{ centres(first: 50) { ...Page } } fragment Page on CentreConnection { edges { node { ...Card } } } fragment Card on Centre { code showcaseArticles(first: 5) { totalCount } }`;
    const [inlined, spreaded] = await Promise.all([api.gql(inline), api.gql(spread)]);
    expect(inlined.errors).toBeUndefined();
    expect((spreaded as any).extensions.cost.requested).toBe((inlined as any).extensions.cost.requested);
  });

  it('should cost a first taken from a variable default as execution sees it, and charge that', async () => {
    const heavy = (first: string) => `{ centres(first: ${first}) { edges { node { code showcaseArticles(first: ${first}) { edges { node { slug } } } } } } }`;
    const literal = await rejectedBeforeSql(heavy('100'));
    expect(literal.error.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    const fromDefault = await rejectedBeforeSql(`query ($n: Int = 100) ${heavy('$n')}`);
    expect(fromDefault.status).toBe(400);
    expect(fromDefault.error.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', actual: literal.error.extensions.actual });

    // Accepted: the cost reported and spent from the key's budget is the one of first: 100.
    const light = (first: string) => `{ centres(first: ${first}) { edges { node { code region { name } } } } }`;
    const literalCost = ((await api.gql(light('100'))) as any).extensions.cost.requested;
    expect(literalCost).toBe(301);
    const { secret } = await createApiKey(api.app.orm.em.fork(), { name: 'limits: variable defaults', allowedOrigins: [], ratePerMinute: 100_000 });
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': secret },
      body: JSON.stringify({ query: `query ($n: Int = 100) ${light('$n')}` }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.extensions.cost).toMatchObject({ requested: literalCost, rateRemaining: 100_000 - literalCost });
    // Without a variable or a default, the argument's own default (first: 20) applies, as in execution.
    const argumentDefault = (await api.gql(`query ($n: Int) ${light('$n')}`)) as any;
    expect(argumentDefault.extensions.cost.requested).toBe(((await api.gql(light('20'))) as any).extensions.cost.requested);
  });

  it('should answer a missing or unknown operationName with BAD_USER_INPUT, not a 500', async () => {
    const two = `query First { __typename } query Second { region(code: "530400") { name } }`;
    const unnamed = await rejectedBeforeSql(two);
    expect(unnamed.status).toBe(400);
    expect(unnamed.error.extensions.code).toBe('BAD_USER_INPUT');
    expect(unnamed.error.message).toMatch(/"First", "Second".*operationName/);
    const unknown = await rejectedBeforeSql(two, undefined, { operationName: 'Third' });
    expect(unknown.status).toBe(400);
    expect(unknown.error.extensions.code).toBe('BAD_USER_INPUT');
    expect(unknown.error.message).toContain('"Third"');
  });

  it('should answer a persisted-query hash that does not match the query with a 400 and a code', async () => {
    const { status, error } = await rejectedBeforeSql(`{ region(code: "530400") { name } }`, undefined, {
      extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
    });
    expect(status).toBe(400);
    expect(error.extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(error.message).toMatch(/sha256/i);
  });

  it('should answer an unsupported persisted-query version and a subscription (this API has none) with a 400 and a code', async () => {
    const version = await rejectedBeforeSql(`{ __typename }`, undefined, { extensions: { persistedQuery: { version: 99, sha256Hash: '0'.repeat(64) } } });
    expect(version.status).toBe(400);
    expect(version.error.extensions.code).toBe('BAD_REQUEST');
    expect(version.error.message).toMatch(/persisted query version/);
    const subscription = await rejectedBeforeSql(`subscription { __typename }`);
    expect(subscription.status).toBe(400);
    expect(subscription.error.extensions.code).toBe('BAD_USER_INPUT');
    expect(subscription.error.message).toMatch(/no subscription/);
  });

  it('should give a reason and a code when graphql-js gives up validating', async () => {
    const { status, error } = await rejectedBeforeSql(`{ ${Array.from({ length: 3000 }, () => '__typename').join(' ')} }`);
    expect(status).toBe(400);
    expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(error.message).not.toBe('Validation aborted.');
    expect(error.message).toMatch(/same field/);
  });
});
