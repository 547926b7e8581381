import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser';
import { CMS_DIR, DEMO_EDITOR, startTestCms, type TestCms } from '../helpers/cms';
import { createTestApp, type TestApp } from '../helpers/test-app';

const PROFILE = 'api::centre-profile.centre-profile';
const ARTICLE = 'api::showcase-article.showcase-article';
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

// What issue 15 found in English (or as attribute names) on the editor's screens.
const ENGLISH = [
  'Create new entry',
  'entries found',
  'Open preview',
  'This attribute must be unique',
  'Introducing the new Media Library',
  'Edit the model',
  'Configure the view',
  'More actions',
  'Welcome',
  'Log in',
  'centreCode',
  'brandProgrammes',
  'publishedDate',
  'highlights',
  'CENTRECODE',
  'Draft',
  'Published',
  'Content Manager',
  'STATUS',
  'Chinese (Simplified)',
  '(default)',
  'Search',
];

let api: TestApp;
let cms: TestCms;
let browser: Browser;
// Files this test leaves in the shared uploads folder, removed at the end.
const placed: string[] = [];
beforeAll(async () => {
  api = await createTestApp();
  cms = await startTestCms('editor_zh', api.url);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  for (const url of placed) rmSync(path.join(CMS_DIR, 'public', url), { force: true });
  await browser?.close();
  await cms?.stop();
  await api?.stop();
});

/** A zh-CN browser that records every request that fails (4xx, 5xx or no answer) and stays offline. */
async function chineseBrowserPage(): Promise<{ page: Page; failed: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  page.setDefaultTimeout(30_000);
  const failed: string[] = [];
  await page.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    failed.push(`offsite ${route.request().url()}`);
    return route.abort();
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  page.on('requestfailed', (request) => {
    // Leaving a page aborts what it still loads; that is not a failure the editor meets.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (!failed.some((entry) => entry.endsWith(request.url()))) failed.push(`failed ${request.url()} ${request.failure()?.errorText}`);
  });
  return { page, failed };
}

