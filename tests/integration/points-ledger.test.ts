import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../api/src/errors/app-error';
import { issuePoints } from '../../api/src/modules/points/issue.service';
import { accountIds, grantBudget, residentKeyOf, sqlOf } from '../../api/src/modules/points/ledger.service';
import { PointsActor, PointsRuleKey, RewardChannel } from '../../api/src/modules/points/points.types';
import { reverseTransfer } from '../../api/src/modules/points/reversal.service';
import { createReward, redeemAsResident, settleRedemption } from '../../api/src/modules/points/reward.service';
import { createIsolatedTestApp, type TestApp } from '../helpers/test-app';

/**
 * The ledger's services against a database of its own (the property test empties the points
 * tables between runs): random sequences of grants, issues, redemptions, fulfilments, releases
 * and reversals keep every transfer balanced, every balance equal to its movements and never
 * negative, and a refused operation writes nothing. Then the limits, reversals and the
 * database's own backstops, one by one.
 */
let api: TestApp;
const STAFF_ID = randomUUID();
const CENTRES = ['530402999001-01', '530402001001-01'];
const PHONES = ['13900000001', '13900000002', '13900000003'];
const RULE = PointsRuleKey.REPORT_VERIFIED;

beforeAll(async () => {
  api = await createIsolatedTestApp('points_ledger');
  await sql(`update points_rule set points = 5, daily_limit = 15, yearly_limit = 40 where key = ?`, [RULE]);
});
afterAll(() => api.stop());

const sql = <T extends object = Record<string, any>>(text: string, params: unknown[] = []) => api.app.orm.em.getConnection().execute<T[]>(text, params, 'all');
const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => api.app.orm.em.fork().transactional(work);
const reset = () => sql(`truncate points_redemption, points_movement, points_transfer, points_account, reward_item`);

/** Every row of the points tables, as text: equal before and after a refused operation. */
async function digest(): Promise<string> {
  const tables = ['points_account', 'points_transfer', 'points_movement', 'points_redemption', 'reward_item'];
  const rows = await Promise.all(tables.map((table) => sql<{ rows: string }>(`select coalesce(string_agg(t::text, '|' order by t::text), '') as rows from ${table} t`)));
  return rows.map((row) => row[0]!.rows).join('\n');
}

/** The ledger's invariants, straight from the tables. */
async function assertInvariants(): Promise<void> {
  expect(
    await sql(`select t.id from points_transfer t left join points_movement m on m.transfer_id = t.id group by t.id having coalesce(sum(m.amount), 0) <> 0 or count(m.id) < 2`),
  ).toEqual([]);
  expect(await sql(`select a.id from points_account a left join points_movement m on m.account_id = a.id group by a.id having a.balance <> coalesce(sum(m.amount), 0)`)).toEqual(
    [],
  );
  expect(await sql(`select id from points_account where balance < 0 and kind <> 'SOURCE'`)).toEqual([]);
  expect(await sql(`select coalesce(sum(balance), 0)::int as total from points_account`)).toEqual([{ total: 0 }]);
  // Held points are exactly the HELD redemptions'; stock never below zero.
  expect(
    await sql(
      `select a.id from points_account a where a.kind = 'HOLD' and a.balance <> (select coalesce(sum(r.points), 0) from points_redemption r join reward_item i on i.id = r.item_id where i.centre_code = a.centre_code and r.status = 'HELD')`,
    ),
  ).toEqual([]);
  expect(await sql(`select id from reward_item where stock < 0`)).toEqual([]);
}

type Op =
  | { op: 'grant'; centre: number; points: number }
  | { op: 'issue'; centre: number; resident: number; reference: number }
  | { op: 'redeem'; resident: number; item: number; key: number }
  | { op: 'fulfil' | 'release'; redemption: number }
  | { op: 'reverse'; transfer: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('grant' as const), centre: fc.nat(1), points: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('issue' as const), centre: fc.nat(1), resident: fc.nat(2), reference: fc.nat(5) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('redeem' as const), resident: fc.nat(2), item: fc.nat(2), key: fc.nat(8) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('fulfil' as const), redemption: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('release' as const), redemption: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reverse' as const), transfer: fc.nat(12) }) },
);

