/// <reference lib="dom" />
import http from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { ApiKeyKind } from '../../api/src/modules/api-key/api-key.entity';
import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { launchChromium } from '../helpers/browser';
import { freePort } from '../helpers/cms';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * A portal page (localhost) reads the API (127.0.0.1) by GET, which browsers keep for 10 s.
 * Its publishable key is limited to 澄江市, so a keyed answer and an anonymous one to the same
 * URL differ: Chromium's own HTTP cache must never hand one out for the other.
 */
const GAOCANG = '530402901000-01'; // 红塔区: outside the key's region
const YIFENG = '530481901001-01'; // 澄江市: inside it

let api: TestApp;
let host: http.Server;
let hostUrl: string;
let browser: Browser;
let key: string;
/** GETs that reached the API: a read the browser answered from its cache adds none. */
let apiGets = 0;

beforeAll(async () => {
  api = await createTestApp();
  api.app.httpServer.on('request', (req: http.IncomingMessage) => {
    // Express has rewritten req.url under its mount point by now; only the page's reads are GETs here.
    if (req.method === 'GET') apiGets += 1;
  });
  const hostPort = await freePort();
  hostUrl = `http://localhost:${hostPort}`;
  key = (
    await createApiKey(api.app.orm.em.fork(), { name: 'cache: 澄江门户', kind: ApiKeyKind.PUBLISHABLE, regionCode: '530481', allowedOrigins: [hostUrl], ratePerMinute: 100_000 })
  ).secret;
  host = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>门户</title></head><body><main><h1>门户</h1></main></body></html>');
  });
  await new Promise<void>((resolve) => host.listen(hostPort, 'localhost', resolve));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await api?.stop();
});

interface Read {
  name: string | null;
  fromCache: boolean;
}

/** A GET of the centre's name from the page, keyed or not, and whether the browser cache answered it. */
async function read(page: Page, code: string, withKey: boolean): Promise<Read> {
  const url = `${api.url}/graphql?query=${encodeURIComponent(`{ centre(code: "${code}") { name } }`)}`;
  const before = apiGets;
  const name = await page.evaluate(
    async ({ url, key }) => {
      const headers: Record<string, string> = { 'apollo-require-preflight': 'true' };
      if (key) headers['x-api-key'] = key;
      const body = await (await fetch(url, { headers })).json();
      return (body.data?.centre?.name as string | undefined) ?? null;
    },
    { url, key: withKey ? key : null },
  );
  return { name, fromCache: apiGets === before };
}

describe('keyed and anonymous answers in a browser cache', () => {
  it('should keep an anonymous answer for anonymous reads, and never give it to the key', async () => {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}/`);
    const first = await read(page, GAOCANG, false);
    expect(first.name).toContain('高仓');
    // The cache is really in play: the same anonymous read comes from it.
    expect(await read(page, GAOCANG, false)).toEqual({ name: first.name, fromCache: true });
    // The key may not see 红塔区: an answer taken from the cache would show the name.
    expect(await read(page, GAOCANG, true)).toEqual({ name: null, fromCache: false });
    await page.close();
  });

  it('should not give a keyed answer to an anonymous read either', async () => {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}/`);
    const keyed = await read(page, YIFENG, true);
    expect(keyed.name).toContain('仪凤');
    expect((await read(page, YIFENG, true)).fromCache).toBe(true);
    const anonymous = await read(page, YIFENG, false);
    expect(anonymous).toEqual({ name: keyed.name, fromCache: false });
    await page.close();
  });
});
