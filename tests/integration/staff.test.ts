import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { MikroORM } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import pino from 'pino';
import { createApp } from '../../api/src/app';
import { StaffRole } from '../../api/src/auth/actor';
import { databaseFromUrl, loadConfig } from '../../api/src/config';
import { createOrmConfig } from '../../api/src/db/mikro-orm.config';
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from '../../api/src/limits/rate-limiter';
import { LOGIN_THROTTLE } from '../../api/src/modules/staff/login-throttle';
import { StaffAccount } from '../../api/src/modules/staff/staff-account.entity';
import { changeStaffPassword, createStaffAccount, disableStaffAccount, login } from '../../api/src/modules/staff/staff.service';
import { startApi } from '../../api/src/server';
import { DEVELOPMENT_STAFF, DEVELOPMENT_STAFF_PASSWORD, liveDevelopmentStaff } from '../../seeds/api/staff';
import { recreateSeededDatabase, TEST_DATABASE_NAME } from '../setup/test-database';
import { signIn, STAFF } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';

const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt account { email role region { code } centre { code } } } }';
const ME = '{ me { email role region { name } } }';
const CREATE_KEY = 'mutation($input: CreateApiKeyInput!, $key: String) { createApiKey(input: $input, idempotencyKey: $key) { id name prefix secret } }';
const AUDIT = 'query($type: String) { auditLog(first: 50, targetType: $type) { totalCount edges { node { action actorEmail actorRole targetType targetId regionPath after } } } }';

