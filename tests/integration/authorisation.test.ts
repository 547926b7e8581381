import { signIn, STAFF } from '../helpers/staff';
import { createIsolatedTestApp, type TestApp } from '../helpers/test-app';

/**
 * Every staff mutation tried by every role. Authorisation is checked before anything
 * else about the request, so a role that may act gets some other answer (done, or a
 * conflict with the cycle's state) and a role that may not gets FORBIDDEN, with nothing written.
 */
const GAOLONGTAN = '530402999001-01';
const ROLES = ['city', 'hongta', 'chengjiang', 'gaocang', 'gaolongtan', 'evaluator'] as const;
type Role = (typeof ROLES)[number];

interface Case {
  name: string;
  query: string;
  variables: (cycleId: string) => Record<string, unknown>;
  allowed: Role[];
}

const SCHEME = {
  year: 2026,
  name: '2026 authorisation test scheme',
  threeStarMin: 60,
  fourStarMin: 75,
  fiveStarMin: 90,
  noticeWorkingDays: 5,
  dimensions: [{ key: 'ALL', name: '全部', maxScore: 100, indicators: [{ code: 'A1', name: '达标', maxScore: 10, rule: 'MET_UNMET' }] }],
};

const CASES: Case[] = [
  { name: 'createApiKey', query: 'mutation { createApiKey(input: { name: "portal" }) { id } }', variables: () => ({}), allowed: ['city'] },
  { name: 'revokeApiKey', query: 'mutation { revokeApiKey(id: 999999) { id } }', variables: () => ({}), allowed: ['city'] },
  { name: 'saveRatingScheme', query: 'mutation($input: RatingSchemeInput!) { saveRatingScheme(input: $input) { year } }', variables: () => ({ input: SCHEME }), allowed: ['city'] },
  { name: 'openRatingCycle', query: 'mutation { openRatingCycle(input: { year: 2026, regionCode: "530402" }) { id } }', variables: () => ({}), allowed: ['city', 'hongta'] },
  {
    name: 'advanceRatingCycle (county stages)',
    query: 'mutation($id: ID!) { advanceRatingCycle(cycleId: $id, to: COUNTY_REVIEW) { id } }',
    variables: (id) => ({ id }),
    allowed: ['city', 'hongta'],
  },
  {
    name: 'advanceRatingCycle (city stages)',
    query: 'mutation($id: ID!) { advanceRatingCycle(cycleId: $id, to: PUBLIC_NOTICE) { id } }',
    variables: (id) => ({ id }),
    allowed: ['city'],
  },
  {
    name: 'assignEvaluator',
    // Another centre: the evaluator stays unassigned to 高龙潭, whose county review it may not write.
    query: `mutation($id: ID!) { assignEvaluator(cycleId: $id, centreCode: "530402901000-01", evaluatorEmail: "${STAFF.evaluator}") { id } }`,
    variables: (id) => ({ id }),
    allowed: ['city', 'hongta'],
  },
  ...(['SELF', 'COUNTY', 'CITY'] as const).map((stage) => ({
    name: `submitAssessment (${stage})`,
    query: `mutation($id: ID!) { submitAssessment(input: { cycleId: $id, centreCode: "${GAOLONGTAN}", stage: ${stage}, scores: [] }) { id } }`,
    variables: (id: string) => ({ id }),
    allowed: ({ SELF: ['city', 'hongta', 'gaolongtan'], COUNTY: ['hongta'], CITY: ['city'] } as Record<string, Role[]>)[stage]!,
  })),
  {
    name: 'overrideRating',
    query: `mutation($id: ID!) { overrideRating(input: { cycleId: $id, centreCode: "${GAOLONGTAN}", stars: 5, reason: "复核结果" }) { id } }`,
    variables: (id) => ({ id }),
    allowed: ['city'],
  },
  {
    name: 'lodgeObjection',
    query: `mutation($id: ID!) { lodgeObjection(input: { cycleId: $id, centreCode: "${GAOLONGTAN}", text: "对结果有异议" }) { id } }`,
    variables: (id) => ({ id }),
    allowed: ['city', 'hongta', 'gaolongtan'],
  },
  { name: 'resolveObjection', query: 'mutation { resolveObjection(id: 999999, upheld: false, resolution: "不成立") { id } }', variables: () => ({}), allowed: ['city'] },
];

describe('authorisation of every staff mutation for every role', () => {
  let app: TestApp;
  let cycleId: string;
  const headers = {} as Record<Role, Record<string, string>>;

  beforeAll(async () => {
    app = await createIsolatedTestApp('authorisation');
    for (const role of ROLES) headers[role] = await signIn(app, STAFF[role]);
    const scheme = await app.gql('mutation($input: RatingSchemeInput!) { saveRatingScheme(input: $input) { year } }', { input: SCHEME }, headers.city);
    expect(scheme.errors).toBeUndefined();
    const cycle = await app.gql('mutation { openRatingCycle(input: { year: 2026, regionCode: "530402" }) { id } }', {}, headers.city);
    cycleId = cycle.data.openRatingCycle.id;
  });
  afterAll(() => app.stop());

  const table = CASES.flatMap((testCase) => ROLES.map((role) => [testCase.name, role, testCase.allowed.includes(role)] as const));

  it.each(table)('%s by %s: allowed=%s', async (name, role, allowed) => {
    const testCase = CASES.find((candidate) => candidate.name === name)!;
    const audited = await app.gql('{ auditLog(first: 0) { totalCount } }', {}, headers.city);
    const result = await app.gql(testCase.query, testCase.variables(cycleId), headers[role]);
    const code = result.errors?.[0]?.extensions?.code;
    if (allowed) {
      expect(code).not.toBe('FORBIDDEN');
      expect(code).not.toBe('UNAUTHENTICATED');
    } else {
      expect(code).toBe('FORBIDDEN');
      const after = await app.gql('{ auditLog(first: 0) { totalCount } }', {}, headers.city);
      expect(after.data.auditLog.totalCount).toBe(audited.data.auditLog.totalCount);
    }
  });

  it.each(CASES.map((testCase) => testCase.name))('%s without a token: UNAUTHENTICATED', async (name) => {
    const testCase = CASES.find((candidate) => candidate.name === name)!;
    const result = await app.gql(testCase.query, testCase.variables(cycleId));
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
