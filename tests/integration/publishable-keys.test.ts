import { ApiKeyKind } from '../../api/src/modules/api-key/api-key.entity';
import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { signIn, STAFF } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Publishable keys (pk_…) are for web pages: only from their origins, only reads. Secret keys
 * (sc_…) are for servers and are refused in URLs.
 */
const PORTAL = 'https://portal.example.org';
const YIFENG = '530481901001-01';

let api: TestApp;
let publishable: string;
let secret: string;

beforeAll(async () => {
  api = await createTestApp({ env: { PUBLIC_URL: 'http://127.0.0.1' } });
  const em = api.app.orm.em.fork();
  publishable = (await createApiKey(em, { name: '澄江门户(网页)', kind: ApiKeyKind.PUBLISHABLE, allowedOrigins: [PORTAL], regionCode: '530481', ratePerMinute: 100_000 })).secret;
  secret = (await createApiKey(em, { name: '澄江门户(服务器)', allowedOrigins: [PORTAL], ratePerMinute: 100_000 })).secret;
});
afterAll(() => api.stop());

function post(query: string, headers: Record<string, string>) {
  return fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
}

describe('a publishable key', () => {
  it('should look like one and read from its origin, within its region', async () => {
    expect(publishable).toMatch(/^pk_/);
    const response = await post(`{ centre(code: "${YIFENG}") { name } gaocang: centre(code: "530402901000-01") { name } }`, { 'x-api-key': publishable, origin: PORTAL });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    const body = await response.json();
    expect(body.data.centre.name).toContain('仪凤');
    expect(body.data.gaocang).toBeNull();
  });

  it('should take the page origin from the Referer when the browser sends no Origin (iframes, same-origin GETs)', async () => {
    const response = await post('{ __typename }', { 'x-api-key': publishable, referer: `${PORTAL}/centres/yifeng?tab=1` });
    expect(response.status).toBe(200);
  });

  it('should be refused without an origin (curl, a server) and from other origins', async () => {
    const bare = await post('{ __typename }', { 'x-api-key': publishable });
    expect(bare.status).toBe(403);
    expect((await bare.json()).errors[0].extensions.code).toBe('ORIGIN_REQUIRED');
    const elsewhere = await post('{ __typename }', { 'x-api-key': publishable, origin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);
    expect((await elsewhere.json()).errors[0].extensions.code).toBe('ORIGIN_NOT_ALLOWED');
    const forgedReferer = await post('{ __typename }', { 'x-api-key': publishable, referer: 'https://evil.example/portal' });
    expect(forgedReferer.status).toBe(403);
  });

  it('should be read-only, even beside a staff sign-in', async () => {
    const staff = await signIn(api, STAFF.city);
    const response = await post(`mutation { revokeApiKey(id: 1) { id } }`, { ...staff, 'x-api-key': publishable, origin: PORTAL });
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('KEY_READ_ONLY');
    expect(body.data).toBeUndefined();
  });

  it('should need at least one origin when it is created', async () => {
    const created = await api.gql(`mutation { createApiKey(input: { name: "无来源", kind: PUBLISHABLE }) { id } }`, undefined, await signIn(api, STAFF.city));
    expect(created.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(created.errors?.[0]?.message).toContain('origins');
  });

  it('should be created through GraphQL with its kind shown', async () => {
    const created = await api.gql(
      `mutation { createApiKey(input: { name: "玉溪门户(网页)", kind: PUBLISHABLE, allowedOrigins: ["${PORTAL}"] }) { kind secret prefix } }`,
      undefined,
      await signIn(api, STAFF.city),
    );
    expect(created.data.createApiKey.kind).toBe('PUBLISHABLE');
    expect(created.data.createApiKey.secret).toMatch(/^pk_/);
    expect(created.data.createApiKey.prefix).toBe(created.data.createApiKey.secret.slice(0, 10));
  });
});

describe('the card iframe URL', () => {
  const card = () => `${api.url}/embed/centres/${YIFENG}`;

  it('should refuse a secret key in the URL, in Chinese and English, without storing the answer', async () => {
    const response = await fetch(`${card()}?key=${secret}`, { headers: { referer: `${PORTAL}/` } });
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('密钥不能放在网址中');
    expect(html).toContain('publishable key');
    expect(html).not.toContain(secret);
  });

  it('should show the card for a publishable key framed by its origin, and only let its origins frame it', async () => {
    const response = await fetch(`${card()}?key=${publishable}`, { headers: { referer: `${PORTAL}/news` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors ${PORTAL}`);
    expect(await response.text()).toContain('仪凤');
  });

  it('should refuse a publishable key from a page of another origin', async () => {
    const response = await fetch(`${card()}?key=${publishable}`, { headers: { referer: 'https://evil.example/' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).not.toContain('仪凤社区党群服务中心坚持');
  });
});