describe('the ledger under random sequences of operations', () => {
  it('should always balance, match its movements, never go negative, and write nothing when it refuses', async () => {
    const residents = PHONES.map(residentKeyOf);
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 20 }), async (ops) => {
        await reset();
        const items = await inTransaction(async (em) =>
          Promise.all(
            [0, 1, 0].map((centre, n) =>
              createReward(em, { centreCode: CENTRES[centre]!, name: `奖品${n}`, pointsCost: 5 + Math.floor(n / 2), stock: 1 + n, channel: RewardChannel.AT_CENTRE }),
            ),
          ),
        );
        // Each run starts with some budget at both centres, so redemptions are reached in a few steps.
        for (const centre of CENTRES) await inTransaction((em) => grantBudget(em, centre, 20, STAFF_ID));
        const run = `run-${randomUUID()}`;
        for (const step of ops) {
          const before = await digest();
          const redemptions = await sql<{ id: string }>(`select id from points_redemption order by created_at, id`);
          const transfers = await sql<{ id: string }>(`select id from points_transfer order by at, id`);
          try {
            if (step.op === 'grant') await inTransaction((em) => grantBudget(em, CENTRES[step.centre]!, step.points, STAFF_ID));
            if (step.op === 'issue') {
              const request = {
                rule: RULE,
                centreCode: CENTRES[step.centre]!,
                residentKey: residents[step.resident]!,
                reference: `${run}:${step.reference}`,
                actor: PointsActor.SYSTEM,
              };
              await inTransaction((em) => issuePoints(em, request));
            }
            if (step.op === 'redeem') await redeemAsResident(api.app.orm.em.fork(), residents[step.resident]!, items[step.item]!.id, `${run}:key:${step.key}`);
            if ((step.op === 'fulfil' || step.op === 'release') && redemptions.length > 0) {
              const { id } = redemptions[step.redemption % redemptions.length]!;
              await inTransaction((em) => settleRedemption(em, id, step.op === 'fulfil' ? 'FULFIL' : 'RELEASE', STAFF_ID));
            }
            if (step.op === 'reverse' && transfers.length > 0) {
              await inTransaction((em) => reverseTransfer(em, transfers[step.transfer % transfers.length]!.id, '更正', STAFF_ID));
            }
            const idle = (step.op === 'fulfil' || step.op === 'release') && redemptions.length === 0;
            count(`${step.op} ${idle || (step.op === 'reverse' && transfers.length === 0) ? 'idle' : 'done'}`);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            count(`${step.op} refused`);
            expect(await digest()).toBe(before);
          }
          await assertInvariants();
        }
      }),
      { numRuns: 50 },
    );
    // Not a test of refusals alone: every operation succeeded along the way (and the common refusals happened).
    const expected = ['grant done', 'issue done', 'issue refused', 'redeem done', 'redeem refused', 'fulfil done', 'release done', 'reverse done'];
    expect({ missing: expected.filter((op) => !outcomes.get(op)), outcomes: Object.fromEntries(outcomes) }).toMatchObject({ missing: [] });
  }, 180_000);
});

describe('limits', () => {
  beforeEach(reset);

  it('should refuse the issue that passes the daily limit, and the one that passes the yearly limit on a later day', async () => {
    await inTransaction((em) => grantBudget(em, CENTRES[0]!, 1000, STAFF_ID));
    const resident = residentKeyOf(PHONES[0]!);
    const issue = (reference: string, now: Date) =>
      inTransaction((em) => issuePoints(em, { rule: RULE, centreCode: CENTRES[0]!, residentKey: resident, reference, actor: PointsActor.SYSTEM, now }));
    const day = (n: number) => new Date(Date.UTC(2026, 0, n, 4));
    for (const n of [1, 2, 3]) await issue(`daily-${n}`, day(1));
    const daily = issue('daily-4', day(1));
    await expect(daily).rejects.toMatchObject({ code: 'CONFLICT', details: { limit: 'DAILY' } });
    // 15 on day 1, 15 on day 2, 10 on day 3: 40 is the year's limit.
    for (const n of [1, 2, 3]) await issue(`day2-${n}`, day(2));
    for (const n of [1, 2]) await issue(`day3-${n}`, day(3));
    const before = await digest();
    await expect(issue('day3-3', day(3))).rejects.toMatchObject({ code: 'CONFLICT', details: { limit: 'YEARLY' } });
    expect(await digest()).toBe(before);
    // A new year starts the count again.
    await issue('next-year', new Date(Date.UTC(2027, 0, 1, 4)));
    expect(await sql(`select balance from points_account where id = ?`, [accountIds.resident(resident)])).toEqual([{ balance: 45 }]);
    await assertInvariants();
  });

  it('should count issues racing for one resident: of six at once, from two centres, exactly the three the daily limit allows are made', async () => {
    for (const centre of CENTRES) await inTransaction((em) => grantBudget(em, centre, 1000, STAFF_ID));
    const resident = residentKeyOf(PHONES[2]!);
    const race = await Promise.allSettled(
      [1, 2, 3, 4, 5, 6].map((n) =>
        inTransaction((em) => issuePoints(em, { rule: RULE, centreCode: CENTRES[n % 2]!, residentKey: resident, reference: `race-${n}`, actor: PointsActor.SYSTEM })),
      ),
    );
    expect(race.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
    for (const outcome of race) if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'CONFLICT', details: { limit: 'DAILY' } });
    expect(await sql(`select balance from points_account where id = ?`, [accountIds.resident(resident)])).toEqual([{ balance: 15 }]);
    await assertInvariants();
  });

  it('should refuse an issue the budget cannot cover, writing nothing, and answer a repeated reference with the first issue', async () => {
    await inTransaction((em) => grantBudget(em, CENTRES[1]!, 7, STAFF_ID));
    const request = { rule: RULE, centreCode: CENTRES[1]!, residentKey: residentKeyOf(PHONES[1]!), reference: 'report-1', actor: PointsActor.SYSTEM };
    const first = await inTransaction((em) => issuePoints(em, request));
    expect(await inTransaction((em) => issuePoints(em, request))).toEqual({ ...first, isReplay: true });
    const before = await digest();
    await expect(inTransaction((em) => issuePoints(em, { ...request, reference: 'report-2' }))).rejects.toThrow(/holds 2 points, fewer than the 5/);
    expect(await digest()).toBe(before);
  });
});

