import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.stop());

const LIST = `query ($first: Int) {
  centres(first: $first) {
    edges { node { code region { name } parent { code } currentRating { stars tier } ratingHistory { year } } }
    totalCount
  }
}`;

async function statementsFor(first: number): Promise<string[]> {
  api.statements.length = 0;
  const { data, errors } = await api.gql(LIST, { first });
  expect(errors).toBeUndefined();
  expect(data.centres.edges).toHaveLength(first);
  return [...api.statements];
}

describe('relation fields', () => {
  it('should cost the same few SQL statements for 10 centres as for 100', async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred.length).toBe(ten.length);
    expect(hundred.length).toBeLessThanOrEqual(8);
  });

  it('should batch a deep query over regions, parents, ratings and dimensions', async () => {
    api.statements.length = 0;
    const { errors } = await api.gql(`{
      centres(first: 100) { edges { node {
        region { ancestors { name } children { code } }
        parent { region { name } }
        children { code }
        currentRating { scheme { name } dimensionScores { name score } }
        figures { key }
      } } }
    }`);
    expect(errors).toBeUndefined();
    expect(api.statements.length).toBeLessThanOrEqual(14);
  });
});

describe('operational lists', () => {
  const CENTRES_WITH_LISTS = `query ($first: Int) {
    centres(first: $first, orderBy: { field: CODE, direction: DESC }) { edges { node {
      code
      needs(filter: { openOnly: true }, first: 5) { totalCount edges { node { title status projects { title } } } }
      projects(filter: { activeOnly: true }, first: 5) { totalCount edges { node { title leadUnit { name } partners { name } needs { title } timeline { entryOn title } } } }
      volunteerTeams(first: 5) { totalCount edges { node { name memberCount serviceHours } } }
      resources(first: 5) { edges { node { title providerUnit { name } providerTeam { name } } } }
      allianceMemberships(first: 5) { edges { node { unit { name } } } }
      activities(first: 5) { edges { node { title team { name } project { title } } } }
      figures { key derivedValue }
    } } }
  }`;

  async function listStatementsFor(first: number): Promise<string[]> {
    api.statements.length = 0;
    const { data, errors } = await api.gql(CENTRES_WITH_LISTS, { first });
    expect(errors).toBeUndefined();
    expect(data.centres.edges).toHaveLength(first);
    return [...api.statements];
  }

  // Both pages hold a centre of the article (仪凤, the last code) and are large enough that every
  // relation in the query has rows to load. Sibling lists finish in whatever order PostgreSQL
  // answers, so a loader reached from two of them (alliance units) may run as one batch or
  // two: the count is bounded, not fixed, and the bound is the same for 50 centres as for 100.
  it('should cost a bounded number of statements for 50 or 100 centres with their open needs, active projects and teams', async () => {
    const fifty = await listStatementsFor(50);
    const hundred = await listStatementsFor(100);
    for (const statements of [fifty, hundred]) {
      expect(statements.length).toBeLessThanOrEqual(26);
    }
    // One windowed statement per list, whatever the number of centres.
    for (const statements of [fifty, hundred]) {
      expect(statements.filter((sql) => sql.includes('page_total'))).toHaveLength(6);
    }
  });
});

describe('BENCH_DISABLE_DATALOADERS (the benchmark N+1 floor only)', () => {
  it('should run the same list with one query per centre and the same answer', async () => {
    const batched = await api.gql(LIST, { first: 20 });
    const naive = await createTestApp({ parts: { loaders: { batch: false } } });
    try {
      const { data, errors } = await naive.gql(LIST, { first: 20 });
      expect(errors).toBeUndefined();
      expect(data).toEqual(batched.data);
      // Ratings alone take one statement per centre (batched, the whole list takes at most 8).
      expect(naive.statements.length).toBeGreaterThan(20);
    } finally {
      await naive.stop();
    }
  });
});
