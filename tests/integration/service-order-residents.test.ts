import { createHash, randomUUID } from 'node:crypto';
import pino from 'pino';
import { createApp, type App } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { signIn, STAFF } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { dataOf, newPhone, OPS, ORDER_CENTRE, orderInput, submit } from '../helpers/service-orders';

/** Residents' side: a double tap, the token, privacy of the contact (answers, errors, the log) and the submission budgets. */
let api: TestApp;
beforeAll(async () => {
  api = await createTestApp({ env: { ORDER_SUBMISSIONS_PER_ADDRESS_PER_HOUR: '1000000', ORDER_SUBMISSIONS_PER_CONTACT_PER_DAY: '1000000' } });
});
afterAll(() => api.stop());

const countOrders = async (where: string, params: unknown[]) =>
  ((await api.app.orm.em.getConnection().execute(`select count(*)::int as count from service_order where ${where}`, params)) as Array<{ count: number }>)[0]!.count;

describe('a resident’s double tap', () => {
  it('should create one order for two submissions with the same key at once, and answer a replay with the same order and token', async () => {
    const input = orderInput();
    const key = randomUUID();
    const taps = await Promise.all([1, 2].map(() => api.gql(OPS.submit, { input, idempotencyKey: key })));
    const [first, second] = taps.map((tap) => dataOf(tap).submitServiceOrder);
    expect(second.order.id).toBe(first.order.id);
    expect(second.residentToken).toBe(first.residentToken);
    expect(await countOrders('contact_phone = ?', [input.contactPhone])).toBe(1);
    const replay = dataOf(await api.gql(OPS.submit, { input, idempotencyKey: key })).submitServiceOrder;
    expect(replay).toEqual(first);
    const events = await api.app.orm.em.getConnection().execute(`select count(*)::int as count from service_order_event where order_id = ?`, [first.order.id]);
    expect(events[0].count).toBe(1);
    expect(dataOf(await api.gql(OPS.byToken, { token: first.residentToken })).serviceOrderByToken.id).toBe(first.order.id);
  });

  it('should refuse the same key with other input as a CONFLICT that does not repeat the contact, writing nothing', async () => {
    const key = randomUUID();
    await submit(api, {}, key);
    const other = orderInput();
    const answer = await api.gql(OPS.submit, { input: other, idempotencyKey: key });
    expect(answer.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(JSON.stringify(answer)).not.toContain(other.contactPhone);
    expect(await countOrders('contact_phone = ?', [other.contactPhone])).toBe(0);
  });

  it('should make two orders of two submissions without a key, each with its own token; a guessable key is refused', async () => {
    const input = orderInput();
    const [a, b] = await Promise.all([1, 2].map(() => api.gql(OPS.submit, { input })));
    expect(dataOf(a).submitServiceOrder.order.id).not.toBe(dataOf(b).submitServiceOrder.order.id);
    expect(dataOf(a).submitServiceOrder.residentToken).not.toBe(dataOf(b).submitServiceOrder.residentToken);
    expect((await api.gql(OPS.submit, { input: orderInput(), idempotencyKey: '1' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the resident’s token', () => {
  it('should be stored only as its SHA-256 and open nothing when altered', async () => {
    const { id, token } = await submit(api);
    expect(token).toMatch(/^sor_[A-Za-z0-9_-]{43}$/);
    const [row] = await api.app.orm.em.getConnection().execute(`select row_to_json(o)::text as row from service_order o where id = ?`, [id]);
    expect(row.row).not.toContain(token.slice(4));
    expect(row.row).toContain(createHash('sha256').update(token).digest('hex'));
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(dataOf(await api.gql(OPS.byToken, { token: altered })).serviceOrderByToken).toBeNull();
    const cancel = await api.gql(OPS.cancel, { token: altered });
    expect(cancel.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(cancel.errors?.[0]?.message).not.toContain(altered);
  });
});

describe('the contact', () => {
  it('should never appear in public answers or error messages, while the centre’s staff see it', async () => {
    const phone = newPhone();
    const submitted = dataOf(await api.gql(OPS.submit, { input: orderInput({ contactPhone: phone, contactName: '王秀英' }) })).submitServiceOrder;
    const answers = [
      submitted,
      await api.gql(OPS.byToken, { token: submitted.residentToken }),
      await api.gql(`{ centre(code: "${ORDER_CENTRE}") { name needs(first: 5) { edges { node { title } } } } }`),
      await api.gql(OPS.submit, { input: orderInput({ contactPhone: `${phone}x` }) }),
      // graphql-js repeats a refused variable whole: an unknown field beside the phone, or the phone as a number.
      await api.gql(OPS.submit, { input: { ...orderInput({ contactPhone: phone }), contactEmail: 'x@example.com' } }),
      await api.gql(OPS.submit, { input: orderInput({ contactPhone: Number(phone) }) }),
      await api.gql(
        `mutation { submitServiceOrder(input: { centreCode: "${ORDER_CENTRE}", category: OTHER, description: "x", contactName: "y", contactPhone: ${phone} }) { residentToken } }`,
      ),
      await api.gql(OPS.submit, { input: orderInput({ contactPhone: phone, centreCode: '530402999999-99' }) }),
      await api.gql(OPS.submit, { input: orderInput({ contactPhone: phone, resourceId: 'no-such-resource' }) }),
      await api.gql(`{ serviceOrders(first: 5) { edges { node { contactPhone } } } }`),
      await api.gql(`{ serviceOrders(first: 5) { edges { node { contactPhone } } } }`, {}, await signIn(api, STAFF.chengjiang)),
      await api.gql(OPS.review, { token: submitted.residentToken, input: { satisfaction: 'SATISFIED', score: 5 } }),
    ];
    for (const answer of answers) {
      expect(JSON.stringify(answer)).not.toContain(phone);
      expect(JSON.stringify(answer)).not.toContain('王秀英');
    }
    const fields = dataOf(await api.gql(`{ __type(name: "ResidentServiceOrder") { fields { name } } }`)).__type.fields.map((field: { name: string }) => field.name);
    expect(fields).not.toContain('contactPhone');
    const staff = dataOf(await api.gql(OPS.list, { filter: { centreCode: ORDER_CENTRE }, first: 50 }, await signIn(api, STAFF.gaolongtan)));
    expect(staff.serviceOrders.edges.map((edge: { node: { contactPhone: string } }) => edge.node.contactPhone)).toContain(phone);
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

  it('should hold neither the contact nor the resident’s token', async () => {
    const post = async (query: string, variables: Record<string, unknown>) =>
      (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json();
    const phone = newPhone();
    const key = randomUUID();
    const { data } = await post(OPS.submit, { input: orderInput({ contactPhone: phone }), idempotencyKey: key });
    const token: string = data.submitServiceOrder.residentToken;
    await post(OPS.submit, { input: orderInput({ contactPhone: phone, description: '另一件事' }), idempotencyKey: key });
    await post(OPS.submit, { input: orderInput({ contactPhone: `${phone}#` }) });
    const get = `${url}/graphql?query=${encodeURIComponent(OPS.byToken)}&variables=${encodeURIComponent(JSON.stringify({ token }))}`;
    const answer = await (await fetch(get, { headers: { 'apollo-require-preflight': 'true' } })).json();
    expect(answer.data.serviceOrderByToken.id).toBe(data.submitServiceOrder.order.id);
    const log = lines.join('');
    expect(log).toContain('/graphql?query=');
    for (const secret of [phone, token, token.slice(4), encodeURIComponent(token)]) expect(log).not.toContain(secret);
  });
});

describe('submission budgets', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ env: { ORDER_SUBMISSIONS_PER_ADDRESS_PER_HOUR: '3', ORDER_SUBMISSIONS_PER_CONTACT_PER_DAY: '2', TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => limited.stop());

  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('should refuse the 4th submission from one address within the hour before writing anything', async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    for (let n = 0; n < 3; n += 1) await submit(limited, {}, undefined, from(address));
    const phone = newPhone();
    const answer = await limited.gql(OPS.submit, { input: orderInput({ contactPhone: phone }) }, from(address));
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(answer.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(3000);
    expect(await countOrders('contact_phone = ?', [phone])).toBe(0);
    // Another address is not held back.
    await submit(limited, {}, undefined, from('198.51.100.250'));
  });

  it('should refuse the 3rd submission for one phone within the day, from any address, before writing anything', async () => {
    const phone = newPhone();
    await submit(limited, { contactPhone: phone }, undefined, from('203.0.113.1'));
    await submit(limited, { contactPhone: phone.replace(/^(\d{3})/, '$1 ') }, undefined, from('203.0.113.2'));
    const answer = await limited.gql(OPS.submit, { input: orderInput({ contactPhone: phone }) }, from('203.0.113.3'));
    expect(answer.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(answer.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(80_000);
    expect(JSON.stringify(answer)).not.toContain(phone);
    expect(await countOrders('contact_phone = ?', [phone])).toBe(2);
  });
});

describe('a portal key limited to a region', () => {
  it('should submit only to centres of its region, as it reads them', async () => {
    const { secret } = await createApiKey(api.app.orm.em.fork(), { name: 'orders: 澄江门户', regionCode: '530481', allowedOrigins: [], ratePerMinute: 100_000 });
    const outside = orderInput();
    // ORDER_CENTRE (高龙潭) is in 红塔区, outside 澄江市.
    const refused = await api.gql(OPS.submit, { input: outside }, { 'x-api-key': secret });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await countOrders('contact_phone = ?', [outside.contactPhone])).toBe(0);
    const inside = orderInput({ centreCode: '530481901001-01' });
    const orderId = dataOf(await api.gql(OPS.submit, { input: inside }, { 'x-api-key': secret })).submitServiceOrder.order.id;
    expect(orderId).toBeDefined();
    // Other files count 澄江's orders (its staff must see none of 高龙潭's): leave none behind.
    const connection = api.app.orm.em.getConnection();
    await connection.execute('delete from service_order_event where order_id = ?', [orderId]);
    await connection.execute('delete from service_order where id = ?', [orderId]);
  });
});
