import { PAGE_COST } from '../../api/src/http/page-budget';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** Five pages a minute per address: enough to see the sixth refused. */
const RATE = String(5 * PAGE_COST);
const CENTRE = '530402901000-01';

let tight: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  tight = await createTestApp({ env: { ANONYMOUS_RATE_PER_MINUTE: RATE } });
  proxied = await createTestApp({ env: { ANONYMOUS_RATE_PER_MINUTE: RATE, TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await tight.stop();
  await proxied.stop();
});

const get = (app: TestApp, path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers: { accept: 'text/html', ...headers } });

async function spend(app: TestApp, headers: Record<string, string> = {}): Promise<void> {
  for (let view = 0; view < 5; view += 1) expect((await get(app, '/', headers)).status).toBe(200);
}

describe('server-rendered pages and a spent budget', () => {
  it('should charge a view of the showcase as one page, not as the GraphQL behind it', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.1' };
    expect((await get(proxied, '/', headers)).status).toBe(200);
    const response = await fetch(`${proxied.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: `{ centre(code: "${CENTRE}") { name } }` }),
    });
    const body = await response.json();
    // The page cost PAGE_COST; this query costs 1.
    expect(body.extensions.cost.rateRemaining).toBe(5 * PAGE_COST - PAGE_COST - 1);
  });

  it('should answer 429 with Retry-After in Chinese and English everywhere once an address has spent its minute, never a cacheable 404 or 503', async () => {
    await spend(tight);
    const page = await get(tight, '/');
    expect(page.status).toBe(429);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const text = await page.text();
    expect(text).toContain('请求过于频繁');
    expect(text).toContain('Too many requests');

    const card = await get(tight, `/embed/centres/${CENTRE}`);
    expect(card.status).toBe(429);
    expect(card.headers.get('cache-control')).toBe('no-store');
    expect(card.headers.get('retry-after')).not.toBeNull();
    expect(await card.text()).toContain('请求过于频繁');

    const oembed = await fetch(`${tight.url}/oembed?url=${encodeURIComponent(`${tight.url}/embed/centres/${CENTRE}`)}`);
    expect(oembed.status).toBe(429);
    expect(oembed.headers.get('retry-after')).not.toBeNull();
    expect(await oembed.json()).toMatchObject({ code: 'RATE_LIMITED' });

    for (const format of ['svg', 'json']) {
      const badge = await get(tight, `/badges/${CENTRE}.${format}`);
      expect(badge.status).toBe(429);
      expect(Number(badge.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(badge.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('TRUST_PROXY', () => {
  it('should count each visitor behind the proxy apart when set, by the address the proxy names', async () => {
    await spend(proxied, { 'x-forwarded-for': '198.51.100.7' });
    expect((await get(proxied, '/', { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429);
    expect((await get(proxied, '/', { 'x-forwarded-for': '198.51.100.8' })).status).toBe(200);
  });

  it('should ignore X-Forwarded-For when unset, so a client cannot pick a fresh address per request', async () => {
    // `tight` has spent its minute above: a forged header does not buy a new one.
    expect((await get(tight, '/', { 'x-forwarded-for': '192.0.2.99' })).status).toBe(429);
  });
});
