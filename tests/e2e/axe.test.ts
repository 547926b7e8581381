/// <reference lib="dom" />
import http from 'node:http';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser';
import { freePort } from '../helpers/cms';
import { createIsolatedTestApp, type TestApp } from '../helpers/test-app';

/**
 * axe-core on every public page in a real Chromium: no violation of any impact, stars read as
 * words, and a screenshot of each page as a visitor sees it (tests/artifacts).
 */
const YIFENG = '530481901001-01';
const HOSTILE = '</script><script>alert(1)</script>仪凤社区:锻造队伍 升级服务';

let api: TestApp;
let apiUrl: string;
let media: http.Server;
let browser: Browser;

beforeAll(async () => {
  // The CMS's media origin: one picture for every cover.
  const mediaPort = await freePort();
  media = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/svg+xml' });
    res.end(COVER_SVG);
  });
  await new Promise<void>((resolve) => media.listen(mediaPort, '127.0.0.1', resolve));
  const apiPort = await freePort();
  apiUrl = `http://127.0.0.1:${apiPort}`;
  api = await createIsolatedTestApp('axe', { env: { PORT: String(apiPort), PUBLIC_URL: apiUrl, CMS_PUBLIC_URL: `http://127.0.0.1:${mediaPort}` } });
  await insertEditorialRows(api);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => media?.close(resolve));
  await api?.stop();
});

/** Opens a page (CSP bypassed so axe can be injected into the card too) and runs axe on it. */
async function audit(pathAndQuery: string, screenshot: string, expectedStatus = 200): Promise<{ page: Page; violations: unknown[] }> {
  const context = await browser.newContext({ bypassCSP: true, locale: 'zh-CN', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const response = await page.goto(`${apiUrl}${pathAndQuery}`);
  expect(response?.status()).toBe(expectedStatus);
  // The whole page, up to two screens' height (the list of every centre goes on for metres).
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${screenshot}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1100, height: 1800 } });
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  const violations = results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  return { page, violations };
}

describe('axe on every public page', () => {
  it.each([
    ['/', 'page-home-zh'],
    ['/?locale=en', 'page-home-en'],
    [`/centres/${YIFENG}`, 'page-centre-zh'],
    [`/centres/${YIFENG}?locale=en`, 'page-centre-en'],
    ['/articles/axe-article', 'page-article-zh'],
    ['/articles/axe-article?locale=en', 'page-article-en'],
    ['/articles/axe-zh-only?locale=en', 'page-article-fallback-en'],
  ])('%s should have no violation', async (url, screenshot) => {
    const { violations } = await audit(url, screenshot);
    expect(violations).toEqual([]);
  });

  it('should find no violation on the 404 page', async () => {
    const { violations } = await audit('/centres/530481901001-99', 'page-not-found', 404);
    expect(violations).toEqual([]);
  });

  it.each([
    ['', 'card-zh'],
    ['?size=large', 'card-zh-large'],
    ['?locale=en', 'card-en'],
    ['?locale=en&size=large', 'card-en-large'],
  ])('the embed card %s should have no violation', async (query, screenshot) => {
    const { violations } = await audit(`/embed/centres/${YIFENG}${query}`, screenshot);
    expect(violations.map((v) => (v as { id: string }).id)).toEqual([]);
  });
});

describe('what a screen reader hears', () => {
  it('should read a rating as words, in each locale', async () => {
    const { page } = await audit(`/centres/${YIFENG}`, 'page-centre-zh');
    await expect(page.getByRole('img', { name: '五星级' }).count()).resolves.toBeGreaterThan(0);
    await page.goto(`${apiUrl}/centres/${YIFENG}?locale=en`);
    await expect(page.getByRole('img', { name: '5 stars' }).count()).resolves.toBeGreaterThan(0);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await page.goto(`${apiUrl}/articles/axe-article`);
    // The hostile title is a heading's text, and none of its script ran.
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(HOSTILE);
    expect(dialogs).toBe(0);
  });

  it('should serve a sitemap a browser parses as XML', async () => {
    const page = await browser.newPage();
    const xml = await (await fetch(`${apiUrl}/sitemap.xml`)).text();
    await page.goto(`${apiUrl}/robots.txt`);
    const parsed = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'application/xml');
      return { errors: document.getElementsByTagName('parsererror').length, urls: document.getElementsByTagName('url').length };
    }, xml);
    expect(parsed.errors).toBe(0);
    expect(parsed.urls).toBeGreaterThan(2);
  });
});

