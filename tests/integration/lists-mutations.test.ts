import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { signIn, STAFF, staffOperation } from '../helpers/staff';
import { createIsolatedTestApp, type TestApp } from '../helpers/test-app';

const GAOCANG = '530402901000-01';
const GAOLONGTAN = '530402999001-01';
const XINGWEN = '530425901001-01';

// Staff writes change the lists; a database of its own keeps the seeded counts intact for other files.
let api: TestApp;
const as: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  api = await createIsolatedTestApp('lists');
  for (const [who, email] of Object.entries(STAFF)) as[who] = await signIn(api, email);
}, 120_000);
afterAll(() => api.stop());

async function run(name: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  return api.gql(staffOperation(name), variables, headers);
}

async function count(sql: string): Promise<number> {
  const [row] = await api.app.orm.em.getConnection().execute(`select count(*)::int as n from ${sql}`);
  return row.n;
}

const NEED = { centreCode: GAOCANG, source: 'VISIT', category: 'ELDERLY_CARE', title: '楼道加装扶手', requesterCount: 3 };

describe('createNeed', () => {
  it('should let the street administrator add a need to 高仓’s list, audited', async () => {
    const before = await count(`need where centre_code = '${GAOCANG}'`);
    const { data, errors } = await run('create-need', { input: NEED }, as.gaocang);
    expect(errors).toBeUndefined();
    expect(data.createNeed).toMatchObject({ title: '楼道加装扶手', status: 'SUBMITTED', requesterCount: 3, centre: { code: GAOCANG } });
    expect(await count(`need where centre_code = '${GAOCANG}'`)).toBe(before + 1);
    const audit = await api.gql(staffOperation('audit-log'), { targetType: 'Need' }, as.hongta);
    expect(audit.data.auditLog.edges[0].node).toMatchObject({ action: 'createNeed', actorEmail: STAFF.gaocang, targetId: data.createNeed.id });
  });

  it('should refuse staff of other regions and centres, evaluators and anonymous callers, writing nothing', async () => {
    const before = await count('need');
    for (const who of ['chengjiang', 'gaolongtan', 'evaluator']) {
      const { errors } = await run('create-need', { input: NEED }, as[who]);
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await run('create-need', { input: NEED });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count('need')).toBe(before);
  });

  it('should let centre staff add needs to their own centre', async () => {
    const { errors } = await run('create-need', { input: { ...NEED, centreCode: GAOLONGTAN } }, as.gaolongtan);
    expect(errors).toBeUndefined();
  });

  it('should answer a retry with the same key with the first need, and refuse the key for other input', async () => {
    const before = await count('need');
    const first = await run('create-need', { input: NEED, idempotencyKey: 'need-retry-1' }, as.gaocang);
    const retry = await run('create-need', { input: NEED, idempotencyKey: 'need-retry-1' }, as.gaocang);
    expect(retry.data.createNeed.id).toBe(first.data.createNeed.id);
    expect(await count('need')).toBe(before + 1);
    const other = await run('create-need', { input: { ...NEED, title: '另一件事' }, idempotencyKey: 'need-retry-1' }, as.gaocang);
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count('need')).toBe(before + 1);
  });

  it('should reject an unknown category and a requester count below one, naming the argument', async () => {
    const before = await count('need');
    const category = await run('create-need', { input: { ...NEED, category: 'PETS' } }, as.gaocang);
    expect(category.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(category.errors?.[0]?.message).toMatch(/category/);
    const requesters = await run('create-need', { input: { ...NEED, requesterCount: 0 } }, as.gaocang);
    expect(requesters.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'requesterCount' });
    expect(await count('need')).toBe(before);
  });
});

