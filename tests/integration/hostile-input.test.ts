import { signIn, STAFF, staffOperation } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.stop());

async function post(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
}

const countNeeds = async () => Number((await api.app.orm.em.fork().getConnection().execute('select count(*)::int as n from need'))[0].n);

describe('text the database cannot store', () => {
  it.each([
    ['a NUL in a literal argument', '{ search(query: "a\\u0000") { totalCount } }', undefined, 'query'],
    ['a NUL in a filter variable', 'query($filter: CentreFilter) { centres(filter: $filter) { totalCount } }', { filter: { search: '\u0000' } }, '$filter.search'],
    ['a NUL in a variable default', 'query($q: String = "\\u0000") { search(query: $q) { totalCount } }', undefined, '$q'],
    ['half a surrogate pair in a variable', 'query($q: String!) { search(query: $q) { totalCount } }', { q: 'ok \ud800' }, '$q'],
  ])('should answer %s with 400 BAD_USER_INPUT naming it, not an internal error', async (_what, query, variables, argument) => {
    const { status, body } = await post(query, variables);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument } });
    expect(body.errors?.[0].message).toContain(argument);
    expect(JSON.stringify(body)).not.toMatch(/select |at .*\.(js|ts):\d+/i);
  });

  it('should still find text with characters outside the BMP (a whole surrogate pair)', async () => {
    const { status, body } = await post('query($q: String!) { search(query: $q) { totalCount } }', { q: '玉溪 😀' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe('staff input the database would refuse', () => {
  const NEED = { centreCode: '530402901000-01', source: 'VISIT', category: 'ELDERLY_CARE', title: '楼道加装扶手', requesterCount: 3 };
  let gaocang: Record<string, string>;
  beforeAll(async () => {
    gaocang = await signIn(api, STAFF.gaocang);
  });

  it.each([
    ['a NUL in the title', { ...NEED, title: '扶手\u0000' }, /title/],
    ['a day that does not exist', { ...NEED, submittedOn: '2024-02-30' }, /submittedOn/],
    ['year zero', { ...NEED, submittedOn: '0000-01-01' }, /submittedOn/],
  ])('should refuse a need with %s as BAD_USER_INPUT, writing nothing', async (_what, input, argument) => {
    const before = await countNeeds();
    const { body } = await post(staffOperation('create-need'), { input }, gaocang);
    expect(body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toMatch(argument);
    expect(await countNeeds()).toBe(before);
  });

  it('should refuse an impossible instant in a date-time filter as BAD_USER_INPUT', async () => {
    const { body } = await post('{ activities(filter: { from: "2024-02-30T00:00:00Z" }) { totalCount } }');
    expect(body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
