import { createHash, randomUUID } from 'node:crypto';
import pino from 'pino';
import { createApp, type App } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import { signIn, STAFF } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dataOf, newPhone, REPORT_CENTRE, reportInput, RPT, submitReport } from '../helpers/reports';

/** Residents' side of reports: a double tap, the token, privacy of private kinds and contacts (answers, errors, the cache, the log), budgets. */
let api: TestApp;
let staff: Record<string, string>;
beforeAll(async () => {
  api = await createTestApp({ env: { ORDER_SUBMISSIONS_PER_ADDRESS_PER_HOUR: '1000000', ORDER_SUBMISSIONS_PER_CONTACT_PER_DAY: '1000000' } });
  staff = await signIn(api, STAFF.gaolongtan);
});
afterAll(() => api.stop());

const countReports = async (where: string, params: unknown[]) =>
  ((await api.app.orm.em.getConnection().execute(`select count(*)::int as count from report where ${where}`, params)) as Array<{ count: number }>)[0]!.count;
const accept = async (id: string) => dataOf(await api.gql(RPT.accept, { input: { reportId: id, caseMode: 'TRACKED' } }, staff));

/** A public query as sent over HTTP, with the cache's verdict. */
async function ask(query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { text: await response.text(), cache: response.headers.get('x-cache'), cacheControl: response.headers.get('cache-control') };
}

