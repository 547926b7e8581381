import { createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app';
import { signIn, STAFF } from '../helpers/staff';
import { createProviders, dataOf, lastEvent, offersOf, OPS, ORDER_CENTRE, type Providers, snapshot, submit } from '../helpers/service-orders';

/**
 * The order loop through its documented operations, against the real database: every step
 * from every status, the race of two acceptances, and the staff list's statement count.
 */
let api: TestApp;
let staff: Record<string, string>;
let providers: Providers;
let original: { id: string; token: string };

beforeAll(async () => {
  api = await createTestApp({ env: { ORDER_SUBMISSIONS_PER_ADDRESS_PER_HOUR: '1000000', ORDER_SUBMISSIONS_PER_CONTACT_PER_DAY: '1000000' } });
  staff = await signIn(api, STAFF.gaolongtan);
  providers = await createProviders(api);
  original = await submit(api);
});
afterAll(() => api.stop());

type Order = { id: string; token: string };
type Attempt = (order: Order) => Promise<GraphQLResponse>;

const advance =
  (action: string, extra: Record<string, unknown> = {}): Attempt =>
  (order) =>
    api.gql(OPS.advance, { input: { orderId: order.id, action, ...extra } }, staff);

/** The offer a provider's answer is recorded for: the first still open, else the latest. */
async function offerToAnswer(orderId: string): Promise<string> {
  const offers = await offersOf(api, orderId);
  return (offers.find((offer) => offer.status === 'PENDING') ?? offers.at(-1))!.id;
}

/** Every way to try to move an order, by the action it names (CANCEL twice: by staff and by the resident). */
const ATTEMPTS: Record<string, Attempt> = {
  ACCEPT: advance('ACCEPT'),
  DISPATCH: (order) => api.gql(OPS.dispatch, { input: { orderId: order.id, offers: [{ volunteerTeamId: providers.team }] } }, staff),
  PROVIDER_ACCEPT: async (order) => api.gql(OPS.respond, { dispatchId: await offerToAnswer(order.id), accept: true }, staff),
  DECLINE: async (order) => api.gql(OPS.respond, { dispatchId: await offerToAnswer(order.id), accept: false, reason: '本周人手不足' }, staff),
  START: advance('START'),
  REPORT_DONE: advance('REPORT_DONE', { note: '器材已更换' }),
  CONFIRM: (order) => api.gql(OPS.confirm, { token: order.token, isDone: true }),
  NOT_DONE: (order) => api.gql(OPS.confirm, { token: order.token, isDone: false, note: '还有一台没修好' }),
  REVIEW: (order) => api.gql(OPS.review, { token: order.token, input: { satisfaction: 'SATISFIED', score: 5, comment: '很及时' } }),
  CLOSE: advance('CLOSE'),
  CANCEL_BY_STAFF: advance('CANCEL', { reason: '居民来电撤销' }),
  CANCEL_BY_RESIDENT: (order) => api.gql(OPS.cancel, { token: order.token, reason: '已自行解决' }),
  REJECT: advance('REJECT', { reason: '不属于本中心服务范围' }),
  MARK_DUPLICATE: (order) => advance('MARK_DUPLICATE', { duplicateOfId: original.id })(order),
  REOPEN: advance('REOPEN', { reason: '居民补充了材料' }),
};

/** Two offers, to the two units, the first the lead. */
const dispatchTwo: Attempt = (order) =>
  api.gql(OPS.dispatch, { input: { orderId: order.id, offers: [{ allianceUnitId: providers.units[0], isLead: true }, { allianceUnitId: providers.units[1] }] } }, staff);

const FULL = ['ACCEPT', 'DISPATCH_TWO', 'PROVIDER_ACCEPT', 'START', 'REPORT_DONE', 'CONFIRM', 'REVIEW', 'CLOSE'];
/** How each status is reached from a fresh submission; each path goes through a dispatch, so providers' answers can be tried anywhere. */
const PATHS: Record<string, string[]> = {
  SUBMITTED: [...FULL, 'REOPEN'],
  ACCEPTED: ['ACCEPT', 'DISPATCH', 'DECLINE'],
  DISPATCHED: ['ACCEPT', 'DISPATCH_TWO'],
  PROVIDER_ACCEPTED: FULL.slice(0, 3),
  IN_PROGRESS: FULL.slice(0, 4),
  AWAITING_CONFIRMATION: FULL.slice(0, 5),
  COMPLETED: FULL.slice(0, 6),
  REVIEWED: FULL.slice(0, 7),
  CLOSED: FULL,
  CANCELLED: ['ACCEPT', 'DISPATCH_TWO', 'CANCEL_BY_STAFF'],
  REJECTED: [...FULL, 'REOPEN', 'REJECT'],
  DUPLICATE: [...FULL, 'REOPEN', 'MARK_DUPLICATE'],
};

/** The specification: from each status, the attempts that must succeed and the status they lead to. Everything else must be refused. */
const CANCELS = { CANCEL_BY_STAFF: 'CANCELLED', CANCEL_BY_RESIDENT: 'CANCELLED' };
const LEGAL: Record<string, Record<string, string>> = {
  SUBMITTED: { ACCEPT: 'ACCEPTED', REJECT: 'REJECTED', MARK_DUPLICATE: 'DUPLICATE', ...CANCELS },
  ACCEPTED: { DISPATCH: 'DISPATCHED', REJECT: 'REJECTED', MARK_DUPLICATE: 'DUPLICATE', ...CANCELS },
  DISPATCHED: { PROVIDER_ACCEPT: 'PROVIDER_ACCEPTED', DECLINE: 'DISPATCHED', ...CANCELS },
  PROVIDER_ACCEPTED: { START: 'IN_PROGRESS', ...CANCELS },
  IN_PROGRESS: { REPORT_DONE: 'AWAITING_CONFIRMATION', ...CANCELS },
  AWAITING_CONFIRMATION: { CONFIRM: 'COMPLETED', NOT_DONE: 'IN_PROGRESS', ...CANCELS },
  COMPLETED: { REVIEW: 'REVIEWED', CLOSE: 'CLOSED' },
  REVIEWED: { CLOSE: 'CLOSED' },
  CLOSED: { REOPEN: 'SUBMITTED' },
  CANCELLED: {},
  REJECTED: { REOPEN: 'SUBMITTED' },
  DUPLICATE: { REOPEN: 'SUBMITTED' },
};

/** The milestone each step stamps on the order. */
const STAMPS: Record<string, string> = {
  ACCEPT: 'accepted_at',
  DISPATCH: 'dispatched_at',
  PROVIDER_ACCEPT: 'provider_accepted_at',
  START: 'started_at',
  REPORT_DONE: 'done_reported_at',
  CONFIRM: 'completed_at',
  NOT_DONE: 'disputed_at',
  REVIEW: 'reviewed_at',
  CLOSE: 'closed_at',
  CANCEL_BY_STAFF: 'cancelled_at',
  CANCEL_BY_RESIDENT: 'cancelled_at',
  REJECT: 'rejected_at',
  MARK_DUPLICATE: 'marked_duplicate_at',
  REOPEN: 'reopened_at',
};

async function reach(status: string): Promise<Order> {
  const order = await submit(api);
  for (const step of PATHS[status]!) dataOf(await (step === 'DISPATCH_TWO' ? dispatchTwo : ATTEMPTS[step]!)(order));
  expect(JSON.parse((await snapshot(api, order.id)).order).status).toBe(status);
  return order;
}

const STATUSES = Object.keys(PATHS);
const cases = STATUSES.flatMap((status) => Object.keys(ATTEMPTS).map((attempt) => [status, attempt, LEGAL[status]![attempt]] as const));
const refusedOrders = new Map<string, Promise<Order>>();

describe('the service-order state machine, every step from every status', () => {
  it.each(cases.filter(([, , to]) => to))('%s --%s--> moves and records a timeline entry', async (status, attempt, to) => {
    const order = await reach(status);
    const before = await snapshot(api, order.id);
    dataOf(await ATTEMPTS[attempt]!(order));
    const after = await snapshot(api, order.id);
    const row = JSON.parse(after.order);
    expect(row.status).toBe(to);
    expect(row[STAMPS[attempt]!]).not.toBeNull();
    expect(after.events).toBe(before.events + 1);
    expect(await lastEvent(api, order.id)).toMatchObject({ action: attempt.replace(/_BY_(STAFF|RESIDENT)$/, ''), fromStatus: status, toStatus: to });
  });

  it.each(cases.filter(([, , to]) => !to))('%s --%s--> is refused with a clear error and changes nothing', async (status, attempt) => {
    if (!refusedOrders.has(status)) refusedOrders.set(status, reach(status));
    const order = await refusedOrders.get(status)!;
    const before = await snapshot(api, order.id);
    const { data, errors } = await ATTEMPTS[attempt]!(order);
    expect(data ?? null).toBeNull();
    expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(errors?.[0]?.extensions?.code);
    expect(errors![0]!.message).toContain(status);
    expect(await snapshot(api, order.id)).toEqual(before);
  });

  it('should send a dispatched order back to ACCEPTED when its last open offer is declined', async () => {
    const order = await reach('DISPATCHED');
    for (const offer of await offersOf(api, order.id)) dataOf(await api.gql(OPS.respond, { dispatchId: offer.id, accept: false, reason: '无法承接' }, staff));
    expect(JSON.parse((await snapshot(api, order.id)).order).status).toBe('ACCEPTED');
    expect(await lastEvent(api, order.id)).toMatchObject({ action: 'ALL_DECLINED', fromStatus: 'DISPATCHED', toStatus: 'ACCEPTED', isPublic: true });
    // Dispatched again, to the team this time.
    dataOf(await ATTEMPTS.DISPATCH!(order));
  });

  it('should refuse resident steps sent by staff, and staff steps without their reason, writing nothing', async () => {
    const order = await reach('AWAITING_CONFIRMATION');
    const before = await snapshot(api, order.id);
    for (const answer of [await advance('CONFIRM')(order), await advance('REVIEW')(order), await api.gql(OPS.advance, { input: { orderId: order.id, action: 'CANCEL' } }, staff)]) {
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await snapshot(api, order.id)).toEqual(before);
  });
});

describe('two providers accepting at once', () => {
  it.each([1, 2, 3, 4, 5])('should let exactly one win, the other getting a CONFLICT and changing nothing (round %i)', async () => {
    const order = await reach('DISPATCHED');
    const offers = await offersOf(api, order.id);
    // Separate HTTP requests, so separate transactions racing for the order's row.
    const answers = await Promise.all(offers.map((offer) => api.gql(OPS.respond, { dispatchId: offer.id, accept: true }, staff)));
    const winners = answers.filter((answer) => answer.data?.respondToDispatch);
    const losers = answers.filter((answer) => answer.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]!.errors![0]!.extensions?.code).toBe('CONFLICT');
    expect(losers[0]!.errors![0]!.message).toContain('another provider took it first');
    const after = await offersOf(api, order.id);
    expect(after.filter((offer) => offer.status === 'ACCEPTED')).toHaveLength(1);
    expect(after.filter((offer) => offer.isLead)).toEqual(after.filter((offer) => offer.status === 'ACCEPTED'));
    expect(after.filter((offer) => offer.status === 'WITHDRAWN')).toHaveLength(1);
    const [{ count }] = await api.app.orm.em
      .getConnection()
      .execute(`select count(*)::int as count from service_order_event where order_id = ? and action = 'PROVIDER_ACCEPT'`, [order.id]);
    expect(count).toBe(1);
    expect(JSON.parse((await snapshot(api, order.id)).order).status).toBe('PROVIDER_ACCEPTED');
  });

  it('should make the accepted offer the lead even when another was marked lead', async () => {
    const order = await reach('DISPATCHED');
    const [lead, other] = await offersOf(api, order.id);
    expect(lead!.isLead).toBe(true);
    dataOf(await api.gql(OPS.respond, { dispatchId: other!.id, accept: true }, staff));
    const after = await offersOf(api, order.id);
    expect(after.map(({ status, isLead }) => ({ status, isLead }))).toEqual([
      { status: 'WITHDRAWN', isLead: false },
      { status: 'ACCEPTED', isLead: true },
    ]);
  });
});

