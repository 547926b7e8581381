import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.stop());

async function rejectedBeforeSql(query: string, variables?: Record<string, unknown>) {
  api.statements.length = 0;
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
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
    const { error } = await rejectedBeforeSql(
      `query ($n: Int) { centres(first: $n) { edges { node { code showcaseArticles(first: $n) { totalCount } } } } }`,
      { n: 1_000_000 },
    );
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
});
