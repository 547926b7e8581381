import path from 'node:path';
import { editorialOptions } from '../../api/src/stack/start-stack';
import { loadConfig } from '../../api/src/config';
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser';
import { DEMO_EDITOR, freePort, startTestCms, TEST_SECRETS, type TestCms } from '../helpers/cms';
import { createIsolatedTestApp, type TestApp } from '../helpers/test-app';

/**
 * Scheduled publishing (strapi-plugin-publisher): the editor picks a time, the CMS publishes the
 * draft then, and the API learns of it through its webhook like any publication. The reconcile
 * pass is off here, so nothing else could bring the article in.
 */
const ARTICLE = 'api::showcase-article.showcase-article';
const GAOCANG = '530402901000-01';
const body = [{ type: 'paragraph', children: [{ type: 'text', text: '定时发布的正文。' }] }];

let api: TestApp;
let cms: TestCms;
let adminJwt: string;
let editorJwt: string;

beforeAll(async () => {
  const cmsPort = await freePort();
  const config = loadConfig({ NODE_ENV: 'test', CMS_PORT: String(cmsPort), EDITORIAL_RECONCILE_SECONDS: '0' });
  api = await createIsolatedTestApp('sched', { editorial: editorialOptions(config, TEST_SECRETS) });
  cms = await startTestCms('sched', api.url, { port: cmsPort });
  adminJwt = await cms.login();
  editorJwt = await cms.login(DEMO_EDITOR);
}, 240_000);
afterAll(async () => {
  await cms?.stop();
  await api?.stop();
});

async function articleBySlug(slug: string) {
  const { data } = await api.gql(`query ($slug: String!) { article(slug: $slug) { title } }`, { slug });
  return data?.article ?? null;
}

async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const startedAt = Date.now();
  while (!(await probe())) {
    if (Date.now() - startedAt > timeoutMs) throw new Error(`not true after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function createDraftArticle(jwt: string, title: string, slug: string): Promise<string> {
  const created = await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}?locale=zh-Hans`, jwt, {
    title,
    slug,
    body,
    series: '星级党群服务中心展播',
    centres: [{ centreCode: GAOCANG }],
  });
  expect(created.status).toBe(201);
  return created.body.data.documentId;
}

const schedule = (jwt: string, data: Record<string, unknown>) => cms.admin('POST', '/publisher/actions', jwt, { data });

