import http from 'node:http';
import net from 'node:net';
import { WEBHOOK_SECRET_HEADER } from '../../api/src/http/cms-webhook';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** No stack frame, file path, SQL or Express error page in an answer. */
const INTERNALS = /at .*\.(js|ts):\d+|\/work\/|node_modules|<pre>|select |SyntaxError/i;

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.stop());

describe('HTTP endpoints', () => {
  it('should report liveness and database readiness', async () => {
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('should serve the explorer to a browser from this server only', async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>Star Centres GraphQL explorer</title>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const assets = [...html.matchAll(/(?:src|href)="(\/explorer\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBe(5);
    for (const asset of assets) {
      expect((await fetch(`${api.url}${asset}`)).status).toBe(200);
    }
  });

  it('should answer GET queries that carry a preflight header and refuse simple cross-site GETs (CSRF prevention)', async () => {
    const query = encodeURIComponent('{ region(code: "530400") { name } }');
    const ok = await fetch(`${api.url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await ok.json()).toMatchObject({ data: { region: { name: '玉溪市' } }, extensions: { cost: { requested: 1 } } });
    const simple = await fetch(`${api.url}/graphql?query=${query}`, { headers: { accept: 'application/json' } });
    expect(simple.status).toBe(400);
  });
});

describe('readiness during a larger start-up', () => {
  it('should answer 503 "starting" until every part is up, then ready', async () => {
    const pino = (await import('pino')).default;
    const { createApp } = await import('../../api/src/app');
    const { loadConfig } = await import('../../api/src/config');
    const app = await createApp(loadConfig({ NODE_ENV: 'test', PORT: '0' }), {
      databaseUrl: process.env.TEST_DATABASE_URL!,
      logger: pino({ level: 'silent' }),
      startsReady: false,
    });
    try {
      const url = await app.listen();
      const starting = await fetch(`${url}/readyz`);
      expect(starting.status).toBe(503);
      expect(await starting.json()).toEqual({ status: 'starting' });
      app.markReady();
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});

describe('errors Express handles, in the endpoint’s own format', () => {
  const postGraphql = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('should answer a body that is not JSON with 400 BAD_REQUEST as GraphQL JSON', async () => {
    const response = await postGraphql('{"query": "{ __typename }"');
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    expect(text).not.toMatch(INTERNALS);
  });

  it('should answer a body over 100 KB with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await postGraphql(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(120_000)}` }));
    const text = await response.text();
    expect(response.status).toBe(413);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(text).not.toMatch(INTERNALS);
  });

  it('should answer requests Node refuses before routing (a URL over 16 KB, malformed HTTP) as JSON with a code', async () => {
    const long = await fetch(`${api.url}/graphql?query=${encodeURIComponent(`{ __typename } # ${'x'.repeat(20_000)}`)}`);
    expect(long.status).toBe(431);
    expect((await long.json()).errors[0].extensions.code).toBe('REQUEST_HEADERS_TOO_LARGE');
    const { hostname, port } = new URL(api.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => socket.write('GARBAGE / HTTP/9.9\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1.1 400 /);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('should answer unknown paths with 404 NOT_FOUND: JSON for clients, a page for browsers', async () => {
    const json = await fetch(`${api.url}/no/such/thing`);
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({ errors: [{ message: 'Nothing is served at this address.', extensions: { code: 'NOT_FOUND' } }] });
    const page = await fetch(`${api.url}/no/such/thing`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Nothing is served at this address.');
  });
});

describe('the CMS webhook', () => {
  const SECRET = 'w'.repeat(40);
  let webhookApi: TestApp;
  beforeAll(async () => {
    webhookApi = await createTestApp({
      // Nothing listens at the CMS address: these requests never get as far as reading it.
      editorial: {
        cmsUrl: 'http://127.0.0.1:9',
        mediaBaseUrl: 'http://127.0.0.1:9',
        apiToken: 't'.repeat(40),
        webhookSecret: SECRET,
        previewSecret: 'p'.repeat(40),
        reconcileSeconds: 0,
      },
    });
  });
  afterAll(() => webhookApi.stop());
  const send = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${webhookApi.url}/webhooks/cms`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('should refuse a missing secret before reading the body, however large', async () => {
    const response = await send(JSON.stringify({ event: 'entry.publish', filler: 'x'.repeat(2_000_000) }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'Wrong or missing webhook secret.', code: 'UNAUTHENTICATED' });
  });

  it.each([
    ['a body that is not JSON', '{"event":', 400, 'BAD_REQUEST'],
    ['a body that is not an event', '{"event": 5, "entry": "x"}', 400, 'BAD_REQUEST'],
    ['a body over the limit', JSON.stringify({ event: 'entry.publish', filler: 'x'.repeat(300_000) }), 413, 'PAYLOAD_TOO_LARGE'],
  ])('should answer %s with the right secret as { error, code }', async (_what, body, status, code) => {
    const response = await send(body, { [WEBHOOK_SECRET_HEADER]: SECRET });
    const text = await response.text();
    expect(response.status).toBe(status);
    expect(JSON.parse(text)).toEqual({ error: expect.any(String), code });
    expect(text).not.toMatch(INTERNALS);
  });
  it('should answer 202 before reading the CMS, and apply a burst of events for one document at most twice', async () => {
    // A CMS that takes 300 ms per read, as Strapi does under load, and counts the reads.
    let reads = 0;
    let answered = 0;
    const slowCms = http.createServer((_req, res) => {
      reads += 1;
      setTimeout(() => {
        answered += 1;
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"data":null}');
      }, 300);
    });
    await new Promise<void>((resolve) => slowCms.listen(0, '127.0.0.1', resolve));
    const cmsUrl = `http://127.0.0.1:${(slowCms.address() as net.AddressInfo).port}`;
    const app = await createTestApp({
      editorial: { cmsUrl, mediaBaseUrl: cmsUrl, apiToken: 't'.repeat(40), webhookSecret: SECRET, previewSecret: 'p'.repeat(40), reconcileSeconds: 0 },
    });
    try {
      const event = JSON.stringify({ event: 'entry.publish', uid: 'api::showcase-article.showcase-article', entry: { documentId: 'burst', locale: 'zh-Hans' } });
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch(`${app.url}/webhooks/cms`, { method: 'POST', headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: SECRET }, body: event }),
        ),
      );
      // Every sender had its answer before the CMS had answered a single read.
      expect(answered).toBe(0);
      expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(202));
      const bodies = await Promise.all(answers.map((answer) => answer.json()));
      expect(bodies.filter((body) => !body.coalesced)).toHaveLength(1);
      await app.app.editorialSync!.settled();
      expect(reads).toBeGreaterThanOrEqual(1);
      expect(reads).toBeLessThanOrEqual(2);
    } finally {
      await app.stop();
      slowCms.close();
    }
  });
});