describe('deciding a need', () => {
  let needId: string;
  const publicView = async () =>
    (await api.gql(`query ($code: ID!) { centre(code: $code) { needs(first: 100) { edges { node { id status publicAnswer } } } } }`, { code: GAOCANG })).data.centre.needs.edges
      .map((edge: any) => edge.node)
      .find((node: any) => node.id === needId);

  beforeAll(async () => {
    needId = (await run('create-need', { input: { ...NEED, title: '老年助餐点' } }, as.gaocang)).data.createNeed.id;
  });

  it('should refuse an illegal transition, naming the status and leaving the need as it was', async () => {
    const { errors } = await run('decide-need', { input: { needId, status: 'ACCEPTED' } }, as.gaocang);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });
    expect(errors?.[0]?.message).toMatch(/SUBMITTED to ACCEPTED/);
    const [row] = await api.app.orm.em.getConnection().execute(`select status from need where id = ?`, [needId]);
    expect(row.status).toBe('SUBMITTED');
  });

  it('should keep the decision internal until it is published', async () => {
    expect((await run('decide-need', { input: { needId, status: 'EVALUATING' } }, as.gaocang)).errors).toBeUndefined();
    const decided = await run('decide-need', { input: { needId, status: 'ACCEPTED', answer: '已纳入项目清单', internalNote: '预算由联盟单位承担' } }, as.gaocang);
    expect(decided.errors).toBeUndefined();
    expect(await publicView()).toEqual({ id: needId, status: 'SUBMITTED', publicAnswer: null });

    const published = await run('publish-need-decision', { needId }, as.gaocang);
    expect(published.errors).toBeUndefined();
    expect(await publicView()).toEqual({ id: needId, status: 'ACCEPTED', publicAnswer: '已纳入项目清单' });
    const internal = await api.gql(`{ needs(first: 1) { edges { node { internalNote } } } }`);
    expect(internal.errors?.[0]?.message).toMatch(/Cannot query field "internalNote"/);
  });
});

describe('resources', () => {
  it('should refuse a negative capacity, writing nothing', async () => {
    const before = await count('resource');
    const { errors } = await run('create-resource', { input: { centreCode: GAOCANG, providerType: 'CENTRE', category: 'VENUE', title: '多功能活动室', capacity: -5 } }, as.gaocang);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'capacity' });
    expect(await count('resource')).toBe(before);
  });

  it('should add an offer confirmed today and flag none stale until it ages', async () => {
    const { data, errors } = await run(
      'create-resource',
      { input: { centreCode: GAOCANG, providerType: 'CENTRE', category: 'VENUE', title: '多功能活动室', capacity: 60, capacityUnit: '人' } },
      as.gaocang,
    );
    expect(errors).toBeUndefined();
    expect(data.createResource).toMatchObject({ status: 'ACTIVE', capacity: 60, isStale: false });
    const stale = await api.gql(`{ resources(centreCode: "${GAOCANG}", filter: { stale: false }) { edges { node { id } } } }`);
    expect(stale.data.resources.edges.map((edge: any) => edge.node.id)).toContain(data.createResource.id);
  });
});

describe('projects', () => {
  it('should refuse to link a need of another region, writing nothing', async () => {
    const [xingwenNeed] = await api.app.orm.em.getConnection().execute(`select id from need where centre_code = ? and status = 'ACCEPTED' limit 1`, [XINGWEN]);
    const before = await count('project');
    const { errors } = await run('create-project', { input: { centreCode: GAOCANG, title: '跨区项目', needIds: [xingwenNeed.id] } }, as.hongta);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'needIds' });
    expect(errors?.[0]?.message).toMatch(/outside the project centre's region/);
    expect(await count('project')).toBe(before);
  });

  it('should take a project from draft to completed with a dated public timeline and refuse skipping steps', async () => {
    const [need] = await api.app.orm.em.getConnection().execute(`select id from need where centre_code = ? and status = 'ACCEPTED' limit 1`, [GAOCANG]);
    const created = await run('create-project', { input: { centreCode: GAOCANG, title: '楼道扶手安装', needIds: [need.id], budgetYuan: 12000 } }, as.gaocang);
    expect(created.errors).toBeUndefined();
    const projectId = created.data.createProject.id;
    expect(created.data.createProject.needs).toEqual([{ id: need.id, title: expect.any(String) }]);

    const skip = await run('change-project-status', { input: { projectId, status: 'COMPLETED' } }, as.gaocang);
    expect(skip.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });

    for (const status of ['RECRUITING', 'IN_PROGRESS']) {
      expect((await run('change-project-status', { input: { projectId, status } }, as.gaocang)).errors).toBeUndefined();
    }
    // Explicit nulls are "nothing": a clear refusal, not an internal error.
    const nothing = await run('report-project-progress', { input: { projectId, progress: null, title: null } }, as.gaocang);
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'title' });
    const progress = await run('report-project-progress', { input: { projectId, progress: 50, title: '完成一半楼栋' } }, as.gaocang);
    expect(progress.data.reportProjectProgress.progress).toBe(50);
    const done = await run('change-project-status', { input: { projectId, status: 'COMPLETED', note: '全部安装完成' } }, as.gaocang);
    expect(done.data.changeProjectStatus.progress).toBe(100);
    // Entries of one day keep the order they were written in.
    expect(done.data.changeProjectStatus.timeline.map((entry: any) => entry.title)).toEqual(['项目立项', '发布认领', '项目实施', '完成一半楼栋', '项目完成']);
    expect(done.data.changeProjectStatus.timeline.at(-1)).toMatchObject({ description: '全部安装完成', status: 'COMPLETED' });
  });
});

