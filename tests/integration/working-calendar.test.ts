import { addWorkingDays, type Statement, workingDaysBetween } from '../../api/src/modules/calendar/calendar.service';
import { advanceOrder } from '../../api/src/modules/service-order/service-order.service';
import { ServiceOrderAction } from '../../api/src/modules/service-order/service-order.types';
import { signIn, STAFF, staffOperation } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { submit } from '../helpers/service-orders';

/** The working-day calendar: counting across 春节 and 调休 days, due dates, and the city's yearly update. */
let api: TestApp;
let statements: number;
let statement: Statement;

beforeAll(async () => {
  api = await createTestApp({ env: { ORDER_SUBMISSIONS_PER_ADDRESS_PER_HOUR: '1000000', ORDER_SUBMISSIONS_PER_CONTACT_PER_DAY: '1000000' } });
  const connection = api.app.orm.em.getConnection();
  statement = async (sql, params) => {
    statements += 1;
    return connection.execute(sql, params, 'all');
  };
});
afterAll(() => api.stop());

describe('addWorkingDays on the seeded 2025 and 2026 arrangements', () => {
  it.each([
    // from, n, the n-th working day after it, why
    ['2026-03-06', 1, '2026-03-09', 'an ordinary weekend'],
    ['2026-03-06', 0, '2026-03-06', 'no days at all'],
    ['2026-02-12', 1, '2026-02-13', 'the Friday before 春节'],
    ['2026-02-12', 2, '2026-02-14', 'Saturday 2-14 is a 调休 working day'],
    ['2026-02-12', 3, '2026-02-24', '春节 2-15 to 2-23 is off'],
    ['2026-02-12', 5, '2026-02-26', 'five working days across 春节 2026'],
    ['2026-02-24', 4, '2026-02-28', 'Saturday 2-28 is a 调休 working day'],
    ['2025-01-24', 1, '2025-01-26', 'Sunday 1-26 is a 调休 working day'],
    ['2025-01-24', 3, '2025-02-05', '春节 2025: 1-28 to 2-4 off'],
    ['2025-01-24', 6, '2025-02-08', 'Saturday 2-8 is a 调休 working day'],
    ['2025-01-24', 7, '2025-02-10', 'then the Monday'],
    ['2026-09-30', 3, '2026-10-10', '国庆 off, Saturday 10-10 working'],
    ['2026-12-31', 1, '2027-01-01', 'a year nobody entered yet falls back to Monday–Friday'],
  ])('from %s, %i working days → %s (%s)', async (from, n, expected) => {
    statements = 0;
    expect(await addWorkingDays(statement, from as string, n as number)).toBe(expected);
    expect(statements).toBe(n === 0 ? 0 : 1);
  });

  it.each([
    ['2026-02-12', '2026-02-24', 3],
    ['2025-01-24', '2025-02-10', 7],
    ['2026-03-02', '2026-03-09', 5],
    ['2026-03-09', '2026-03-09', 0],
    ['2026-02-24', '2026-02-12', -3],
  ])('workingDaysBetween(%s, %s) = %i', async (a, b, expected) => {
    statements = 0;
    expect(await workingDaysBetween(statement, a as string, b as string)).toBe(expected);
    expect(statements).toBe(1);
  });

  it('should refuse unbounded or malformed counts', async () => {
    await expect(addWorkingDays(statement, '2026-02-30', 1)).rejects.toThrow('YYYY-MM-DD');
    await expect(addWorkingDays(statement, '2026-02-01', 10_000)).rejects.toThrow('0 to 366');
    await expect(workingDaysBetween(statement, '2000-01-01', '2099-01-01')).rejects.toThrow('at most');
  });
});

describe('an order’s due date', () => {
  it.each([
    ['2026-02-12T23:30:00+08:00', '2026-02-26', 'accepted the Thursday before 春节 2026 (late evening, China time)'],
    ['2026-09-30T09:00:00+08:00', '2026-10-13', '国庆 off, 调休 Saturday 10-10 counted'],
    ['2025-01-24T09:00:00+08:00', '2025-02-07', '调休 Sunday 1-26 counted, 春节 2025 skipped'],
  ])('accepted at %s is due on %s (%s)', async (acceptedAt, dueOn) => {
    const { id } = await submit(api);
    const order = await api.app.orm.em
      .fork()
      .transactional((em) =>
        advanceOrder(
          em,
          { orderId: id, action: ServiceOrderAction.ACCEPT },
          { accountId: '00000000-0000-0000-0000-000000000000', guard: () => undefined },
          new Date(acceptedAt as string),
        ),
      );
    expect(order.dueOn).toBe(dueOn);
  });
});

describe('setWorkingCalendar', () => {
  const SET = staffOperation('set-working-calendar');
  const READ = `query ($year: Int!) { workingCalendar(year: $year) { day isWorking name } }`;
  // A year no other test counts on, so changing it disturbs nothing running alongside.
  const YEAR = 2031;

  it('should let a city administrator replace a year, refuse bad lists whole, and purge the public answer', async () => {
    const city = await signIn(api, STAFF.city);
    const first = [
      { day: '2031-01-01', isWorking: false, name: '元旦' },
      { day: '2031-01-04', isWorking: true, name: '元旦调休上班' },
    ];
    expect((await api.gql(SET, { year: YEAR, days: first }, city)).errors).toBeUndefined();
    expect((await api.gql(READ, { year: YEAR })).data.workingCalendar).toEqual(first);
    // The answer is cached now; the next set must purge it.
    const second = [{ day: '2031-05-01', isWorking: false, name: '劳动节' }];
    expect((await api.gql(SET, { year: YEAR, days: second }, city)).data.setWorkingCalendar).toEqual(second);
    expect((await api.gql(READ, { year: YEAR })).data.workingCalendar).toEqual(second);
    statements = 0;
    expect(await addWorkingDays(statement, '2031-04-30', 1)).toBe('2031-05-02');

    for (const days of [
      [{ day: '2030-12-31', isWorking: false, name: '跨年' }],
      [...second, { ...second[0]!, name: '重复' }],
      [{ day: '2031-02-30', isWorking: false, name: '不存在' }],
    ]) {
      const answer = await api.gql(SET, { year: YEAR, days }, city);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const county = await api.gql(SET, { year: YEAR, days: [] }, await signIn(api, STAFF.hongta));
    expect(county.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(READ, { year: YEAR })).data.workingCalendar).toEqual(second);
  });

  it('should list the seeded 2026 arrangement publicly', async () => {
    const days = (await api.gql(READ, { year: 2026 })).data.workingCalendar as Array<{ day: string; isWorking: boolean; name: string }>;
    expect(days).toContainEqual({ day: '2026-02-14', isWorking: true, name: '春节调休上班' });
    expect(days.filter((day) => day.name === '春节')).toHaveLength(9);
  });
});
