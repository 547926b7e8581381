import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser';
import { DEMO_EDITOR, startTestCms, TEST_SECRETS, type TestCms } from '../helpers/cms';
import { createTestApp, type TestApp } from '../helpers/test-app';

const ARTICLE = 'api::showcase-article.showcase-article';

let api: TestApp;
let cms: TestCms;
let browser: Browser;
beforeAll(async () => {
  api = await createTestApp();
  cms = await startTestCms('editor', api.url);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  await api?.stop();
});

describe('a publicity editor in the Strapi admin', () => {
  it('should log in, write a showcase article in Chinese, publish it, and see it in the REST API', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    page.setDefaultTimeout(30_000);
    const offsite: string[] = [];
    await page.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      offsite.push(route.request().url());
      return route.abort();
    });

    await page.goto(`${cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(DEMO_EDITOR.email);
    await page.locator('input[name="password"]').fill(DEMO_EDITOR.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));

    await page.goto(`${cms.url}/admin/content-manager/collection-types/${ARTICLE}/create?plugins[i18n][locale]=zh-Hans`);
    // The demo editor's admin speaks Chinese (as far as Strapi's zh-Hans translation goes).
    const publish = page.getByRole('button', { name: '发布', exact: true });
    await publish.waitFor();
    await page.locator('input[name="title"]').fill('“星”服务·致美好|星级党群服务中心展播4');
    const slug = page.locator('input[name="slug"]');
    // The uid field fills itself in after the title; replace what it generated.
    await page.waitForTimeout(1000);
    await slug.fill('xingji-zhanbo-4');
    expect(await slug.inputValue()).toBe('xingji-zhanbo-4');
    await page.locator('textarea[name="summary"]').fill('编辑在后台撰写的新一期展播。');
    const body = page.locator('[role="textbox"][contenteditable="true"]').first();
    await body.click();
    await page.keyboard.type('高仓街道党群服务中心以共融、共建、共治、共享为核心理念。');
    await page.locator('input[name="series"]').fill('星级党群服务中心展播');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cms-editor-article.png'), fullPage: true });

    await publish.click();

    const published = await waitFor(async () => {
      const { body: found } = await cms.rest('GET', '/showcase-articles?locale=zh-Hans&filters[slug][$eq]=xingji-zhanbo-4', TEST_SECRETS.CMS_API_TOKEN);
      return found.data[0];
    });
    expect(published).toMatchObject({ title: '“星”服务·致美好|星级党群服务中心展播4', series: '星级党群服务中心展播' });
    expect(JSON.stringify(published.body)).toContain('共融、共建、共治、共享');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cms-editor-published.png'), fullPage: true });
    expect(offsite).toEqual([]);
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the published article');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