describe('a county project answering a street need', () => {
  it('should show the project under the need, except to a key limited to the street', async () => {
    const need = (await run('create-need', { input: { ...NEED, title: '区级统筹的老旧小区改造' } }, as.gaocang)).data.createNeed;
    const project = await run('create-project', { input: { centreCode: '530402000000-01', title: '红塔区老旧小区改造', needIds: [need.id] } }, as.hongta);
    expect(project.errors).toBeUndefined();
    const query = `{ centre(code: "${GAOCANG}") { needs(first: 100) { edges { node { id projects { title } } } } } }`;
    const projectsOf = (data: any) => data.centre.needs.edges.find((edge: any) => edge.node.id === need.id).node.projects.map((row: any) => row.title);
    expect(projectsOf((await api.gql(query)).data)).toEqual(['红塔区老旧小区改造']);
    const { secret } = await createApiKey(api.app.orm.em.fork(), { name: '高仓街道门户', allowedOrigins: [], ratePerMinute: 100_000, regionCode: '530402901' });
    expect(projectsOf((await api.gql(query, undefined, { 'x-api-key': secret })).data)).toEqual([]);
  });
});

describe('alliances and teams', () => {
  it('should activate a membership only with a signed agreement, and let the county administrator register units', async () => {
    const unit = await run(
      'create-alliance-unit',
      { input: { name: '红塔区图书馆', unitType: 'PUBLIC_INSTITUTION', regionCode: '530402', contacts: [{ name: '张老师', phone: '0877-2000000' }] } },
      as.hongta,
    );
    expect(unit.errors).toBeUndefined();
    const elsewhere = await run('create-alliance-unit', { input: { name: '澄江某单位', unitType: 'ENTERPRISE', regionCode: '530481' } }, as.hongta);
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const applied = await run('add-alliance-membership', { input: { centreCode: GAOCANG, unitId: unit.data.createAllianceUnit.id } }, as.gaocang);
    expect(applied.data.addAllianceMembership.status).toBe('APPLIED');
    const membershipId = applied.data.addAllianceMembership.id;
    const noAgreement = await run('change-membership-status', { input: { membershipId, status: 'ACTIVE' } }, as.gaocang);
    expect(noAgreement.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'agreementSignedOn' });
    const active = await run('change-membership-status', { input: { membershipId, status: 'ACTIVE', agreementSignedOn: '2025-05-04' } }, as.gaocang);
    expect(active.data.changeMembershipStatus).toMatchObject({ status: 'ACTIVE', agreementSignedOn: '2025-05-04' });
  });

  it('should count a new volunteer and their hours without exposing them', async () => {
    const team = await run('create-volunteer-team', { input: { centreCode: GAOLONGTAN, name: '聂耳音乐社志愿服务队', skills: ['花灯传唱'] } }, as.gaolongtan);
    const teamId = team.data.createVolunteerTeam.id;
    const added = await run('add-volunteer', { input: { teamId, name: '李老师', phone: '13900000000', role: 'LEADER' } }, as.gaolongtan);
    expect(added.data.addVolunteer).toMatchObject({ memberCount: 1, hasLeader: true });
    const [member] = await api.app.orm.em.getConnection().execute(`select id from volunteer_member where team_id = ?`, [teamId]);
    const hours = await run('record-service-hours', { input: { memberId: member.id, hours: 2.5 } }, as.gaolongtan);
    expect(hours.data.recordServiceHours.serviceHours).toBe(2.5);
    const audit = await api.gql(staffOperation('audit-log'), { targetType: 'VolunteerTeam' }, as.hongta);
    expect(JSON.stringify(audit.data.auditLog)).not.toContain('13900000000');
  });
});