describe('staff lists of orders', () => {
  const LIST = `query ($first: Int) {
    serviceOrders(first: $first, filter: { centreCode: "${ORDER_CENTRE}", status: [DISPATCHED] }) { totalCount edges { node {
      id contactPhone centre { name } resource { title } duplicateOf { id }
      timeline { action note } dispatches { status unit { name } team { name } }
    } } }
  }`;

  async function statementsFor(first: number): Promise<number> {
    api.statements.length = 0;
    const data = dataOf(await api.gql(LIST, { first }, staff));
    expect(data.serviceOrders.edges).toHaveLength(first);
    return api.statements.length;
  }

  it('should cost the same number of statements for 1 order as for 20, with their timelines and offers', async () => {
    // 20 orders of one shape (a resource asked for, a unit and a team offered), the newest DISPATCHED
    // ones of the centre: both pages load every relation. (高龙潭 is the centre tests write to; the
    // article's centres keep the counts other tests check.)
    const resource = `test-resource-${Date.now()}`;
    await api.app.orm.em
      .getConnection()
      .execute(
        `insert into resource (id, centre_code, provider_type, category, title, status, last_verified_on) values (?, ?, 'CENTRE', 'VENUE', '活动室', 'ACTIVE', '2026-01-01')`,
        [resource, ORDER_CENTRE],
      );
    for (let n = 0; n < 20; n += 1) {
      const order = await submit(api, { resourceId: resource });
      dataOf(await ATTEMPTS.ACCEPT!(order));
      const offers = [{ allianceUnitId: providers.units[0], isLead: true }, { volunteerTeamId: providers.team }];
      dataOf(await api.gql(OPS.dispatch, { input: { orderId: order.id, offers } }, staff));
    }
    const one = await statementsFor(1);
    const twenty = await statementsFor(20);
    expect(twenty).toBe(one);
    expect(twenty).toBeLessThanOrEqual(10);
  });

  it('should page Centre.serviceOrders the same way, for staff only', async () => {
    const query = `{ centre(code: "${ORDER_CENTRE}") { serviceOrders(first: 3) { totalCount edges { cursor node { id status } } } } }`;
    const data = dataOf(await api.gql(query, {}, staff));
    expect(data.centre.serviceOrders.edges).toHaveLength(3);
    expect((await api.gql(query)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(query, {}, await signIn(api, STAFF.chengjiang))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should show a centre’s orders to administrators of its region and to nobody else', async () => {
    const total = async (headers: Record<string, string>) => (await api.gql(`{ serviceOrders(first: 0) { totalCount } }`, {}, headers)).data?.serviceOrders?.totalCount;
    const ours = await total(staff);
    expect(ours).toBeGreaterThan(0);
    expect(await total(await signIn(api, STAFF.hongta))).toBeGreaterThanOrEqual(ours);
    expect(await total(await signIn(api, STAFF.chengjiang))).toBe(0);
    const anonymous = await api.gql(`{ serviceOrders(first: 1) { totalCount } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const other = await api.gql(OPS.advance, { input: { orderId: original.id, action: 'ACCEPT' } }, await signIn(api, STAFF.chengjiang));
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