describe('a resident’s double tap', () => {
  it('should create one report for two submissions with the same key at once, and answer a replay with the same report and token', async () => {
    const input = reportInput();
    const key = randomUUID();
    const taps = await Promise.all([1, 2].map(() => api.gql(RPT.submit, { input, idempotencyKey: key })));
    const [first, second] = taps.map((tap) => dataOf(tap).submitReport);
    expect(second).toEqual(first);
    expect(first.residentToken).toMatch(/^rpt_[A-Za-z0-9_-]{43}$/);
    expect(await countReports('contact_phone = ?', [input.contactPhone])).toBe(1);
    expect(dataOf(await api.gql(RPT.submit, { input, idempotencyKey: key })).submitReport).toEqual(first);
    const other = reportInput();
    const conflict = await api.gql(RPT.submit, { input: other, idempotencyKey: key });
    expect(conflict.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(JSON.stringify(conflict)).not.toContain(other.contactPhone);
    expect(await countReports('contact_phone = ?', [other.contactPhone])).toBe(0);
  });

  it('should store the token only as its SHA-256; an altered token opens nothing', async () => {
    const { id, token } = await submitReport(api);
    const [row] = await api.app.orm.em.getConnection().execute(`select row_to_json(r)::text as row from report r where id = ?`, [id]);
    expect(row.row).not.toContain(token.slice(4));
    expect(row.row).toContain(createHash('sha256').update(token).digest('hex'));
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(dataOf(await api.gql(RPT.byToken, { token: altered })).reportByToken).toBeNull();
    const confirm = await api.gql(RPT.confirm, { token: altered, input: { satisfaction: 'SATISFIED', score: 5 } });
    expect(confirm.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(confirm.errors?.[0]?.message).not.toContain(altered);
  });
});

describe('visibility by kind', () => {
  it('should require a contact for private kinds, and derive visibility from the kind', async () => {
    for (const kind of ['DISPUTE', 'CASE_LEAD', 'HOUSEHOLD_INFO']) {
      const answer = await api.gql(RPT.submit, { input: reportInput({ kind, contactName: null, contactPhone: null }) });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.contactPhone' });
    }
    const anonymous = dataOf(await api.gql(RPT.submit, { input: reportInput({ kind: 'LOST_PROPERTY', contactName: null, contactPhone: null }) })).submitReport.report;
    expect(anonymous.visibility).toBe('PUBLIC');
    const household = dataOf(await api.gql(RPT.submit, { input: reportInput({ kind: 'HOUSEHOLD_INFO' }) })).submitReport.report;
    expect(household.visibility).toBe('NEVER_PUBLIC');
  });

  it('should list only accepted, public kinds, never private ones, contacts or household information, cached and purged', async () => {
    const phone = newPhone();
    const secrets = { DISPUTE: '邻居噪音纠纷-秘密甲', CASE_LEAD: '可疑人员线索-秘密乙', HOUSEHOLD_INFO: '新租户身份证号-秘密丙' };
    const privateIds: string[] = [];
    for (const [kind, description] of Object.entries(secrets)) {
      const { id } = await submitReport(api, { kind, description, contactPhone: phone, contactName: '赵秘密' });
      await accept(id);
      privateIds.push(id);
    }
    const hazard = await submitReport(api, { kind: 'HAZARD', description: '井盖缺失-公开', contactPhone: phone, contactName: '赵秘密' });
    const pending = await submitReport(api, { kind: 'HAZARD', description: '尚未受理-不公开' });
    await accept(hazard.id);
    const queries: Array<[string, Record<string, unknown>]> = [
      [RPT.publicList, { centreCode: REPORT_CENTRE, first: 100 }],
      [RPT.publicList, { regionCode: '530402', first: 100 }],
      [RPT.publicList, { centreCode: REPORT_CENTRE, filter: { kind: ['DISPUTE', 'CASE_LEAD', 'HOUSEHOLD_INFO'] }, first: 100 }],
      [`{ centre(code: "${REPORT_CENTRE}") { publicReports(first: 100) { totalCount edges { node { id kind description result photos { url } } } } } }`, {}],
    ];
    for (const [query, variables] of queries) {
      const first = await ask(query, variables);
      const second = await ask(query, variables);
      expect(second.cache).toBe('HIT');
      for (const text of [first.text, second.text]) {
        for (const secret of [phone, '赵秘密', ...Object.values(secrets), ...privateIds, pending.id, '尚未受理']) expect(text).not.toContain(secret);
      }
    }
    expect((await ask(...queries[0]!)).text).toContain(hazard.id);
    expect(dataOf(await api.gql(RPT.publicList, { centreCode: REPORT_CENTRE, filter: { kind: ['DISPUTE'] } })).publicReports.totalCount).toBe(0);
    // Accepting the pending one purges the cached list: it appears at once.
    await accept(pending.id);
    const after = await ask(...queries[0]!);
    expect(after.cache).toBe('MISS');
    expect(after.text).toContain(pending.id);
    const fields = dataOf(await api.gql(`{ __type(name: "PublicReport") { fields { name } } }`)).__type.fields.map((field: { name: string }) => field.name);
    expect(fields).not.toEqual(expect.arrayContaining(['contactPhone']));
    expect(fields).not.toContain('contactName');
  });

  it('should keep contacts out of the resident’s answers and every error message, while staff see them', async () => {
    const phone = newPhone();
    const submitted = dataOf(await api.gql(RPT.submit, { input: reportInput({ kind: 'DISPUTE', contactPhone: phone, contactName: '钱某某' }) })).submitReport;
    const answers = [
      submitted,
      await api.gql(RPT.byToken, { token: submitted.residentToken }),
      await api.gql(RPT.submit, { input: reportInput({ contactPhone: `${phone}x`, contactName: '钱某某' }) }),
      await api.gql(RPT.submit, { input: { ...reportInput({ contactPhone: phone, contactName: '钱某某' }), email: 'x@example.com' } }),
      await api.gql(RPT.submit, { input: reportInput({ contactPhone: Number(phone), contactName: '钱某某' }) }),
      await api.gql(RPT.submit, { input: reportInput({ contactPhone: phone, contactName: null }) }),
      await api.gql(RPT.submit, { input: reportInput({ contactPhone: phone, contactName: '钱某某', centreCode: '530402999999-99' }) }),
      await api.gql(RPT.list, { first: 5 }),
      await api.gql(RPT.list, { first: 5 }, await signIn(api, STAFF.chengjiang)),
    ];
    for (const answer of answers) {
      expect(JSON.stringify(answer)).not.toContain(phone);
      expect(JSON.stringify(answer)).not.toContain('钱某某');
    }
    const fields = dataOf(await api.gql(`{ __type(name: "ResidentReport") { fields { name } } }`)).__type.fields.map((field: { name: string }) => field.name);
    expect(fields).not.toContain('contactPhone');
    const list = dataOf(await api.gql(RPT.list, { filter: { centreCode: REPORT_CENTRE, kind: ['DISPUTE'] }, first: 50 }, staff));
    expect(list.reports.edges.map((edge: { node: { contactPhone: string } }) => edge.node.contactPhone)).toContain(phone);
  });
});

describe('the request log', () => {
  const lines: string[] = [];
  let app: App;
  let url: string;
  beforeAll(async () => {
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    app = await createApp(loadConfig({ NODE_ENV: 'test', PORT: '0', ANONYMOUS_RATE_PER_MINUTE: '1000000' }), { databaseUrl: process.env.TEST_DATABASE_URL!, logger });
    url = await app.listen();
  });
  afterAll(async () => {
    await app.stop();
    await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
  });

  it('should hold neither contacts, household information nor the resident’s token', async () => {
    const post = async (query: string, variables: Record<string, unknown>) =>
      (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json();
    const phone = newPhone();
    const household = '502室新住户王某身份证5304';
    const key = randomUUID();
    const { data } = await post(RPT.submit, {
      input: reportInput({ kind: 'HOUSEHOLD_INFO', description: household, contactPhone: phone, contactName: '孙某某' }),
      idempotencyKey: key,
    });
    const token: string = data.submitReport.residentToken;
    await post(RPT.submit, { input: reportInput({ kind: 'HOUSEHOLD_INFO', description: `${household}又`, contactPhone: phone, contactName: '孙某某' }), idempotencyKey: key });
    await post(RPT.submit, { input: reportInput({ kind: 'HOUSEHOLD_INFO', description: household, contactPhone: `${phone}#`, contactName: '孙某某' }) });
    const get = `${url}/graphql?query=${encodeURIComponent(RPT.byToken)}&variables=${encodeURIComponent(JSON.stringify({ token }))}`;
    const answer = await (await fetch(get, { headers: { 'apollo-require-preflight': 'true' } })).json();
    expect(answer.data.reportByToken.id).toBe(data.submitReport.report.id);
    await fetch(`${url}/reports/photos/no-such-photo`, { headers: { 'x-report-token': token } });
    const log = lines.join('');
    expect(log).toContain('/graphql?query=');
    for (const secret of [phone, '孙某某', household, token, token.slice(4), encodeURIComponent(token)]) expect(log).not.toContain(secret);
  });
});

describe('submission budgets', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ env: { ORDER_SUBMISSIONS_PER_ADDRESS_PER_HOUR: '3', ORDER_SUBMISSIONS_PER_CONTACT_PER_DAY: '2', TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => limited.stop());
  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('should refuse the 4th report from one address within the hour (with or without a contact) before writing anything', async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    for (let n = 0; n < 3; n += 1) await submitReport(limited, n === 0 ? { contactName: null, contactPhone: null } : {}, undefined, from(address));
    const phone = newPhone();
    const answer = await limited.gql(RPT.submit, { input: reportInput({ contactPhone: phone }) }, from(address));
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(answer.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(3000);
    expect(await countReports('contact_phone = ?', [phone])).toBe(0);
    await submitReport(limited, {}, undefined, from('198.51.100.251'));
  });

  it('should refuse the 3rd report for one phone within the day, from any address, without repeating it', async () => {
    const phone = newPhone();
    await submitReport(limited, { contactPhone: phone }, undefined, from('203.0.113.11'));
    await submitReport(limited, { contactPhone: phone.replace(/^(\d{3})/, '$1-') }, undefined, from('203.0.113.12'));
    const answer = await limited.gql(RPT.submit, { input: reportInput({ contactPhone: phone }) }, from('203.0.113.13'));
    expect(answer.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(JSON.stringify(answer)).not.toContain(phone);
    expect(await countReports('contact_phone = ?', [phone])).toBe(2);
  });
});
