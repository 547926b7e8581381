import { createTestApp, type TestApp } from '../helpers/test-app';

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