describe('reversals', () => {
  beforeEach(reset);

  it('should write a new transfer with the movements negated, once, and never take a balance below zero', async () => {
    const grant = await inTransaction((em) => grantBudget(em, CENTRES[0]!, 10, STAFF_ID));
    const issue = () =>
      inTransaction((em) => issuePoints(em, { rule: RULE, centreCode: CENTRES[0]!, residentKey: residentKeyOf(PHONES[2]!), reference: 'r', actor: PointsActor.SYSTEM }));
    const { transferId } = await issue();
    const reversal = await inTransaction((em) => reverseTransfer(em, transferId, '误发', STAFF_ID));
    expect(reversal).not.toBe(transferId);
    expect(await sql(`select account_id as "accountId", amount from points_movement where transfer_id = ? order by amount`, [reversal])).toEqual([
      { accountId: accountIds.resident(residentKeyOf(PHONES[2]!)), amount: -5 },
      { accountId: accountIds.budget(CENTRES[0]!), amount: 5 },
    ]);
    await expect(inTransaction((em) => reverseTransfer(em, transferId, '再次', STAFF_ID))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(inTransaction((em) => reverseTransfer(em, reversal, '撤销更正', STAFF_ID))).rejects.toMatchObject({ code: 'CONFLICT' });
    // The budget's 10 points are issued again, twice: reversing the grant would take it below zero.
    await inTransaction((em) => issuePoints(em, { rule: RULE, centreCode: CENTRES[0]!, residentKey: residentKeyOf(PHONES[0]!), reference: 'a', actor: PointsActor.SYSTEM }));
    await inTransaction((em) => issuePoints(em, { rule: RULE, centreCode: CENTRES[0]!, residentKey: residentKeyOf(PHONES[1]!), reference: 'b', actor: PointsActor.SYSTEM }));
    const before = await digest();
    await expect(inTransaction((em) => reverseTransfer(em, grant, '预算更正', STAFF_ID))).rejects.toThrow(/holds 0/);
    expect(await digest()).toBe(before);
    await assertInvariants();
  });
});

describe('the database’s own backstops', () => {
  beforeEach(reset);

  it('should refuse an unbalanced transfer at commit, a balance written directly, a negative balance, and any change to a transfer or movement', async () => {
    const grant = await inTransaction((em) => grantBudget(em, CENTRES[0]!, 10, STAFF_ID));
    const unbalanced = inTransaction(async (em) => {
      await sqlOf(em)(`insert into points_transfer (id, kind, centre_code, actor) values ('bad', 'ISSUE', ?, 'SYSTEM')`, [CENTRES[0]]);
      await sqlOf(em)(`insert into points_movement (transfer_id, account_id, amount) values ('bad', ?, -3)`, [accountIds.budget(CENTRES[0]!)]);
    });
    await expect(unbalanced).rejects.toThrow(/does not balance/);
    await expect(sql(`update points_account set balance = 99 where id = ?`, [accountIds.budget(CENTRES[0]!)])).rejects.toThrow(/follows the movements/);
    const overdraft = inTransaction(async (em) => {
      await sqlOf(em)(`insert into points_account (id, kind) values ('resident:x', 'RESIDENT')`);
      await sqlOf(em)(`insert into points_transfer (id, kind, centre_code, actor) values ('over', 'ISSUE', ?, 'SYSTEM')`, [CENTRES[0]]);
      await sqlOf(em)(`insert into points_movement (transfer_id, account_id, amount) values ('over', ?, -11), ('over', 'resident:x', 11)`, [accountIds.budget(CENTRES[0]!)]);
    });
    await expect(overdraft).rejects.toThrow(/points_account_balance_check/);
    await expect(sql(`update points_movement set amount = 1 where transfer_id = ?`, [grant])).rejects.toThrow(/never changed or deleted/);
    await expect(sql(`delete from points_transfer where id = ?`, [grant])).rejects.toThrow(/never changed or deleted/);
    await assertInvariants();
  });
});
