import { createProviders, type Providers } from '../helpers/service-orders';
import { signIn, STAFF } from '../helpers/staff';
import { createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app';
import { dataOf, handlersOf, lastReportEvent, REPORT_CENTRE, reportSnapshot, RPT, submitReport } from '../helpers/reports';

/**
 * The report loop through its documented operations, against the real database: every step from
 * every status (shown and hidden), the 即办 / 跟踪 / 联办 paths, duplicates and hiding keeping the
 * original, and the staff list's statement count.
 */
let api: TestApp;
let staff: Record<string, string>;
let providers: Providers;
let original: { id: string; token: string };

beforeAll(async () => {
  api = await createTestApp({ env: { ORDER_SUBMISSIONS_PER_ADDRESS_PER_HOUR: '1000000', ORDER_SUBMISSIONS_PER_CONTACT_PER_DAY: '1000000' } });
  staff = await signIn(api, STAFF.gaolongtan);
  providers = await createProviders(api);
  original = await submitReport(api);
});
afterAll(() => api.stop());

type Report = { id: string; token: string };
type Attempt = (report: Report) => Promise<GraphQLResponse>;

const advance =
  (action: string, extra: Record<string, unknown> = {}): Attempt =>
  (report) =>
    api.gql(RPT.advance, { input: { reportId: report.id, action, ...extra } }, staff);

/** A handler that has not reported back yet, the lead or not (a made-up id when there is none). */
async function handler(reportId: string, isLead: boolean): Promise<string> {
  return (await handlersOf(api, reportId)).find((candidate) => candidate.isLead === isLead && !candidate.reportedAt)?.id ?? 'no-such-handler';
}

const JOINT_HANDLERS = [{ department: '派出所', isLead: true }, { department: '司法所' }];

/** Every way to try to move a report, by the action it names. Paths accept as 联办, so handlers' reports can be tried anywhere. */
const ATTEMPTS: Record<string, Attempt> = {
  ACCEPT: (report) => api.gql(RPT.accept, { input: { reportId: report.id, caseMode: 'JOINT', handlers: JOINT_HANDLERS } }, staff),
  START: advance('START'),
  HANDLER_REPORT: async (report) => api.gql(RPT.back, { input: { reportId: report.id, handlerId: await handler(report.id, false), result: '已协助调查' } }, staff),
  GIVE_FEEDBACK: async (report) => api.gql(RPT.back, { input: { reportId: report.id, handlerId: await handler(report.id, true), result: '路灯已更换' } }, staff),
  CLOSE: advance('CLOSE'),
  CONFIRM: (report) => api.gql(RPT.confirm, { token: report.token, input: { satisfaction: 'SATISFIED', score: 5 } }),
  REJECT: advance('REJECT', { reason: '不属于本中心辖区' }),
  MARK_DUPLICATE: (report) => advance('MARK_DUPLICATE', { duplicateOfId: original.id })(report),
  HIDE: advance('HIDE', { reason: '含他人照片' }),
  UNHIDE: advance('UNHIDE'),
  REOPEN: advance('REOPEN', { reason: '居民补充了情况' }),
};

const PATHS: Record<string, string[]> = {
  SUBMITTED: [],
  ACCEPTED: ['ACCEPT'],
  IN_HANDLING: ['ACCEPT', 'START'],
  FEEDBACK_GIVEN: ['ACCEPT', 'START', 'GIVE_FEEDBACK'],
  CLOSED: ['ACCEPT', 'START', 'GIVE_FEEDBACK', 'CLOSE'],
  REJECTED: ['REJECT'],
  DUPLICATE: ['MARK_DUPLICATE'],
};

/** The specification: from each status, the attempts that succeed and where they lead (a hidden report: UNHIDE instead of HIDE). */
const LEGAL: Record<string, Record<string, string>> = {
  SUBMITTED: { ACCEPT: 'ACCEPTED', REJECT: 'REJECTED', MARK_DUPLICATE: 'DUPLICATE' },
  ACCEPTED: { START: 'IN_HANDLING', GIVE_FEEDBACK: 'FEEDBACK_GIVEN', REJECT: 'REJECTED', MARK_DUPLICATE: 'DUPLICATE' },
  IN_HANDLING: { HANDLER_REPORT: 'IN_HANDLING', GIVE_FEEDBACK: 'FEEDBACK_GIVEN' },
  FEEDBACK_GIVEN: { CLOSE: 'CLOSED', CONFIRM: 'CLOSED' },
  CLOSED: { CONFIRM: 'CLOSED', REOPEN: 'SUBMITTED' },
  REJECTED: { REOPEN: 'SUBMITTED' },
  DUPLICATE: { REOPEN: 'SUBMITTED' },
};

const STAMPS: Record<string, string | undefined> = {
  ACCEPT: 'accepted_at',
  START: 'started_at',
  GIVE_FEEDBACK: 'feedback_at',
  CLOSE: 'closed_at',
  CONFIRM: 'confirmed_at',
  REJECT: 'rejected_at',
  MARK_DUPLICATE: 'marked_duplicate_at',
  HIDE: 'hidden_at',
  REOPEN: 'reopened_at',
};

async function reach(state: string): Promise<Report> {
  const [status, hidden] = state.split('+') as [string, string | undefined];
  const report = await submitReport(api);
  for (const step of [...PATHS[status]!, ...(hidden ? ['HIDE'] : [])]) dataOf(await ATTEMPTS[step]!(report));
  const row = JSON.parse((await reportSnapshot(api, report.id)).report);
  expect([row.status, row.is_hidden]).toEqual([status, !!hidden]);
  return report;
}

const STATES = Object.keys(PATHS).flatMap((status) => [status, `${status}+hidden`]);
const legalFrom = (state: string): Record<string, string> => {
  const [status, hidden] = state.split('+') as [string, string | undefined];
  return { ...LEGAL[status]!, ...(hidden ? { UNHIDE: status } : { HIDE: status }) };
};
const cases = STATES.flatMap((state) => Object.keys(ATTEMPTS).map((attempt) => [state, attempt, legalFrom(state)[attempt]] as const));
const refused = new Map<string, Promise<Report>>();

describe('the report state machine, every action from every status, shown and hidden', () => {
  it.each(cases.filter(([, , to]) => to))('%s --%s--> moves and records a timeline entry', async (state, attempt, to) => {
    const report = await reach(state);
    const before = await reportSnapshot(api, report.id);
    dataOf(await ATTEMPTS[attempt]!(report));
    const after = await reportSnapshot(api, report.id);
    const row = JSON.parse(after.report);
    expect(row.status).toBe(to);
    if (STAMPS[attempt]) expect(row[STAMPS[attempt]!]).not.toBeNull();
    expect(row.is_hidden).toBe(attempt === 'HIDE' ? true : attempt === 'UNHIDE' ? false : state.endsWith('+hidden'));
    expect(after.events).toBe(before.events + 1);
    expect(await lastReportEvent(api, report.id)).toMatchObject({ action: attempt, fromStatus: state.split('+')[0], toStatus: to });
  });

  it.each(cases.filter(([, , to]) => !to))('%s --%s--> is refused with a clear error and changes nothing', async (state, attempt) => {
    if (!refused.has(state)) refused.set(state, reach(state));
    const report = await refused.get(state)!;
    const before = await reportSnapshot(api, report.id);
    const { data, errors } = await ATTEMPTS[attempt]!(report);
    expect(data ?? null).toBeNull();
    expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(errors?.[0]?.extensions?.code);
    expect(errors![0]!.message).toContain(state.split('+')[0]);
    expect(await reportSnapshot(api, report.id)).toEqual(before);
  });

  it('should refuse a second rating, and staff steps without their reason, writing nothing', async () => {
    const report = await reach('FEEDBACK_GIVEN');
    dataOf(await ATTEMPTS.CONFIRM!(report));
    const before = await reportSnapshot(api, report.id);
    expect((await ATTEMPTS.CONFIRM!(report)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    for (const action of ['REOPEN', 'HIDE']) expect((await advance(action)(report)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await advance('ACCEPT')(report)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await reportSnapshot(api, report.id)).toEqual(before);
  });
});

describe('case modes', () => {
  it('即办 IMMEDIATE: closes on the spot with its result, three public entries at one time and no due date', async () => {
    const report = await submitReport(api);
    const refusedWithout = await api.gql(RPT.accept, { input: { reportId: report.id, caseMode: 'IMMEDIATE' } }, staff);
    expect(refusedWithout.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.result' });
    const accepted = dataOf(await api.gql(RPT.accept, { input: { reportId: report.id, caseMode: 'IMMEDIATE', result: '当场疏通下水道' } }, staff)).acceptReport;
    expect(accepted).toMatchObject({ status: 'CLOSED', caseMode: 'IMMEDIATE', dueOn: null, result: '当场疏通下水道' });
    expect(accepted.timeline.map((entry: { action: string }) => entry.action)).toEqual(['SUBMIT', 'ACCEPT', 'GIVE_FEEDBACK', 'CLOSE']);
    const resident = dataOf(await api.gql(RPT.byToken, { token: report.token })).reportByToken;
    expect(resident).toMatchObject({ status: 'CLOSED', result: '当场疏通下水道' });
  });

  it('跟踪 TRACKED: due in 5 working days, handled, reported back, closed, confirmed and rated by the resident', async () => {
    const report = await submitReport(api);
    const accepted = dataOf(
      await api.gql(RPT.accept, { input: { reportId: report.id, caseMode: 'TRACKED', handlers: [{ volunteerTeamId: providers.team }] } }, staff),
    ).acceptReport;
    expect(accepted.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(accepted.handlers).toEqual([expect.objectContaining({ handlerType: 'VOLUNTEER_TEAM', isLead: true, team: expect.objectContaining({ id: providers.team }) })]);
    dataOf(await advance('START')(report));
    const back = dataOf(await api.gql(RPT.back, { input: { reportId: report.id, result: '已修复' } }, staff)).reportBack;
    expect(back).toMatchObject({ status: 'FEEDBACK_GIVEN', result: '已修复' });
    const confirmed = dataOf(await api.gql(RPT.confirm, { token: report.token, input: { satisfaction: 'BASICALLY_SATISFIED', score: 4, comment: '还行' } })).confirmReport;
    expect(confirmed).toMatchObject({ status: 'CLOSED', satisfaction: 'BASICALLY_SATISFIED', score: 4 });
    expect(confirmed.closedAt).not.toBeNull();
  });

  it('联办 JOINT: needs 2+ handlers with one lead; other handlers’ reports keep it open; only the lead’s report gives the feedback', async () => {
    const report = await submitReport(api, { kind: 'DISPUTE' });
    for (const handlers of [
      [{ department: '司法所', isLead: true }],
      [{ department: '司法所' }, { department: '派出所' }],
      [{ department: '司法所', isLead: true }, { department: '司法所' }],
    ]) {
      const answer = await api.gql(RPT.accept, { input: { reportId: report.id, caseMode: 'JOINT', handlers } }, staff);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const handlers = [{ allianceUnitId: providers.units[0], isLead: true }, { volunteerTeamId: providers.team }, { department: '司法所' }];
    const accepted = dataOf(await api.gql(RPT.accept, { input: { reportId: report.id, caseMode: 'JOINT', handlers } }, staff)).acceptReport;
    expect(accepted.handlers.map((entry: { isLead: boolean }) => entry.isLead)).toEqual([true, false, false]);
    dataOf(await advance('START')(report));
    const [lead, team, department] = accepted.handlers.map((entry: { id: string }) => entry.id);
    expect((await api.gql(RPT.back, { input: { reportId: report.id, result: '已调解' } }, staff)).errors?.[0]?.extensions?.argument).toBe('input.handlerId');
    for (const handlerId of [team, department]) {
      const back = dataOf(await api.gql(RPT.back, { input: { reportId: report.id, handlerId, result: '已配合走访' } }, staff)).reportBack;
      expect(back.status).toBe('IN_HANDLING');
      expect(back.timeline.at(-1)).toMatchObject({ action: 'HANDLER_REPORT', isPublic: false });
    }
    expect((await api.gql(RPT.back, { input: { reportId: report.id, handlerId: team, result: '再次' } }, staff)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await advance('CLOSE')(report)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const closedByLead = dataOf(await api.gql(RPT.back, { input: { reportId: report.id, handlerId: lead, result: '双方达成调解协议' } }, staff)).reportBack;
    expect(closedByLead).toMatchObject({ status: 'FEEDBACK_GIVEN', result: '双方达成调解协议' });
    expect(dataOf(await advance('CLOSE')(report)).advanceReport.status).toBe('CLOSED');
    // The resident sees the public steps only: not the other handlers' partial reports.
    const timeline = dataOf(await api.gql(RPT.byToken, { token: report.token })).reportByToken.timeline.map((entry: { action: string }) => entry.action);
    expect(timeline).toEqual(['SUBMIT', 'ACCEPT', 'START', 'GIVE_FEEDBACK', 'CLOSE']);
  });
});

describe('duplicates and hiding keep the original', () => {
  it('should link a duplicate to its original, keep both, and refuse a duplicate of a duplicate', async () => {
    const first = await submitReport(api);
    const second = await submitReport(api);
    const marked = dataOf(await advance('MARK_DUPLICATE', { duplicateOfId: first.id })(second)).advanceReport;
    expect(marked).toMatchObject({ status: 'DUPLICATE', duplicateOf: { id: first.id, status: 'SUBMITTED' } });
    const third = await submitReport(api);
    const before = await reportSnapshot(api, third.id);
    expect((await advance('MARK_DUPLICATE', { duplicateOfId: second.id })(third)).errors?.[0]?.extensions?.argument).toBe('input.duplicateOfId');
    expect(await reportSnapshot(api, third.id)).toEqual(before);
    const [{ count }] = await api.app.orm.em.getConnection().execute(`select count(*)::int as count from report where id in (?, ?)`, [first.id, second.id]);
    expect(count).toBe(2);
  });

  it('should keep a hidden report (and its timeline) for staff and its reporter, out of the public list', async () => {
    const report = await submitReport(api);
    dataOf(await api.gql(RPT.accept, { input: { reportId: report.id, caseMode: 'TRACKED' } }, staff));
    const listed = async () =>
      dataOf(await api.gql(RPT.publicList, { centreCode: REPORT_CENTRE, first: 100 })).publicReports.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(await listed()).toContain(report.id);
    const hidden = dataOf(await advance('HIDE', { reason: '照片含他人面部' })(report)).advanceReport;
    expect(hidden).toMatchObject({ isHidden: true, status: 'ACCEPTED' });
    expect(hidden.timeline.at(-1)).toMatchObject({ action: 'HIDE', isPublic: false });
    expect(await listed()).not.toContain(report.id);
    expect(dataOf(await api.gql(RPT.byToken, { token: report.token })).reportByToken.timeline.map((entry: { action: string }) => entry.action)).not.toContain('HIDE');
    const staffList = dataOf(await api.gql(RPT.list, { filter: { centreCode: REPORT_CENTRE, isHidden: true }, first: 100 }, staff)).reports;
    expect(staffList.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(report.id);
    dataOf(await advance('UNHIDE')(report));
    expect(await listed()).toContain(report.id);
  });
});

describe('the staff list of reports', () => {
  const LIST = `query ($first: Int) {
    reports(first: $first, filter: { centreCode: "${REPORT_CENTRE}", status: [IN_HANDLING], kind: [MUTUAL_HELP] }) { totalCount edges { node {
      id contactPhone centre { name } duplicateOf { id } timeline { action note } photos { id url }
      handlers { isLead department unit { name } team { name } }
    } } }
  }`;

  async function statementsFor(first: number): Promise<number> {
    api.statements.length = 0;
    const data = dataOf(await api.gql(LIST, { first }, staff));
    expect(data.reports.edges).toHaveLength(first);
    return api.statements.length;
  }

  it('should cost the same number of statements for 1 report as for 20, with timelines, handlers and photos', async () => {
    for (let n = 0; n < 20; n += 1) {
      const report = await submitReport(api, { kind: 'MUTUAL_HELP' });
      const handlers = [{ allianceUnitId: providers.units[0], isLead: true }, { volunteerTeamId: providers.team }, { department: '社区居委会' }];
      dataOf(await api.gql(RPT.accept, { input: { reportId: report.id, caseMode: 'JOINT', handlers } }, staff));
      dataOf(await advance('START')(report));
    }
    const one = await statementsFor(1);
    const twenty = await statementsFor(20);
    expect(twenty).toBe(one);
    expect(twenty).toBeLessThanOrEqual(10);
  });

  it('should page Centre.reports for staff only, and refuse other centres’ staff', async () => {
    const query = `{ centre(code: "${REPORT_CENTRE}") { reports(first: 3) { totalCount edges { node { id contactPhone } } } } }`;
    expect(dataOf(await api.gql(query, {}, staff)).centre.reports.edges).toHaveLength(3);
    expect((await api.gql(query)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(query, {}, await signIn(api, STAFF.chengjiang))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await api.gql(RPT.accept, { input: { reportId: original.id, caseMode: 'TRACKED' } }, await signIn(api, STAFF.chengjiang));
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
