import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { signIn, STAFF, staffOperation } from '../helpers/staff';
import { createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app';
import { createProviders, dataOf, newPhone, offersOf, OPS, ORDER_CENTRE, submit } from '../helpers/service-orders';

/**
 * Points through the documented operations: a review earns ORDER_REVIEWED points once (from the
 * centre's budget, within the daily limit; never refused for want of budget), two residents race
 * for the last reward, staff settle and reverse, who may do what, and the phone stays out.
 */
const points = (name: string) => readFileSync(path.join(__dirname, '../../schema/operations/points', `${name}.graphql`), 'utf8');
const P = {
  residentPoints: points('resident-points'),
  rewardItems: points('reward-items'),
  redeem: points('redeem-reward'),
  grant: staffOperation('grant-points-budget'),
  centrePoints: staffOperation('centre-points'),
  createItem: staffOperation('create-reward-item'),
  fulfil: staffOperation('fulfil-redemption'),
  release: staffOperation('release-redemption'),
  reverse: staffOperation('reverse-points-transfer'),
  setRule: staffOperation('set-points-rule'),
};
/** 红塔区 centre that no test grants a points budget to. */
const NO_BUDGET_CENTRE = '530402101001-01';

let api: TestApp;
let city: Record<string, string>;
let centreStaff: Record<string, string>;
const teams = new Map<string, string>();
const answers: unknown[] = [];
const phones: string[] = [];

beforeAll(async () => {
  api = await createTestApp({ env: { ORDER_SUBMISSIONS_PER_ADDRESS_PER_HOUR: '1000000', ORDER_SUBMISSIONS_PER_CONTACT_PER_DAY: '1000000' } });
  city = await signIn(api, STAFF.city);
  centreStaff = await signIn(api, STAFF.gaolongtan);
  dataOf(await api.gql(P.grant, { centreCode: ORDER_CENTRE, points: 100_000, note: '测试预算' }, city));
});
afterAll(() => api.stop());

const sql = (text: string, params: unknown[] = []) => api.app.orm.em.getConnection().execute(text, params, 'all');
const codeOf = (answer: GraphQLResponse) => answer.errors?.[0]?.extensions?.code;
/** The answer, kept for the privacy check at the end. */
async function kept(answer: Promise<GraphQLResponse> | GraphQLResponse): Promise<GraphQLResponse> {
  const settled = await answer;
  answers.push(settled);
  return settled;
}

/** An order of `phone` at `centreCode`, driven to COMPLETED (city staff for the centre, the resident confirming). */
async function completedOrder(centreCode: string, phone: string): Promise<{ id: string; token: string }> {
  phones.push(phone);
  if (!teams.has(centreCode)) teams.set(centreCode, (await createProviders(api, centreCode)).team);
  const order = await submit(api, { centreCode, contactPhone: phone });
  const advance = async (action: string) => dataOf(await api.gql(OPS.advance, { input: { orderId: order.id, action } }, city));
  await advance('ACCEPT');
  dataOf(await api.gql(OPS.dispatch, { input: { orderId: order.id, offers: [{ volunteerTeamId: teams.get(centreCode) }] } }, city));
  dataOf(await api.gql(OPS.respond, { dispatchId: (await offersOf(api, order.id))[0]!.id, accept: true }, city));
  await advance('START');
  await advance('REPORT_DONE');
  dataOf(await api.gql(OPS.confirm, { token: order.token, isDone: true }));
  return order;
}

const review = (token: string) => kept(api.gql(OPS.review, { token, input: { satisfaction: 'SATISFIED', score: 5 } }));
const balanceOf = async (token: string): Promise<number> => dataOf(await kept(api.gql(P.residentPoints, { token }))).residentPoints.balance;
const reviewNote = async (token: string): Promise<string> =>
  dataOf(await api.gql(OPS.byToken, { token })).serviceOrderByToken.timeline.find((entry: { action: string }) => entry.action === 'REVIEW').note;

describe('reviewing an order', () => {
  it('should credit ORDER_REVIEWED points once, from the centre’s budget, to the account every order of that phone opens', async () => {
    const phone = newPhone();
    const order = await completedOrder(ORDER_CENTRE, phone);
    const budget = async () => dataOf(await api.gql(P.centrePoints, { centreCode: ORDER_CENTRE }, centreStaff)).centrePoints.budget;
    const before = await budget();
    expect(dataOf(await review(order.token)).reviewServiceOrder.status).toBe('REVIEWED');
    expect(await balanceOf(order.token)).toBe(10);
    expect(await reviewNote(order.token)).toBe('积分 +10 (ORDER_REVIEWED)');
    expect(await budget()).toBe(before - 10);
    // A replayed review is refused by the order's state and credits nothing.
    expect(codeOf(await review(order.token))).toBe('CONFLICT');
    expect(await balanceOf(order.token)).toBe(10);
    expect(await sql(`select count(*)::int as n from points_transfer where reference = ?`, [`order:${order.id}`])).toEqual([{ n: 1 }]);
    // Another order with the same phone, written another way, reaches the same account.
    const other = await submit(api, { contactPhone: `+86 ${phone.slice(0, 3)}-${phone.slice(3)}` });
    const answer = dataOf(await kept(api.gql(P.residentPoints, { token: other.token }))).residentPoints;
    expect(answer).toMatchObject({ balance: 10, movements: [{ amount: 10, kind: 'ISSUE', rule: 'ORDER_REVIEWED' }] });
  });

  it('should still succeed at a centre without budget, issuing nothing and saying why on the timeline', async () => {
    const order = await completedOrder(NO_BUDGET_CENTRE, newPhone());
    expect(dataOf(await review(order.token)).reviewServiceOrder.status).toBe('REVIEWED');
    expect(await reviewNote(order.token)).toMatch(/^No points issued: The points budget of centre 530402101001-01 holds 0 points/);
    expect(await balanceOf(order.token)).toBe(0);
    expect(await sql(`select count(*)::int as n from points_transfer where reference = ?`, [`order:${order.id}`])).toEqual([{ n: 0 }]);
  });

  it('should stop at the daily limit (20 points a day by ORDER_REVIEWED): the third review of the day earns nothing', async () => {
    const phone = newPhone();
    const orders = [await completedOrder(ORDER_CENTRE, phone), await completedOrder(ORDER_CENTRE, phone), await completedOrder(ORDER_CENTRE, phone)];
    for (const order of orders) dataOf(await review(order.token));
    expect(await balanceOf(orders[2]!.token)).toBe(20);
    expect(await reviewNote(orders[2]!.token)).toMatch(/already has 20 of the 20 points a day/);
  });
});

describe('rewards', () => {
  it('should let exactly one of two residents racing for the last unit win, leave the loser’s points untouched, and settle once', async () => {
    const [a, b] = [await completedOrder(ORDER_CENTRE, newPhone()), await completedOrder(ORDER_CENTRE, newPhone())];
    for (const order of [a, b]) dataOf(await review(order.token));
    const input = { centreCode: ORDER_CENTRE, name: `保温杯-${randomUUID().slice(0, 6)}`, pointsCost: 6, stock: 1, channel: 'AT_CENTRE' };
    const item = dataOf(await api.gql(P.createItem, { input }, centreStaff)).createRewardItem;
    expect(dataOf(await api.gql(P.rewardItems, { centreCode: ORDER_CENTRE })).rewardItems).toContainEqual(expect.objectContaining({ id: item.id, stock: 1 }));
    const race = await Promise.all([a, b].map((order) => kept(api.gql(P.redeem, { token: order.token, itemId: item.id, idempotencyKey: randomUUID() }))));
    const winners = race.filter((answer) => answer.data?.redeemReward);
    expect(winners).toHaveLength(1);
    expect(race.map(codeOf).filter(Boolean)).toEqual(['CONFLICT']);
    const [winner, loser] = race[0]!.data ? [a, b] : [b, a];
    expect([await balanceOf(winner.token), await balanceOf(loser.token)]).toEqual([4, 10]);
    expect(await sql(`select stock from reward_item where id = ?`, [item.id])).toEqual([{ stock: 0 }]);
    const redemption = winners[0]!.data.redeemReward;
    expect(redemption).toMatchObject({ points: 6, status: 'HELD' });

    // A replay of the winner's request answers the same redemption; released, the points and the unit come back; once.
    expect(dataOf(await api.gql(P.release, { redemptionId: redemption.id }, centreStaff)).releaseRedemption.status).toBe('RELEASED');
    expect(codeOf(await api.gql(P.release, { redemptionId: redemption.id }, centreStaff))).toBe('CONFLICT');
    expect(await balanceOf(winner.token)).toBe(10);
    const key = randomUUID();
    const again = dataOf(await api.gql(P.redeem, { token: loser.token, itemId: item.id, idempotencyKey: key })).redeemReward;
    expect(dataOf(await api.gql(P.redeem, { token: loser.token, itemId: item.id, idempotencyKey: key })).redeemReward.id).toBe(again.id);
    expect(codeOf(await api.gql(P.redeem, { token: winner.token, itemId: item.id, idempotencyKey: key }))).toBe('CONFLICT');
    expect(dataOf(await api.gql(P.fulfil, { redemptionId: again.id }, centreStaff)).fulfilRedemption.status).toBe('FULFILLED');
    expect(codeOf(await api.gql(P.release, { redemptionId: again.id }, centreStaff))).toBe('CONFLICT');
    expect(dataOf(await api.gql(P.residentPoints, { token: loser.token })).residentPoints).toMatchObject({ balance: 4, redemptions: [{ id: again.id, status: 'FULFILLED' }] });
  });
});

describe('corrections', () => {
  it('should reverse an issue with a new transfer, once; reversing a grant is for administrators', async () => {
    const order = await completedOrder(ORDER_CENTRE, newPhone());
    dataOf(await review(order.token));
    const [issue] = await sql(`select id from points_transfer where reference = ?`, [`order:${order.id}`]);
    const reversal = dataOf(await api.gql(P.reverse, { transferId: issue.id, reason: '重复点评' }, centreStaff)).reversePointsTransfer;
    expect(reversal).toMatchObject({ kind: 'REVERSAL', reversesTransferId: issue.id, note: '重复点评' });
    expect(reversal.lines).toEqual(expect.arrayContaining([expect.objectContaining({ accountKind: 'RESIDENT', amount: -10 })]));
    expect(await balanceOf(order.token)).toBe(0);
    expect(codeOf(await api.gql(P.reverse, { transferId: issue.id, reason: '再来一次' }, centreStaff))).toBe('CONFLICT');
    const [grant] = await sql(`select id from points_transfer where kind = 'BUDGET_GRANT' and centre_code = ? limit 1`, [ORDER_CENTRE]);
    expect(codeOf(await api.gql(P.reverse, { transferId: grant.id, reason: '预算有误' }, centreStaff))).toBe('FORBIDDEN');
  });
});

describe('who may do what', () => {
  it('should let administrators of the centre’s region grant budget, and the city alone set rules', async () => {
    const grant = { centreCode: ORDER_CENTRE, points: 5 };
    expect(codeOf(await api.gql(P.grant, grant))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(P.grant, grant, centreStaff))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(P.grant, grant, await signIn(api, STAFF.chengjiang)))).toBe('FORBIDDEN');
    expect(dataOf(await api.gql(P.grant, grant, await signIn(api, STAFF.hongta))).grantPointsBudget.lines).toEqual(
      expect.arrayContaining([{ accountKind: 'CENTRE_BUDGET', amount: 5 }]),
    );
    // A retried grant (same idempotency key) answers the first transfer and grants once.
    const grants = async () => (await sql(`select count(*)::int as n from points_transfer where kind = 'BUDGET_GRANT' and centre_code = ?`, [ORDER_CENTRE]))[0].n;
    const before = await grants();
    const key = randomUUID();
    const first = dataOf(await api.gql(P.grant, { ...grant, idempotencyKey: key }, city)).grantPointsBudget;
    expect(dataOf(await api.gql(P.grant, { ...grant, idempotencyKey: key }, city)).grantPointsBudget.id).toBe(first.id);
    expect(await grants()).toBe(before + 1);
    const rule = { key: 'VOLUNTEER_HOURS', points: 10, dailyLimit: 80, yearlyLimit: 1000, isActive: true };
    expect(codeOf(await api.gql(P.setRule, { input: rule }, await signIn(api, STAFF.hongta)))).toBe('FORBIDDEN');
    expect(dataOf(await api.gql(P.setRule, { input: rule }, city)).setPointsRule).toMatchObject(rule);
    expect(codeOf(await api.gql(P.setRule, { input: { ...rule, dailyLimit: 2000 } }, city))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(P.centrePoints, { centreCode: ORDER_CENTRE }, await signIn(api, STAFF.chengjiang)))).toBe('FORBIDDEN');
  });
});

describe('privacy', () => {
  it('should keep the phone out of the points tables, the answers and the errors', async () => {
    const tables = ['points_account', 'points_transfer', 'points_movement', 'points_redemption'];
    const [row] = await sql(`select concat_ws('|', ${tables.map((table) => `(select string_agg(t::text, '|') from ${table} t)`).join(', ')}) as text`);
    expect(phones.length).toBeGreaterThan(5);
    kept(await api.gql(P.residentPoints, { token: 'sor_x' }));
    kept(await api.gql(P.redeem, { token: 'sor_x', itemId: 'none', idempotencyKey: randomUUID() }));
    for (const phone of phones) {
      expect(row.text).not.toContain(phone);
      expect(JSON.stringify(answers)).not.toContain(phone);
    }
    const fields = dataOf(await api.gql(`{ __type(name: "ResidentPoints") { fields { name } } }`)).__type.fields.map((field: { name: string }) => field.name);
    expect(fields.join()).not.toMatch(/phone|contact|residentKey/i);
  });
});