const COVER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600" viewBox="0 0 1200 600">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#b91c1c"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs>
<rect width="1200" height="600" fill="url(#g)"/><text x="80" y="330" font-size="96" fill="#fff" font-family="sans-serif">党群服务中心</text></svg>`;

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const heading = (level: number, text: string) => ({ type: 'heading', level, children: [{ type: 'text', text }] });

/** A profile in both locales and two articles (one without an English version), as the sync stores them. */
async function insertEditorialRows(app: TestApp): Promise<void> {
  const connection = app.app.orm.em.getConnection();
  const now = '2025-04-22T08:00:00Z';
  const cover = JSON.stringify({ url: '/uploads/yifeng.svg', width: 1200, height: 600, alternativeText: '仪凤社区党群服务中心外景' });
  const body = JSON.stringify([
    heading(1, '中心概况'),
    paragraph('仪凤社区党群服务中心坚持党建引领,推进社区治理服务更加精细化、精准化。'),
    heading(4, '服务阵地'),
    paragraph('新时代讲习所、党建书屋、健康e站。'),
  ]);
  for (const [locale, title, summary] of [
    ['zh-Hans', '仪凤社区党群服务中心', '以"六心服务"凝聚群众,资助贫困大学生42人。'],
    ['en', 'Yifeng Community Centre', 'Six services of the heart, and grants for 42 university students.'],
  ]) {
    await connection.execute(
      `insert into editorial_centre_profile (document_id, locale, published_at, source_updated_at, search_text, centre_code, title, summary, body_blocks, cover_media, highlight_items, programme_document_ids)
       values ('axe-profile', ?, ?, ?, '', ?, ?, ?, ?::jsonb, ?::jsonb, '[{"label":"资助贫困大学生","value":42,"unit":"人"},{"label":"志愿者","value":320,"unit":"名"}]'::jsonb, '{axe-programme}')`,
      [locale, now, now, YIFENG, title, summary, body, cover],
    );
  }
  await connection.execute(
    `insert into editorial_brand_programme (document_id, locale, published_at, source_updated_at, search_text, slug, name, summary, body_blocks, module_items, centre_codes)
     values ('axe-programme', 'zh-Hans', ?, ?, '', 'liuxin-fuwu', '六心服务', '红心铸魂、暖心解忧……', '[]'::jsonb, '[]'::jsonb, ?::text[])`,
    [now, now, `{${YIFENG}}`],
  );
  for (const [documentId, slug, locale, title] of [
    ['axe-article', 'axe-article', 'zh-Hans', HOSTILE],
    ['axe-article', 'axe-article', 'en', 'Star centres showcase, episode 3: Yifeng'],
    ['axe-zh-only', 'axe-zh-only', 'zh-Hans', '星级党群服务中心展播第4期'],
  ]) {
    await connection.execute(
      `insert into editorial_showcase_article (document_id, locale, published_at, source_updated_at, search_text, slug, title, summary, body_blocks, cover_media, series, episode, centre_codes, programme_document_ids, published_date)
       values (?, ?, ?, ?, '', ?, ?, '走进星级党群服务中心。', ?::jsonb, ?::jsonb, '星级党群服务中心展播', 3, ?::text[], '{axe-programme}', '2025-04-22')`,
      [documentId, locale, now, now, slug, title, body, cover, `{${YIFENG}}`],
    );
  }
}