describe('scheduled publishing', () => {
  it('should publish a draft the editor scheduled at its time, and show it in GraphQL and on the card through the webhook', async () => {
    const documentId = await createDraftArticle(editorJwt, '定时发布的展播', 'scheduled-article');
    const executeAt = new Date(Date.now() + 5000);
    const scheduled = await schedule(editorJwt, { mode: 'publish', entityId: documentId, entitySlug: ARTICLE, locale: 'zh-Hans', executeAt: executeAt.toISOString() });
    expect(scheduled.status).toBe(201);

    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await articleBySlug('scheduled-article')).toBeNull();

    await waitUntil(async () => (await articleBySlug('scheduled-article'))?.title === '定时发布的展播', 15_000);
    expect(Date.now()).toBeGreaterThanOrEqual(executeAt.getTime());
    const card = await (await fetch(`${api.url}/embed/centres/${GAOCANG}`)).text();
    expect(card).toContain('定时发布的展播');
    // A schedule is used once.
    const left = await cms.admin('GET', `/publisher/actions?filters[entityId]=${documentId}`, editorJwt);
    expect(left.body.data).toEqual([]);
  }, 30_000);

  it('should let the editor move and drop a schedule', async () => {
    const documentId = await createDraftArticle(editorJwt, '改期的展播', 'rescheduled-article');
    const scheduled = await schedule(editorJwt, {
      mode: 'publish',
      entityId: documentId,
      entitySlug: ARTICLE,
      locale: 'zh-Hans',
      executeAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const actionId = scheduled.body.data.documentId;
    const moved = await cms.admin('PUT', `/publisher/actions/${actionId}`, editorJwt, { data: { executeAt: new Date(Date.now() + 7_200_000).toISOString() } });
    expect(moved.status).toBe(200);
    expect((await cms.admin('DELETE', `/publisher/actions/${actionId}`, editorJwt)).status).toBe(204);
  });

  it('should refuse a schedule from someone who may not publish, for a type not offered, and through the content API', async () => {
    const documentId = await createDraftArticle(adminJwt, '无权定时的展播', 'unauthorised-schedule');
    const action = { mode: 'publish', entityId: documentId, entitySlug: ARTICLE, locale: 'zh-Hans', executeAt: new Date(Date.now() + 3_600_000).toISOString() };

    // Strapi's default Author role writes its own drafts but may not publish.
    const { body: roles } = await cms.admin('GET', '/admin/roles', adminJwt);
    const author = roles.data.find((role: { code: string }) => role.code === 'strapi-author');
    const invited = await cms.admin('POST', '/admin/users', adminJwt, { firstname: '作者', lastname: '甲', email: 'author@example.com', roles: [author.id] });
    const registered = await cms.admin('POST', '/admin/register', '', {
      registrationToken: invited.body.data.registrationToken,
      userInfo: { firstname: '作者', lastname: '甲', password: 'Author-Star-2024' },
    });
    const authorJwt = registered.body.data.token;
    expect((await schedule(authorJwt, action)).status).toBe(403);

    const editors = await schedule(editorJwt, action);
    expect(editors.status).toBe(201);
    const actionId = editors.body.data.documentId;
    expect((await cms.admin('PUT', `/publisher/actions/${actionId}`, authorJwt, { data: { executeAt: new Date().toISOString() } })).status).toBe(403);
    expect((await cms.admin('DELETE', `/publisher/actions/${actionId}`, authorJwt)).status).toBe(403);
    // Nor may a schedule be moved onto a type that is not offered.
    expect((await cms.admin('PUT', `/publisher/actions/${actionId}`, editorJwt, { data: { entitySlug: 'admin::user' } })).status).toBe(403);
    expect((await schedule(adminJwt, { ...action, entitySlug: 'admin::user', entityId: '1' })).status).toBe(403);

    const { body: token } = await cms.admin('POST', '/admin/api-tokens', adminJwt, { name: 'schedule writer', type: 'full-access', kind: 'content-api', lifespan: null });
    const contentApi = (method: string, key: string) =>
      fetch(`${cms.url}/api/publisher/actions`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: method === 'POST' ? JSON.stringify({ data: action }) : undefined,
      });
    expect((await contentApi('POST', token.data.accessKey)).status).toBe(405);
    expect((await contentApi('GET', TEST_SECRETS.CMS_API_TOKEN)).status).toBe(404);

    const { body: left } = await cms.admin('GET', `/publisher/actions?filters[entityId]=${documentId}`, adminJwt);
    expect(left.data).toHaveLength(1);
    expect(new Date(left.data[0].executeAt).getTime()).toBe(new Date(action.executeAt).getTime());
  });

  it("should offer the schedule in the editor's entry page, in Chinese, with no failing request", async () => {
    const documentId = await createDraftArticle(editorJwt, '页面上定时的展播', 'scheduled-in-the-page');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
      page.setDefaultTimeout(30_000);
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.url().includes('/publisher/') && response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${cms.url}/admin/auth/login`);
      await page.locator('input[name="email"]').fill(DEMO_EDITOR.email);
      await page.locator('input[name="password"]').fill(DEMO_EDITOR.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => !url.pathname.includes('/auth/'));

      await page.goto(`${cms.url}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=zh-Hans`);
      await page.getByRole('button', { name: '设置发布时间' }).click();
      await page.getByRole('button', { name: '设置下线时间' }).waitFor();
      await page.getByText('定时发布', { exact: true }).waitFor();
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cms-scheduling.png'), fullPage: true });
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
