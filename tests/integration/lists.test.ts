import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { createTestApp, type TestApp } from '../helpers/test-app';

const GAOCANG = '530402901000-01';
const XINGWEN = '530425901001-01';

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.stop());

async function ok<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T> {
  const { data, errors } = await api.gql<T>(query, variables, headers);
  expect(errors).toBeUndefined();
  return data!;
}

describe('a centre’s three lists', () => {
  it('should hold 高仓’s 77 needs in 7 categories, 13 resources in 13 categories and its 14 alliance units', async () => {
    const data = await ok(
      `query ($code: ID!) { centre(code: $code) {
      needs(first: 100) { totalCount edges { node { category } } }
      resources(first: 100) { totalCount edges { node { category } } }
      allianceMemberships(filter: { status: [ACTIVE] }) { totalCount }
    } }`,
      { code: GAOCANG },
    );
    expect(data.centre.needs.totalCount).toBe(77);
    expect(new Set(data.centre.needs.edges.map((edge: any) => edge.node.category)).size).toBe(7);
    expect(data.centre.resources.totalCount).toBe(13);
    expect(new Set(data.centre.resources.edges.map((edge: any) => edge.node.category)).size).toBe(13);
    expect(data.centre.allianceMemberships.totalCount).toBe(14);
  });

  it('should list 兴文街’s 27 needs, 25 resources, 11 projects, 22 co-building units and 8 teams', async () => {
    const data = await ok(
      `query ($code: ID!) { centre(code: $code) {
      needs { totalCount } resources { totalCount } projects { totalCount }
      allianceMemberships { totalCount edges { node { agreementSignedOn } } }
      volunteerTeams { totalCount edges { node { name memberCount } } }
    } }`,
      { code: XINGWEN },
    );
    expect(data.centre.needs.totalCount).toBe(27);
    expect(data.centre.resources.totalCount).toBe(25);
    expect(data.centre.projects.totalCount).toBe(11);
    expect(data.centre.allianceMemberships.totalCount).toBe(22);
    expect(data.centre.allianceMemberships.edges.every((edge: any) => edge.node.agreementSignedOn)).toBe(true);
    expect(data.centre.volunteerTeams.totalCount).toBe(8);
    expect(data.centre.volunteerTeams.edges.map((edge: any) => edge.node.name)).toContain('“石榴红”矛盾纠纷调解队');
    const members = data.centre.volunteerTeams.edges.reduce((sum: number, edge: any) => sum + edge.node.memberCount, 0);
    expect(members).toBeGreaterThanOrEqual(100);
  });

  it('should show 两花两树扮靓排山 with its ¥200,000 and a dated timeline ending in the 2,200 cherry trees', async () => {
    const data = await ok(`{ projects(centreCode: "${GAOCANG}", first: 50) { edges { node { title status budgetYuan timeline { entryOn title description } } } } }`);
    const project = data.projects.edges.map((edge: any) => edge.node).find((node: any) => node.title === '两花两树扮靓排山');
    expect(project).toMatchObject({ status: 'COMPLETED', budgetYuan: 200000 });
    expect(project.timeline.map((entry: any) => entry.entryOn)).toEqual([...project.timeline.map((entry: any) => entry.entryOn)].sort());
    expect(project.timeline.at(-1).description).toContain('2200棵樱花');
  });

  it('should give 高仓创客营 its 106 members and 夕阳红志愿服务队 its 18, with no names or phone numbers exposed', async () => {
    const data = await ok(`{ volunteerTeams(centreCode: "${GAOCANG}") { edges { node { name memberCount reportedMemberCount hasLeader } } } }`);
    const byName = Object.fromEntries(data.volunteerTeams.edges.map((edge: any) => [edge.node.name, edge.node]));
    expect(byName['高仓创客营']).toEqual({ name: '高仓创客营', memberCount: 106, reportedMemberCount: 106, hasLeader: true });
    expect(byName['夕阳红志愿服务队'].memberCount).toBe(18);
    const contact = await api.gql(`{ volunteerTeams(first: 1) { edges { node { phone } } } }`);
    expect(contact.errors?.[0]?.message).toMatch(/Cannot query field "phone"/);
    const unitContacts = await api.gql(`{ allianceMemberships(first: 1) { edges { node { unit { contacts } } } } }`);
    expect(unitContacts.errors?.[0]?.message).toMatch(/Cannot query field "contacts"/);
  });

  it('should filter open needs and active projects, and page with cursors', async () => {
    const all = await ok(`{ needs(centreCode: "${GAOCANG}", first: 100) { totalCount edges { node { id status } } } }`);
    const open = await ok(`{ needs(centreCode: "${GAOCANG}", filter: { openOnly: true }, first: 100) { totalCount edges { node { status } } } }`);
    const openStatuses = ['SUBMITTED', 'EVALUATING', 'ACCEPTED'];
    expect(open.needs.totalCount).toBe(all.needs.edges.filter((edge: any) => openStatuses.includes(edge.node.status)).length);
    expect(open.needs.totalCount).toBeLessThan(77);

    const first = await ok(`{ needs(centreCode: "${GAOCANG}", first: 30) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`);
    const second = await ok(`query ($after: String) { needs(centreCode: "${GAOCANG}", first: 30, after: $after) { edges { node { id } } } }`, {
      after: first.needs.pageInfo.endCursor,
    });
    expect(first.needs.pageInfo.hasNextPage).toBe(true);
    expect([...first.needs.edges, ...second.needs.edges].map((edge: any) => edge.node.id)).toEqual(all.needs.edges.slice(0, 60).map((edge: any) => edge.node.id));

    const nested = await ok(`query ($after: String) { centre(code: "${GAOCANG}") { needs(first: 30, after: $after) { totalCount edges { node { id } } } } }`, {
      after: first.needs.pageInfo.endCursor,
    });
    expect(nested.centre.needs.edges.map((edge: any) => edge.node.id)).toEqual(second.needs.edges.map((edge: any) => edge.node.id));
    expect(nested.centre.needs.totalCount).toBe(77);
  });

  it('should keep an unpublished decision internal: residents see the last published status and answer', async () => {
    const orm = api.app.orm;
    const [row] = await orm.em.getConnection().execute(`select id, status, published_status from need where status <> published_status limit 1`);
    expect(row).toBeDefined();
    const data = await ok(`{ needs(first: 100, filter: { status: [${row.published_status}] }) { edges { node { id status publicAnswer } } } }`);
    const need = data.needs.edges.map((edge: any) => edge.node).find((node: any) => node.id === row.id);
    expect(need?.status).toBe(row.published_status);
  });
});