describe('activities', () => {
  it('should refuse a negative capacity and an end before the start', async () => {
    const base = { centreCode: GAOCANG, kind: 'SKILLS_TRAINING', title: '业务技能培训', organiser: '高仓街道党工委', startsAt: '2024-06-01T09:00:00+08:00' };
    const capacity = await run('create-activity', { input: { ...base, capacity: -1 } }, as.gaocang);
    expect(capacity.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'capacity' });
    const ends = await run('create-activity', { input: { ...base, endsAt: '2024-06-01T08:00:00+08:00' } }, as.gaocang);
    expect(ends.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'endsAt' });
  });

  it('should close a held training and show the discrepancy with the reported figure', async () => {
    const figures = async () =>
      Object.fromEntries(
        (await api.gql(`{ centre(code: "${GAOCANG}") { figures(year: 2024) { key derivedValue matchesRecords } } }`)).data.centre.figures.map((figure: any) => [
          figure.key,
          figure,
        ]),
      );
    expect((await figures()).TRAININGS_HELD).toEqual({ key: 'TRAININGS_HELD', derivedValue: 376, matchesRecords: true });

    const created = await run(
      'create-activity',
      { input: { centreCode: GAOCANG, kind: 'SKILLS_TRAINING', title: '补录培训', organiser: '高仓街道党工委', startsAt: '2024-06-01T09:00:00+08:00' } },
      as.gaocang,
    );
    const activityId = created.data.createActivity.id;
    const early = await run('close-activity', { input: { activityId, attendanceCount: 40 } }, as.gaocang);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });
    await run('change-activity-status', { activityId, status: 'PUBLISHED' }, as.gaocang);
    const closed = await run('close-activity', { input: { activityId, attendanceCount: 40, closingReport: '补录' } }, as.gaocang);
    expect(closed.data.closeActivity).toMatchObject({ status: 'CLOSED', attendanceCount: 40 });

    const after = await figures();
    expect(after.TRAININGS_HELD).toEqual({ key: 'TRAININGS_HELD', derivedValue: 377, matchesRecords: false });
    expect(after.TRAINING_ATTENDANCE.derivedValue).toBe(17965 + 40);
  });

  it('should purge a cached calendar when an activity is added', async () => {
    const query = `{ centre(code: "${GAOLONGTAN}") { activities(first: 100) { totalCount } } }`;
    const ask = () => fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const first = await (await ask()).json();
    const cached = await ask();
    expect(cached.headers.get('x-cache')).toBe('HIT');
    await run(
      'create-activity',
      { input: { centreCode: GAOLONGTAN, kind: 'PUBLIC_CLASS', title: '假期课堂', organiser: '高龙潭社区党委', startsAt: '2026-07-10T09:00:00+08:00' } },
      as.gaolongtan,
    );
    const fresh = await ask();
    expect(fresh.headers.get('x-cache')).toBe('MISS');
    expect((await fresh.json()).data.centre.activities.totalCount).toBe(first.data.centre.activities.totalCount + 1);
  });
});

describe('staff-only fields', () => {
  const TEAM = `query ($code: ID!) { centre(code: $code) { volunteerTeams(first: 1) { edges { node { name members { name phone role } } } } } }`;

  it('should show a team’s volunteers with their phones to the centre’s administrators only, never cached', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as.gaocang },
      body: JSON.stringify({ query: TEAM, variables: { code: GAOCANG } }),
    });
    const { data, errors } = await response.json();
    expect(errors).toBeUndefined();
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const members = data.centre.volunteerTeams.edges[0].node.members;
    expect(members.length).toBeGreaterThan(0);
    expect(members[0]).toMatchObject({ role: 'LEADER', phone: expect.stringMatching(/^\d{11}$/) });

    expect((await api.gql(TEAM, { code: GAOCANG })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(TEAM, { code: GAOCANG }, as.chengjiang)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(TEAM, { code: GAOCANG }, as.gaolongtan)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should show unit contacts and a need’s decision in progress to staff of that centre', async () => {
    const query = `query ($code: ID!) { centre(code: $code) {
      allianceMemberships(first: 1) { edges { node { unitContacts { name phone } } } }
      needs(first: 100) { edges { node { status workingState { status hasUnpublishedChanges } } } }
    } }`;
    const { data, errors } = await api.gql(query, { code: GAOCANG }, as.hongta);
    expect(errors).toBeUndefined();
    expect(data.centre.allianceMemberships.edges[0].node.unitContacts[0].phone).toMatch(/^0877-/);
    const staged = data.centre.needs.edges.map((edge: any) => edge.node).filter((node: any) => node.workingState.hasUnpublishedChanges);
    expect(staged.length).toBeGreaterThan(0);
    expect((await api.gql(query, { code: GAOCANG }, as.evaluator)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
