import { signIn, STAFF, staffOperation } from '../helpers/staff';
import { createIsolatedTestApp, type TestApp } from '../helpers/test-app';

/**
 * Every staff mutation tried by every role. Authorisation is checked before anything
 * else about the request, so a role that may act gets some other answer (done, or a
 * conflict with the record's state) and a role that may not gets FORBIDDEN, with nothing written.
 *
 * The cases run in table order, each role after the other (city first): an allowed role's
 * write may move a record on, so a later allowed role can meet a state refusal (not FORBIDDEN),
 * and a refused role is asked about a record already moved on, so its FORBIDDEN also shows the
 * guard runs before the state checks.
 */
const GAOLONGTAN = '530402999001-01';
/** 高龙潭社区's region: it hangs directly under 红塔区, outside 高仓街道 (seeds/facts/regions.json). */
const GAOLONGTAN_REGION = '530402999001';
const ROLES = ['city', 'hongta', 'chengjiang', 'gaocang', 'gaolongtan', 'evaluator'] as const;
type Role = (typeof ROLES)[number];

/**
 * Writes to a centre's records (assertMayManageCentre): the centre's own staff, or an administrator
 * whose subtree holds it. For 高龙潭 that is the city and 红塔区; 澄江市 (another county), 高仓街道
 * (a street that does not hold it) and the evaluator (not an administrator) are refused.
 */
const CENTRE_WRITERS: Role[] = ['city', 'hongta', 'gaolongtan'];

/** The records the cases act on, made in beforeAll on 高龙潭 so every id is valid. */
interface Targets {
  cycleId: string;
  /** An open need: more requesters, linked to projects. */
  needId: string;
  /** A SUBMITTED need to decide. */
  undecidedNeedId: string;
  /** An EVALUATING need whose decision is not yet published. */
  decidedNeedId: string;
  resourceId: string;
  /** A DRAFT project whose status changes. */
  draftProjectId: string;
  /** A RECRUITING project to report progress on and link to. */
  runningProjectId: string;
  /** An alliance unit already in 高龙潭's alliance. */
  unitId: string;
  /** A unit not (yet) in 高龙潭's alliance. */
  outsideUnitId: string;
  /** An APPLIED membership. */
  membershipId: string;
  teamId: string;
  memberId: string;
  /** A PLANNED activity. */
  plannedActivityId: string;
  /** A PUBLISHED activity that has started, ready to close. */
  heldActivityId: string;
}

interface Case {
  name: string;
  query: string;
  variables: (targets: Targets) => Record<string, unknown>;
  allowed: Role[];
}