describe('figures', () => {
  it('should derive 高仓’s training figures from activity records and match the article exactly', async () => {
    const data = await ok(`{ centre(code: "${GAOCANG}") { figures(year: 2024) { key value derivedValue matchesRecords } } }`);
    const figures = Object.fromEntries(data.centre.figures.map((figure: any) => [figure.key, figure]));
    const stated = {
      TRAININGS_HELD: 376,
      TRAINING_ATTENDANCE: 17965,
      STREET_TRAININGS_HELD: 283,
      STREET_TRAINING_ATTENDANCE: 13398,
      COMMUNITY_TRAININGS_HELD: 93,
      COMMUNITY_TRAINING_ATTENDANCE: 4567,
      POLITICAL_TRAININGS_HELD: 283,
      POLITICAL_TRAINING_ATTENDANCE: 13581,
      SKILLS_TRAININGS_HELD: 93,
      SKILLS_TRAINING_ATTENDANCE: 4384,
      SITE_TEACHING_SESSIONS: 19,
      SITE_TEACHING_VISITORS: 2472,
      NEEDS_COLLECTED: 77,
      NEEDS_CATEGORIES: 7,
      RESOURCES_LISTED: 13,
      RESOURCE_CATEGORIES: 13,
      ALLIANCE_UNITS: 14,
      CO_BUILDING_ACTIVITIES_HELD: 12,
      CONSULTATIONS_HELD: 14,
    };
    for (const [key, value] of Object.entries(stated)) {
      expect({ key, ...figures[key] }).toEqual({ key, value, derivedValue: value, matchesRecords: true });
    }
    // Figures without records to derive them from say so, rather than claiming zero.
    expect(figures.PEOPLE_SERVED).toMatchObject({ derivedValue: null, matchesRecords: null });
  });

  it('should roll figures up over a region subtree, reported sums beside derived values', async () => {
    const data = await ok(`{ regionFigures(regionCode: "530402", year: 2024) { key reportedValue centresReporting derivedValue } }`);
    const byKey = Object.fromEntries(data.regionFigures.map((figure: any) => [figure.key, figure]));
    expect(byKey.TRAININGS_HELD).toMatchObject({ reportedValue: 376, centresReporting: 1 });
    expect(byKey.TRAININGS_HELD.derivedValue).toBeGreaterThanOrEqual(376);
    // Category counts do not add up across centres: no reported sum.
    expect(byKey.NEEDS_CATEGORIES.reportedValue).toBeNull();
    const city = await ok(`{ regionFigures(regionCode: "530400", year: 2024) { key derivedValue } }`);
    const cityNeeds = city.regionFigures.find((figure: any) => figure.key === 'NEEDS_COLLECTED').derivedValue;
    const allNeeds = await ok(`{ needs(first: 0) { totalCount } }`);
    expect(cityNeeds).toBe(allNeeds.needs.totalCount);
  });
});

describe('a key limited to 易门县', () => {
  let headers: Record<string, string>;
  beforeAll(async () => {
    const { secret } = await createApiKey(api.app.orm.em.fork(), { name: '易门县门户', allowedOrigins: [], ratePerMinute: 100_000, regionCode: '530425' });
    headers = { 'x-api-key': secret };
  });

  it('should see only 易门县 records in every root list', async () => {
    for (const field of ['needs', 'resources', 'projects', 'volunteerTeams', 'activities', 'allianceMemberships']) {
      const everything = await ok(`{ ${field}(first: 0) { totalCount } }`);
      const county = await ok(`{ ${field}(regionCode: "530425", first: 0) { totalCount } }`);
      const scoped = await ok(`{ ${field}(first: 100) { totalCount edges { node { centre { code } } } } }`, undefined, headers);
      expect(scoped[field].totalCount).toBe(county[field].totalCount);
      expect(scoped[field].totalCount).toBeLessThan(everything[field].totalCount);
      expect(scoped[field].edges.every((edge: any) => edge.node.centre.code.startsWith('530425'))).toBe(true);
    }
  });

  it('should refuse figures of another region', async () => {
    const { errors } = await api.gql(`{ regionFigures(regionCode: "530402", year: 2024) { key } }`, undefined, headers);
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('bad arguments', () => {
  it('should name an unknown category and a malformed region code', async () => {
    const category = await api.gql(`{ needs(filter: { category: [PETS] }) { totalCount } }`);
    expect(category.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(category.errors?.[0]?.message).toMatch(/PETS/);
    const region = await api.gql(`{ needs(regionCode: "5304") { totalCount } }`);
    expect(region.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'regionCode' });
  });
});