async function englishOnScreen(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return ENGLISH.filter((phrase) => text.includes(phrase));
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

describe("a zh-CN editor's day in the admin", () => {
  it('should speak Chinese from the login page on, label fields in Chinese and make no failing request', async () => {
    const { page, failed } = await chineseBrowserPage();

    await page.goto(`${cms.url}/admin/auth/login`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await shot(page, 'editor-guide-01-login');
    expect(await englishOnScreen(page)).toEqual([]);
    await page.locator('input[name="email"]').fill(DEMO_EDITOR.email);
    await page.locator('input[name="password"]').fill(DEMO_EDITOR.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));

    await page.goto(`${cms.url}/admin/content-manager/collection-types/${PROFILE}?plugins[i18n][locale]=zh-Hans`);
    const headers = page.locator('thead');
    await headers.getByText('中心名称').waitFor();
    await headers.getByText('状态').waitFor();
    await page.getByText('易门县龙泉街道兴文街社区党群服务中心').waitFor();
    await shot(page, 'editor-guide-02-profiles');
    expect(await englishOnScreen(page)).toEqual([]);

    await page.getByText('易门县龙泉街道兴文街社区党群服务中心').click();
    await page.getByRole('heading', { name: '易门县龙泉街道兴文街社区党群服务中心' }).waitFor();
    await shot(page, 'editor-guide-03-profile');
    await page.locator('label', { hasText: '党群服务中心' }).first().waitFor();
    await page.locator('label', { hasText: '亮点数据' }).first().waitFor();
    expect(await englishOnScreen(page)).toEqual([]);
    await page.getByRole('button', { name: '更多操作' }).click();
    const menu = await page.getByRole('menu').innerText();
    expect(menu).not.toContain('编辑模型');
    expect(menu).not.toContain('配置视图');
    await page.keyboard.press('Escape');

    await page.goto(`${cms.url}/admin/content-manager/collection-types/${ARTICLE}/create?plugins[i18n][locale]=zh-Hans`);
    await page.getByRole('button', { name: '发布', exact: true }).waitFor();
    await page.locator('input[name="title"]').fill('“星”服务·致美好|星级党群服务中心展播5');
    await page.getByRole('button', { name: '重新生成' }).click();
    await page.waitForFunction(() => (document.querySelector('input[name="slug"]') as HTMLInputElement | null)?.value.startsWith('xing'));
    expect(await page.locator('input[name="slug"]').inputValue()).toBe('xing-fu-wu-zhi-mei-hao-xing-ji-dang-qun-fu-wu-zhong-xin-zhan-bo-5');
    await shot(page, 'editor-guide-04-article');
    expect(await englishOnScreen(page)).toEqual([]);

    expect(failed).toEqual([]);
  });

  it('should warn before publishing an article whose cover has no alternative text, until it has one', async () => {
    const editor = await cms.login(DEMO_EDITOR);
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(PNG_1X1)], { type: 'image/png' }), 'no-alt-cover.png');
    const uploaded = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: form });
    const [cover] = (await uploaded.json()) as Array<{ id: number; url: string }>;
    placed.push(cover!.url);
    const body = [{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }];
    const created = await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}?locale=zh-Hans`, editor, {
      title: '封面没有说明',
      slug: 'no-alt-cover',
      body,
      cover: cover!.id,
    });
    const { documentId } = created.body.data;

    const { page, failed } = await chineseBrowserPage();
    await signIn(page);
    await page.goto(`${cms.url}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=zh-Hans`);
    await page.getByText('封面图缺少替代文字').waitFor();
    await shot(page, 'editor-guide-05-cover-alt');

    const info = new FormData();
    info.append('fileInfo', JSON.stringify({ alternativeText: '高仓街道党群服务中心外景' }));
    await fetch(`${cms.url}/upload?id=${cover!.id}`, { method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: info });
    await page.reload();
    await page.getByRole('button', { name: '发布', exact: true }).waitFor();
    await page.locator('input[name="title"]').waitFor();
    expect(await page.getByText('封面图缺少替代文字').count()).toBe(0);
    expect(failed).toEqual([]);
  });
});

describe('finding a centre without a profile and writing one, without typing a code', () => {
  it('should list centres without a profile and open a new profile with the centre chosen in the picker', async () => {
    const { page, failed } = await chineseBrowserPage();
    await signIn(page);
    await page.goto(`${cms.url}/admin/plugins/centre-picker`);
    await page.getByText('还没有简介的中心').waitFor();
    await page.getByText(/共 \d+ 个中心,\d+ 个还没有简介/).waitFor();
    const subtitle = await page.getByText(/共 \d+ 个中心/).innerText();
    const [, total, missing] = subtitle.match(/共 (\d+) 个中心,(\d+) 个还没有简介/)!;
    expect(Number(total) - Number(missing)).toBe(4);
    expect(await page.getByText('易门县龙泉街道兴文街社区党群服务中心').count()).toBe(0);
    await shot(page, 'editor-guide-06-coverage');
    const firstRow = page.locator('tbody tr').first();
    const centreName = await firstRow.locator('td').first().innerText();
    const centreCode = await firstRow.locator('td').nth(1).innerText();
    await firstRow.getByRole('link', { name: '新建简介' }).click();

    const chosen = page.getByTestId('centre-picker-chosen');
    await chosen.getByText(centreName).waitFor();
    expect(await chosen.innerText()).toContain(centreCode);

    // Changing it by name: type part of a name, pick from the list.
    await page.getByLabel('搜索党群服务中心').first().fill('兴文街');
    await page.getByRole('option', { name: /易门县龙泉街道兴文街社区党群服务中心/ }).click();
    await chosen.getByText('这个中心已有简介「易门县龙泉街道兴文街社区党群服务中心」').waitFor();
    await page.getByLabel('搜索党群服务中心').first().fill(centreCode);
    await page.getByRole('option', { name: new RegExp(centreCode) }).click();
    await chosen.getByText(centreName).waitFor();
    expect(await chosen.getByText('已有简介').count()).toBe(0);

    await page.locator('input[name="title"]').fill(centreName);
    await shot(page, 'editor-guide-07-picker');
    expect(await englishOnScreen(page)).toEqual([]);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    const editor = await cms.login(DEMO_EDITOR);
    const published = async () =>
      (await cms.admin('GET', `/content-manager/collection-types/${PROFILE}?locale=zh-Hans&filters[centreCode][$eq]=${centreCode}`, editor)).body.results;
    for (let tries = 0; tries < 50 && (await published())[0]?.status !== 'published'; tries++) await page.waitForTimeout(200);
    await shot(page, 'editor-guide-08-published');
    expect(await published()).toMatchObject([{ title: centreName, centreCode, status: 'published' }]);
    expect(failed).toEqual([]);
  });
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${cms.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(DEMO_EDITOR.email);
  await page.locator('input[name="password"]').fill(DEMO_EDITOR.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'));
}