describe('staff accounts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.stop());

  it('should sign a staff member in with the email in any case, and tell who they are', async () => {
    const result = await app.gql(LOGIN, { email: ' HongTa@Example.com ', password: DEVELOPMENT_STAFF_PASSWORD });
    expect(result.errors).toBeUndefined();
    expect(result.data.login.token).toMatch(/^sst_/);
    expect(result.data.login.account).toEqual({ email: 'hongta@example.com', role: 'COUNTY_ADMIN', region: { code: '530402000000' }, centre: null });
    expect(new Date(result.data.login.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3600_000);
    const me = await app.gql(ME, {}, { authorization: `Bearer ${result.data.login.token}` });
    expect(me.data.me).toEqual({ email: 'hongta@example.com', role: 'COUNTY_ADMIN', region: { name: '红塔区' } });
  });

  it('should bind centre staff to their centre', async () => {
    const result = await app.gql(LOGIN, { email: STAFF.gaolongtan, password: DEVELOPMENT_STAFF_PASSWORD });
    expect(result.data.login.account).toMatchObject({ role: 'CENTRE_STAFF', centre: { code: '530402999001-01' } });
  });

  it('should answer a wrong password and an unknown email alike', async () => {
    const wrong = await app.gql(LOGIN, { email: STAFF.city, password: 'not-the-password' });
    const unknown = await app.gql(LOGIN, { email: 'nobody@example.com', password: 'not-the-password' });
    expect(wrong.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors![0]!.message).toBe(wrong.errors![0]!.message);
  });

  it('should lock an account for the minute after five failed sign-ins, even with the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = await app.gql(LOGIN, { email: STAFF.evaluator, password: `wrong-${attempt}` });
      expect(result.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    const locked = await app.gql(LOGIN, { email: STAFF.evaluator, password: DEVELOPMENT_STAFF_PASSWORD });
    expect(locked.errors![0]!.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(locked.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same address is not locked by it.
    expect((await app.gql(LOGIN, { email: STAFF.city, password: DEVELOPMENT_STAFF_PASSWORD })).errors).toBeUndefined();
  });

  it('should refuse a token that is unknown or signed out with 401 UNAUTHENTICATED', async () => {
    const unknown = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sst_forged' },
      body: JSON.stringify({ query: ME }),
    });
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const headers = await signIn(app, STAFF.gaocang);
    expect((await app.gql('mutation { logout }', {}, headers)).data).toEqual({ logout: true });
    const after = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: ME }) });
    expect(after.status).toBe(401);
  });

  it('should answer UNAUTHENTICATED to staff operations without a token', async () => {
    const result = await app.gql(ME);
    expect(result.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const mutation = await app.gql(CREATE_KEY, { input: { name: 'no token' } });
    expect(mutation.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('should never cache staff answers', async () => {
    const headers = await signIn(app, STAFF.city);
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: ME }) });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('API keys through GraphQL, idempotency and the audit log', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.stop());

  it('should let a city administrator create a key once per idempotency key, and audit it', async () => {
    const headers = await signIn(app, STAFF.city);
    const input = { name: '红塔区政府门户', regionCode: '530402', allowedOrigins: ['https://portal.example.org'] };
    const first = await app.gql(CREATE_KEY, { input, key: 'create-portal-key-1' }, headers);
    expect(first.errors).toBeUndefined();
    expect(first.data.createApiKey.secret).toMatch(/^sc_/);
    const retry = await app.gql(CREATE_KEY, { input, key: 'create-portal-key-1' }, headers);
    expect(retry.data.createApiKey).toMatchObject({ id: first.data.createApiKey.id, secret: null });
    const keys = await app.gql('{ apiKeys { id name regionCode } }', {}, headers);
    expect(keys.data.apiKeys.filter((key: { name: string }) => key.name === input.name)).toHaveLength(1);

    const conflict = await app.gql(CREATE_KEY, { input: { ...input, name: 'another' }, key: 'create-portal-key-1' }, headers);
    expect(conflict.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', argument: 'idempotencyKey' });

    const audit = await app.gql(AUDIT, { type: 'ApiKey' }, headers);
    const entries = audit.data.auditLog.edges.map((edge: { node: unknown }) => edge.node);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'createApiKey', actorEmail: STAFF.city, actorRole: 'CITY_ADMIN', targetId: String(first.data.createApiKey.id) });
    expect(JSON.stringify(entries[0].after)).not.toContain(first.data.createApiKey.secret);
  });

  it('should refuse key management to everyone but city administrators, writing nothing', async () => {
    for (const email of [STAFF.hongta, STAFF.gaocang, STAFF.gaolongtan, STAFF.evaluator]) {
      const headers = await signIn(app, email);
      const result = await app.gql(CREATE_KEY, { input: { name: `by ${email}` } }, headers);
      expect(result.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect((await app.gql('{ apiKeys { id } }', {}, headers)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const city = await signIn(app, STAFF.city);
    const keys = await app.gql('{ apiKeys { name } }', {}, city);
    expect(keys.data.apiKeys.some((key: { name: string }) => key.name.startsWith('by '))).toBe(false);
  });

  it('should show a county administrator only the audit entries of their county', async () => {
    const hongta = await signIn(app, STAFF.hongta);
    const result = await app.gql(AUDIT, {}, hongta);
    expect(result.errors).toBeUndefined();
    for (const { node } of result.data.auditLog.edges) expect(node.regionPath.startsWith('530400000000/530402000000')).toBe(true);
    expect((await app.gql(AUDIT, {}, await signIn(app, STAFF.gaolongtan))).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('secrets in logs', () => {
  it('should never write a password or a token to the log', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' });
    const app = await createApp(config, { databaseUrl: process.env.TEST_DATABASE_URL!, logger: pino({ level: 'trace' }, sink) });
    const url = await app.listen();
    try {
      const post = (body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then((r) => r.json());
      await post({ query: LOGIN, variables: { email: STAFF.chengjiang, password: 'Wrong-Password-123' } });
      const { data } = await post({ query: LOGIN, variables: { email: STAFF.chengjiang, password: DEVELOPMENT_STAFF_PASSWORD } });
      await post({ query: ME }, { authorization: `Bearer ${data.login.token}` });
      expect(logged.length).toBeGreaterThan(0);
      expect(logged).not.toContain(DEVELOPMENT_STAFF_PASSWORD);
      expect(logged).not.toContain('Wrong-Password-123');
      expect(logged).not.toContain(data.login.token);
    } finally {
      await app.stop();
      await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
    }
  });
});

const redisUrl = process.env.REDIS_URL;
const limiters: Array<[string, () => { limiter: RateLimiter; close(): Promise<void> }]> = [
  ['in memory', () => ({ limiter: new MemoryRateLimiter(), close: async () => undefined })],
];
if (redisUrl) {
  limiters.push([
    'in Redis (REDIS_URL)',
    () => {
      const redis = new Redis(redisUrl);
      return { limiter: new RedisRateLimiter(redis), close: async () => void (await redis.quit()) };
    },
  ]);
}

describe.each(limiters)('sign-in throttling %s', (_name, makeLimiter) => {
  const PASSWORD = 'Burst-Right-Password-1';
  let orm: MikroORM;
  let limiter: RateLimiter;
  let closeLimiter: () => Promise<void>;
  beforeAll(async () => {
    orm = await MikroORM.init(createOrmConfig({ databaseUrl: process.env.TEST_DATABASE_URL! }));
    ({ limiter, close: closeLimiter } = makeLimiter());
  });
  afterAll(async () => {
    await closeLimiter();
    await orm.close(true);
  });

  // Redis outlives a run: every test signs in to accounts (and from addresses) of its own.
  async function newAccount(): Promise<string> {
    const email = `throttle-${randomBytes(6).toString('hex')}@example.com`;
    await createStaffAccount(orm.em.fork(), { email, displayName: email, role: StaffRole.CITY_ADMIN, regionCode: '530400', password: PASSWORD });
    return email;
  }
  const anAddress = () => `203.0.113.${randomBytes(4).readUInt32BE() % 250}-${randomBytes(4).toString('hex')}`;
  const codeOf = (outcome: PromiseSettledResult<unknown>) => (outcome.status === 'fulfilled' ? 'SIGNED_IN' : (outcome.reason as { code?: string }).code);

  it('should evaluate at most five guesses of a concurrent burst, and refuse the right password sent with them', async () => {
    const email = await newAccount();
    const address = anAddress();
    const passwords = [...Array.from({ length: 40 }, (_, index) => `Wrong-Guess-${index}`), PASSWORD];
    const outcomes = await Promise.allSettled(passwords.map((password) => login(orm.em.fork(), limiter, 1, { email, password, address })));
    const codes = outcomes.map(codeOf);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(36);
    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');

    // The lock is the account's: another account signs in from the same address.
    const other = await newAccount();
    await expect(login(orm.em.fork(), limiter, 1, { email: other, password: PASSWORD, address })).resolves.toMatchObject({ account: { email: other } });
  });

  it('should spend the same attempts on an unknown email, answering alike', async () => {
    const email = `nobody-${randomBytes(6).toString('hex')}@example.com`;
    const address = anAddress();
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, (_, index) => login(orm.em.fork(), limiter, 1, { email, password: `Guess-${index}`, address })));
    const codes = outcomes.map(codeOf);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(7);
  });

  it('should not count sign-ins that succeed', async () => {
    const email = await newAccount();
    const address = anAddress();
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await expect(login(orm.em.fork(), limiter, 1, { email, password: PASSWORD, address })).resolves.toBeDefined();
    }
  });

  it('should double the lockout after each one, up to the cap', async () => {
    // One-second windows, capped at two, so the doubling shows in seconds rather than minutes.
    const policy = { ...LOGIN_THROTTLE, windowSeconds: 1, maxLockoutSeconds: 2 };
    const email = await newAccount();
    const address = anAddress();
    const lockouts: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      await Promise.allSettled(Array.from({ length: 5 }, (_, index) => login(orm.em.fork(), limiter, 1, { email, password: `Wrong-${index}`, address }, policy)));
      const refused = await login(orm.em.fork(), limiter, 1, { email, password: PASSWORD, address }, policy).catch((error) => error);
      expect(refused.code).toBe('TOO_MANY_REQUESTS');
      lockouts.push(refused.details.retryAfterSeconds);
      await new Promise((resolve) => setTimeout(resolve, refused.details.retryAfterSeconds * 1000 + 150));
    }
    expect(lockouts).toEqual([1, 2, 2]);
    await expect(login(orm.em.fork(), limiter, 1, { email, password: PASSWORD, address }, policy)).resolves.toBeDefined();
  }, 30_000);
});

describe('development staff accounts in production', () => {
  const database = databaseFromUrl(process.env.TEST_DATABASE_URL!, `${TEST_DATABASE_NAME}_devstaff`);
  const production = loadConfig({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', CMS_ENABLED: 'false', SEED_ON_START: 'true' });
  const silent = pino({ level: 'silent' });
  // Starts the API as production would and stops it again; rejects when start-up refuses.
  const startAndStop = async () => {
    const api = await startApi(production, silent, database);
    await api.stop();
  };
  let orm: MikroORM;
  beforeAll(async () => {
    // A database first created in development: seeded, with the development staff.
    await recreateSeededDatabase(database);
    orm = await MikroORM.init(createOrmConfig({ databaseUrl: database.url }));
  }, 120_000);
  afterAll(() => orm.close(true));

  it('should refuse to start while any has the development password, naming each and what to run', async () => {
    const refusal = startAndStop();
    await expect(refusal).rejects.toThrow(/staff:disable -- --email .*staff:password -- --email/);
    for (const { email } of DEVELOPMENT_STAFF) await expect(refusal).rejects.toThrow(email);
  });

  it('should start once each is disabled, removed or has a new password, and never create or reset them', async () => {
    const [disabled, removed, ...changed] = DEVELOPMENT_STAFF.map((account) => account.email);
    await disableStaffAccount(orm.em.fork(), disabled!);
    await orm.em.fork().nativeDelete(StaffAccount, { email: removed });
    for (const email of changed.slice(1)) await changeStaffPassword(orm.em.fork(), email, 'A-Production-Password-1');
    // One left with the development password still stops production.
    await expect(startAndStop()).rejects.toThrow(new RegExp(`password: ${changed[0]}\\.`));
    await changeStaffPassword(orm.em.fork(), changed[0]!, 'A-Production-Password-1');

    await startAndStop();
    expect(await liveDevelopmentStaff(orm.em.fork())).toEqual([]);
    expect(await orm.em.fork().count(StaffAccount, { email: removed })).toBe(0);
    const limiter = new MemoryRateLimiter();
    await expect(login(orm.em.fork(), limiter, 1, { email: changed[0]!, password: 'A-Production-Password-1', address: 'x' })).resolves.toBeDefined();
    await expect(login(orm.em.fork(), limiter, 1, { email: disabled!, password: DEVELOPMENT_STAFF_PASSWORD, address: 'x' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  }, 60_000);
});
