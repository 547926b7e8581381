import net from 'node:net';
import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { signIn, STAFF } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** A TCP relay in front of PostgreSQL that the test can pull out, as a network outage would. */
async function startRelay(target: URL): Promise<{ port: number; cut(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

let api: TestApp;
let relay: Awaited<ReturnType<typeof startRelay>>;
let keyHeaders: Record<string, string>;
let staffHeaders: Record<string, string>;

beforeAll(async () => {
  const databaseUrl = new URL(process.env.TEST_DATABASE_URL!);
  relay = await startRelay(databaseUrl);
  const relayed = new URL(databaseUrl);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(relay.port);
  api = await createTestApp({ databaseUrl: relayed.toString(), env: { PUBLIC_URL: 'https://api.example' } });
  const { secret } = await createApiKey(api.app.orm.em.fork(), { name: 'outage portal', allowedOrigins: [], ratePerMinute: 100_000 });
  keyHeaders = { 'x-api-key': secret };
  staffHeaders = await signIn(api, STAFF.city);
  await relay.cut();
});
afterAll(() => api.stop());

async function post(query: string, headers: Record<string, string> = {}) {
  return fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
}

describe('while PostgreSQL cannot be reached', () => {
  it.each([
    ['an anonymous caller', {}],
    ['a portal with its key', 'key'],
    ['a signed-in staff member', 'staff'],
  ])('should answer %s 503 SERVICE_UNAVAILABLE with Retry-After, as JSON without internals', async (_who, kind) => {
    const headers = kind === 'key' ? keyHeaders : kind === 'staff' ? staffHeaders : {};
    const response = await post('{ centres(filter: { regionCode: "530423" }) { totalCount } }', headers);
    const text = await response.text();
    expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({
      status: 503,
      type: expect.stringMatching(/^application\/(graphql-response\+)?json/),
    });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(text).not.toMatch(/ECONNREFUSED|at .*\.(js|ts):\d+|\/work\/|node_modules|select /i);
  });
});

describe('public pages while PostgreSQL cannot be reached', () => {
  it.each([
    '/centres/530402901000-01',
    '/articles/xingji-zhanbo-3',
    '/',
    '/sitemap.xml',
    '/embed/centres/530402901000-01',
    `/oembed?url=${encodeURIComponent('https://api.example/embed/centres/530402901000-01')}`,
    '/badges/530402901000-01.svg',
  ])('should answer %s 503 with Retry-After, never a cacheable "not found"', async (path) => {
    const response = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
    const text = await response.text();
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(text).not.toMatch(/not found|找不到/i);
    expect(text).not.toMatch(/ECONNREFUSED|at .*\.(js|ts):\d+|\/work\/|node_modules|select /i);
  });
});
