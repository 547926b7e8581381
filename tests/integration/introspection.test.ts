import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildClientSchema, getIntrospectionQuery, printSchema, lexicographicSortSchema, buildSchema } from 'graphql';
import { createTestApp, type TestApp } from '../helpers/test-app';

const COMMITTED_SCHEMA = readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
const EVERY_OPTION = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true };

let api: TestApp;
let closed: TestApp;
beforeAll(async () => {
  api = await createTestApp();
  closed = await createTestApp({ env: { GRAPHQL_INTROSPECTION: 'false' } });
});
afterAll(async () => {
  await api.stop();
  await closed.stop();
});

describe('reading the schema, as codegen, graphql-inspector and the explorer do', () => {
  it("should answer graphql-js's introspection query with every option within the limits, giving the committed schema", async () => {
    const result = await api.gql(getIntrospectionQuery(EVERY_OPTION));
    expect(result.errors).toBeUndefined();
    const served = printSchema(lexicographicSortSchema(buildClientSchema(result.data)));
    expect(served).toBe(printSchema(lexicographicSortSchema(buildSchema(COMMITTED_SCHEMA))));
  });

  it("should answer graphql-js's introspection query with its defaults (GraphiQL's Docs, codegen) with every type", async () => {
    const result = await api.gql(getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
    const served = Object.keys(buildClientSchema(result.data).getTypeMap()).sort();
    expect(served).toEqual(Object.keys(buildSchema(COMMITTED_SCHEMA).getTypeMap()).sort());
  });

  it('should still refuse an introspection query that nests lists of lists to multiply its answer', async () => {
    const nest = (depth: number): string => (depth === 0 ? 'name' : `name fields { type { ${nest(depth - 1)} } }`);
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __schema { types { ${nest(12)} } } }` }),
    });
    expect(response.status).toBe(400);
    const result = await response.json();
    expect(result.data).toBeUndefined();
    // graphql-js refuses it first (MaxIntrospectionDepthRule); the depth limit would next.
    expect(result.errors[0].message).toBe('Maximum introspection depth exceeded');
  });

  it('should serve the SDL at /schema.graphql, equal to the committed file, with an ETag clients revalidate', async () => {
    const response = await fetch(`${api.url}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.text()).toBe(COMMITTED_SCHEMA);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    const again = await fetch(`${api.url}/schema.graphql`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('should publish neither the SDL nor introspection when introspection is off', async () => {
    const response = await fetch(`${closed.url}/schema.graphql`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('NOT_FOUND');
    const result = await closed.gql(getIntrospectionQuery());
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
  });
});