/** A documented staff operation (schema/operations/staff), named by its mutation: createNeed → create-need.graphql. */
function operation(mutation: string): string {
  return staffOperation(mutation.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`));
}

/** An operational-list write, by its documented operation; by default one to 高龙潭's records (CENTRE_WRITERS). */
function listCase(name: string, variables: Case['variables'], allowed: Role[] = CENTRE_WRITERS): Case {
  return { name, query: operation(name), variables, allowed };
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
    variables: ({ cycleId }) => ({ id: cycleId }),
    allowed: ['city', 'hongta'],
  },
  {
    name: 'advanceRatingCycle (city stages)',
    query: 'mutation($id: ID!) { advanceRatingCycle(cycleId: $id, to: PUBLIC_NOTICE) { id } }',
    variables: ({ cycleId }) => ({ id: cycleId }),
    allowed: ['city'],
  },
  {
    name: 'assignEvaluator',
    // Another centre: the evaluator stays unassigned to 高龙潭, whose county review it may not write.
    query: `mutation($id: ID!) { assignEvaluator(cycleId: $id, centreCode: "530402901000-01", evaluatorEmail: "${STAFF.evaluator}") { id } }`,
    variables: ({ cycleId }) => ({ id: cycleId }),
    allowed: ['city', 'hongta'],
  },
  ...(['SELF', 'COUNTY', 'CITY'] as const).map((stage) => ({
    name: `submitAssessment (${stage})`,
    query: `mutation($id: ID!) { submitAssessment(input: { cycleId: $id, centreCode: "${GAOLONGTAN}", stage: ${stage}, scores: [] }) { id } }`,
    variables: ({ cycleId }: Targets) => ({ id: cycleId }),
    allowed: ({ SELF: ['city', 'hongta', 'gaolongtan'], COUNTY: ['hongta'], CITY: ['city'] } as Record<string, Role[]>)[stage]!,
  })),
  {
    name: 'overrideRating',
    query: `mutation($id: ID!) { overrideRating(input: { cycleId: $id, centreCode: "${GAOLONGTAN}", stars: 5, reason: "复核结果" }) { id } }`,
    variables: ({ cycleId }) => ({ id: cycleId }),
    allowed: ['city'],
  },
  {
    name: 'lodgeObjection',
    query: `mutation($id: ID!) { lodgeObjection(input: { cycleId: $id, centreCode: "${GAOLONGTAN}", text: "对结果有异议" }) { id } }`,
    variables: ({ cycleId }) => ({ id: cycleId }),
    allowed: ['city', 'hongta', 'gaolongtan'],
  },
  { name: 'resolveObjection', query: 'mutation { resolveObjection(id: 999999, upheld: false, resolution: "不成立") { id } }', variables: () => ({}), allowed: ['city'] },

  // Needs, resources and projects of 高龙潭 (centre.service.ts: centreForWrite / guardCentreOf, used by the record kit).
  listCase('createNeed', () => ({ input: { centreCode: GAOLONGTAN, source: 'VISIT', category: 'ELDERLY_CARE', title: '楼道加装扶手', requesterCount: 2 } })),
  listCase('addNeedRequesters', ({ needId }) => ({ needId, count: 1 })),
  listCase('decideNeed', ({ undecidedNeedId }) => ({ input: { needId: undecidedNeedId, status: 'EVALUATING', internalNote: '待核实', answer: '正在评估' } })),
  listCase('publishNeedDecision', ({ decidedNeedId }) => ({ needId: decidedNeedId })),
  listCase('createResource', ({ teamId }) => ({
    input: { centreCode: GAOLONGTAN, providerType: 'VOLUNTEER_TEAM', providerTeamId: teamId, category: 'PROFESSIONALS', title: '花灯传唱辅导', capacity: 20, capacityUnit: '人' },
  })),
  listCase('updateResource', ({ resourceId }) => ({ input: { resourceId, capacity: 40, schedule: '每周六上午' } })),
  listCase('createProject', ({ needId, resourceId, unitId }) => ({
    input: {
      centreCode: GAOLONGTAN,
      title: '楼道扶手安装',
      leadUnitId: unitId,
      needIds: [needId],
      resourceIds: [resourceId],
      budgetYuan: 12000,
      startsOn: '2026-03-01',
      endsOn: '2026-06-30',
    },
  })),
  listCase('linkProject', ({ runningProjectId, needId, resourceId, outsideUnitId }) => ({
    input: { projectId: runningProjectId, needIds: [needId], resourceIds: [resourceId], partnerUnitIds: [outsideUnitId] },
  })),
  listCase('changeProjectStatus', ({ draftProjectId }) => ({ input: { projectId: draftProjectId, status: 'RECRUITING', note: '发布认领' } })),
  listCase('reportProjectProgress', ({ runningProjectId }) => ({ input: { projectId: runningProjectId, progress: 30, title: '完成三栋楼' } })),

  // Alliance units are region records, not a centre's (alliance.resolver.ts: assertMayManageRegion on the
  // unit's region): administrators whose subtree holds the region. Centre staff may not, even for the
  // region of their own centre, so for 高龙潭社区's region only the city and 红塔区 may.
  listCase(
    'createAllianceUnit',
    () => ({ input: { name: '红塔区图书馆', unitType: 'PUBLIC_INSTITUTION', regionCode: GAOLONGTAN_REGION, contacts: [{ name: '张老师', phone: '0877-2000000' }] } }),
    ['city', 'hongta'],
  ),
  // Memberships belong to the centre whose alliance the unit joins.
  listCase('addAllianceMembership', ({ outsideUnitId }) => ({
    input: { centreCode: GAOLONGTAN, unitId: outsideUnitId, agreementSignedOn: '2026-01-05', commitments: ['提供场地'] },
  })),
  listCase('changeMembershipStatus', ({ membershipId }) => ({ input: { membershipId, status: 'ACTIVE', agreementSignedOn: '2026-01-05' } })),

  // Volunteer teams of 高龙潭 (volunteer.service.ts).
  listCase('createVolunteerTeam', () => ({ input: { centreCode: GAOLONGTAN, name: '高龙潭调解志愿服务队', skills: ['矛盾调解'] } })),
  listCase('addVolunteer', ({ teamId }) => ({ input: { teamId, name: '王阿姨', phone: '13900000001', skills: ['矛盾调解'] } })),
  listCase('recordServiceHours', ({ memberId }) => ({ input: { memberId, hours: 2 } })),

  // Activities of 高龙潭 (activity.service.ts).
  listCase('createActivity', ({ teamId, runningProjectId }) => ({
    input: {
      centreCode: GAOLONGTAN,
      kind: 'VOLUNTEER_SERVICE',
      title: '邻里调解日',
      organiser: '高龙潭社区党委',
      startsAt: '2026-07-10T09:00:00+08:00',
      teamId,
      projectId: runningProjectId,
    },
  })),
  listCase('changeActivityStatus', ({ plannedActivityId }) => ({ activityId: plannedActivityId, status: 'PUBLISHED' })),
  listCase('closeActivity', ({ heldActivityId }) => ({ input: { activityId: heldActivityId, attendanceCount: 35, closingReport: '如期举办' } })),
];

describe('authorisation of every staff mutation for every role', () => {
  let app: TestApp;
  let targets: Targets;
  const headers = {} as Record<Role, Record<string, string>>;

  /** A setup write as the city administrator that must succeed; answers the mutation's result. */
  async function setUp(mutation: string, variables: Record<string, unknown>): Promise<any> {
    const result = await app.gql(operation(mutation), variables, headers.city);
    expect(result.errors).toBeUndefined();
    return result.data[mutation];
  }

  beforeAll(async () => {
    app = await createIsolatedTestApp('authorisation');
    for (const role of ROLES) headers[role] = await signIn(app, STAFF[role]);
    const scheme = await app.gql('mutation($input: RatingSchemeInput!) { saveRatingScheme(input: $input) { year } }', { input: SCHEME }, headers.city);
    expect(scheme.errors).toBeUndefined();
    const cycle = await app.gql('mutation { openRatingCycle(input: { year: 2026, regionCode: "530402" }) { id } }', {}, headers.city);
    const cycleId = cycle.data.openRatingCycle.id;

    const need = (title: string) => setUp('createNeed', { input: { centreCode: GAOLONGTAN, source: 'SURVEY', category: 'HEALTH', title } });
    const needId = (await need('社区义诊')).id;
    const undecidedNeedId = (await need('老年助餐点')).id;
    const decidedNeedId = (await need('儿童托管')).id;
    await setUp('decideNeed', { input: { needId: decidedNeedId, status: 'EVALUATING', answer: '正在评估' } });

    const team = await setUp('createVolunteerTeam', { input: { centreCode: GAOLONGTAN, name: '聂耳音乐社志愿服务队', skills: ['花灯传唱'] } });
    await setUp('addVolunteer', { input: { teamId: team.id, name: '李老师', phone: '13900000000', role: 'LEADER' } });
    const members = await app.gql(`{ volunteerTeams(centreCode: "${GAOLONGTAN}", first: 100) { edges { node { id members { id } } } } }`, {}, headers.city);
    const memberId = members.data.volunteerTeams.edges.find((edge: any) => edge.node.id === team.id).node.members[0].id;

    const resource = await setUp('createResource', {
      input: { centreCode: GAOLONGTAN, providerType: 'CENTRE', category: 'VENUE', title: '多功能活动室', capacity: 60, capacityUnit: '人' },
    });
    const unitId = (await setUp('createAllianceUnit', { input: { name: '玉溪市第一人民医院', unitType: 'HOSPITAL', regionCode: '530402' } })).id;
    const outsideUnitId = (await setUp('createAllianceUnit', { input: { name: '红塔区第一中学', unitType: 'SCHOOL', regionCode: '530402' } })).id;
    await setUp('addAllianceMembership', { input: { centreCode: GAOLONGTAN, unitId, agreementSignedOn: '2025-05-04' } });
    const applicant = (await setUp('createAllianceUnit', { input: { name: '红塔区税务局', unitType: 'GOVERNMENT', regionCode: '530402' } })).id;
    const membershipId = (await setUp('addAllianceMembership', { input: { centreCode: GAOLONGTAN, unitId: applicant } })).id;

    const project = (title: string) => setUp('createProject', { input: { centreCode: GAOLONGTAN, title } });
    const draftProjectId = (await project('文化长廊')).id;
    const runningProjectId = (await project('邻里互助')).id;
    await setUp('changeProjectStatus', { input: { projectId: runningProjectId, status: 'RECRUITING' } });

    const activity = (title: string, startsAt: string) =>
      setUp('createActivity', { input: { centreCode: GAOLONGTAN, kind: 'PUBLIC_CLASS', title, organiser: '高龙潭社区党委', startsAt } });
    const plannedActivityId = (await activity('假期课堂', '2026-08-01T09:00:00+08:00')).id;
    const heldActivityId = (await activity('政策宣讲', '2025-10-01T09:00:00+08:00')).id;
    await setUp('changeActivityStatus', { activityId: heldActivityId, status: 'PUBLISHED' });

    targets = {
      cycleId,
      needId,
      undecidedNeedId,
      decidedNeedId,
      resourceId: resource.id,
      draftProjectId,
      runningProjectId,
      unitId,
      outsideUnitId,
      membershipId,
      teamId: team.id,
      memberId,
      plannedActivityId,
      heldActivityId,
    };
  }, 120_000);
  afterAll(() => app.stop());

  const table = CASES.flatMap((testCase) => ROLES.map((role) => [testCase.name, role, testCase.allowed.includes(role)] as const));

  it.each(table)('%s by %s: allowed=%s', async (name, role, allowed) => {
    const testCase = CASES.find((candidate) => candidate.name === name)!;
    const audited = await app.gql('{ auditLog(first: 0) { totalCount } }', {}, headers.city);
    const result = await app.gql(testCase.query, testCase.variables(targets), headers[role]);
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
    const result = await app.gql(testCase.query, testCase.variables(targets));
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
