/// <reference lib="dom" />
import http from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ApiKeyKind } from '../../api/src/modules/api-key/api-key.entity';
import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { centreBadge, renderBadgeSvg } from '../../api/src/http/embed/star-badge';
import { CentreProfile } from '../../api/src/modules/editorial/centre-profile.entity';
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser';
import { freePort } from '../helpers/cms';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * A portal on another origin (localhost) embeds the card served by the API (127.0.0.1):
 * by iframe, by the HTML oEmbed hands out, and by the <centre-profile> web component.
 */
const YIFENG = '530481901001-01';
const HOSTILE_NAME = '</title><script>alert(1)</script><svg onload="alert(2)">\u0000中心';
const SUMMARY = '仪凤社区党群服务中心坚持党建引领,推进社区治理服务更加精细化、精准化。';

let api: TestApp;
let apiUrl: string;
let host: http.Server;
let hostUrl: string;
let browser: Browser;
let blockedKey: string;
let secretKey: string;
let portalKey: string;

beforeAll(async () => {
  const apiPort = await freePort();
  apiUrl = `http://127.0.0.1:${apiPort}`;
  api = await createTestApp({ env: { PORT: String(apiPort), PUBLIC_URL: apiUrl } });
  const em = api.app.orm.em.fork();
  await em.nativeDelete(CentreProfile, { documentId: 'embed-test-profile' });
  em.create(CentreProfile, {
    documentId: 'embed-test-profile',
    locale: 'zh-Hans',
    publishedAt: new Date(),
    sourceUpdatedAt: new Date(),
    centreCode: YIFENG,
    title: '仪凤社区党群服务中心',
    summary: SUMMARY,
    highlightItems: [{ label: '资助贫困大学生', value: 42, unit: '人' }],
    bodyBlocks: [],
    galleryMedia: [],
    programmeDocumentIds: [],
    searchText: '',
  });
  await em.flush();
  blockedKey = (
    await createApiKey(api.app.orm.em.fork(), { name: 'allowed elsewhere', kind: ApiKeyKind.PUBLISHABLE, allowedOrigins: ['https://allowed.example'], ratePerMinute: 100_000 })
  ).secret;
  secretKey = (await createApiKey(api.app.orm.em.fork(), { name: 'a server', allowedOrigins: [], ratePerMinute: 100_000 })).secret;

  const hostPort = await freePort();
  hostUrl = `http://localhost:${hostPort}`;
  portalKey = (await createApiKey(api.app.orm.em.fork(), { name: 'the portal', kind: ApiKeyKind.PUBLISHABLE, allowedOrigins: [hostUrl], ratePerMinute: 100_000 })).secret;
  host = http.createServer(async (req, res) => {
    const card = `${apiUrl}/embed/centres/${YIFENG}`;
    let body = '';
    if (req.url === '/iframe.html') body = `<iframe src="${card}" width="480" height="640" title="centre"></iframe>`;
    if (req.url === '/oembed.html') {
      const oembed = (await (await fetch(`${apiUrl}/oembed?url=${encodeURIComponent(card)}&maxwidth=460`)).json()) as { html: string };
      body = oembed.html;
    }
    if (req.url === '/component.html') body = `<script src="${apiUrl}/embed.js"></script><centre-profile code="${YIFENG}" locale="zh-Hans"></centre-profile>`;
    if (req.url === '/component-script.html') {
      // As a portal's script would: make the element, attach it, then set its attributes one by one.
      body = `<script src="${apiUrl}/embed.js"></script><script>
        const element = document.createElement('centre-profile');
        document.body.append(element);
        element.setAttribute('code', '${YIFENG}');
        element.setAttribute('locale', 'en');
        element.setAttribute('size', 'large');
        element.setAttribute('theme', 'dark');
      </script>`;
    }
    if (req.url === '/component-attributes.html') {
      body = `<script src="${apiUrl}/embed.js"></script>
        <centre-profile id="card" code="${YIFENG}" locale="en" size="large" theme="dark" api-key="${portalKey}"></centre-profile>
        <centre-profile id="empty" locale="en"></centre-profile>`;
    }
    if (req.url === '/component-secret.html') body = `<script src="${apiUrl}/embed.js"></script><centre-profile code="${YIFENG}" api-key="${secretKey}"></centre-profile>`;
    if (req.url === '/component-missing.html') body = `<script src="${apiUrl}/embed.js"></script><centre-profile code="530481901001-99" locale="en"></centre-profile>`;
    if (req.url === '/badges.html') {
      body = [`${apiUrl}/badges/${YIFENG}.svg`, `${apiUrl}/badges/${YIFENG}.svg?locale=en`, `${apiUrl}/badges/530481901001-99.svg`, '/hostile-badge.svg']
        .map((src) => `<p><img src="${src}" alt=""></p>`)
        .join('');
    }
    if (req.url === '/hostile-badge.svg') {
      res.writeHead(200, { 'content-type': 'image/svg+xml; charset=utf-8' });
      res.end(renderBadgeSvg(centreBadge({ code: YIFENG, name: HOSTILE_NAME, currentRating: { year: 2024, stars: 3, tier: 'COUNTY', awardedOn: null } }, 'zh-Hans')));
      return;
    }
    if (req.url === '/blocked.html') body = `<iframe src="${card}?key=${blockedKey}" width="480" height="640" title="centre"></iframe>`;
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>portal</title></head><body><h1>门户</h1>${body}</body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(hostPort, 'localhost', resolve));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await api?.app.orm.em.fork().nativeDelete(CentreProfile, { documentId: 'embed-test-profile' });
  await api?.stop();
});

async function expectCard(scope: { locator(selector: string): any }) {
  const card = scope.locator('article.card');
  await card.waitFor({ timeout: 15_000 });
  expect(await card.locator('h1').innerText()).toBe('澄江市凤麓街道仪凤社区党群服务中心');
  expect(await card.locator('.stars').innerText()).toBe('★★★★★');
  expect(await card.locator('.summary').innerText()).toBe(SUMMARY);
}

describe('a centre card embedded in a portal on another origin', () => {
  it('should show by iframe', async () => {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}/iframe.html`);
    await expectCard(page.frameLocator('iframe'));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'embed-iframe.png') });
  });

  it('should show by the HTML that oEmbed hands out', async () => {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}/oembed.html`);
    await expectCard(page.frameLocator('iframe'));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'embed-oembed.png') });
  });

  it('should show by the <centre-profile> web component, and fall back readably', async () => {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}/component.html`);
    await expectCard(page.locator('centre-profile'));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'embed-web-component.png') });
    await page.goto(`${hostUrl}/component-missing.html`);
    await page.locator('centre-profile .fallback').waitFor();
    expect(await page.locator('centre-profile .fallback').innerText()).toContain('could not be loaded');
  });

  it('should refuse a secret key written into the page, and never send it', async () => {
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/graphql')) asked.push(request.url());
    });
    await page.goto(`${hostUrl}/component-secret.html`);
    await page.locator('centre-profile .fallback').waitFor();
    expect(await page.locator('centre-profile .fallback').innerText()).toContain('秘密密钥');
    await page.waitForTimeout(300);
    expect(asked).toEqual([]);
  });

  it('should fetch once per settled set of attributes, and restyle without fetching for size and theme', async () => {
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/graphql')) asked.push(request.url());
    });
    await page.goto(`${hostUrl}/component-script.html`);
    const component = page.locator('centre-profile');
    await component.locator('article.card').waitFor();
    expect(asked).toHaveLength(1);
    expect(decodeURIComponent(asked[0]!)).toContain(`"code":"${YIFENG}","locale":"en"`);
    expect(await component.locator('div.dark.large').count()).toBe(1);
    await component.evaluate((element) => element.setAttribute('theme', 'light'));
    await component.locator('div.light.large').waitFor();
    expect(asked).toHaveLength(1);
  });

  it('should fetch once for an element written in HTML, once more for a new code, never for size, theme or no code', async () => {
    const page = await browser.newPage();
    const asked: Array<{ url: string; key: string | undefined }> = [];
    page.on('request', (request) => {
      if (request.url().includes('/graphql')) asked.push({ url: decodeURIComponent(request.url()), key: request.headers()['x-api-key'] });
    });
    await page.goto(`${hostUrl}/component-attributes.html`);
    const card = page.locator('#card');
    await card.locator('article.card h1').waitFor();
    // Nothing to fetch without a code: it says what is missing.
    expect(await page.locator('#empty .fallback').innerText()).toContain('code=');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.url).toContain(`"code":"${YIFENG}","locale":"en"`);
    expect(asked[0]!.key).toBe(portalKey);
    // size and theme restyle the card already shown: large text, dark colours.
    expect(await card.locator('div.dark.large').count()).toBe(1);
    expect(await card.locator('article.card').evaluate((element) => getComputedStyle(element).fontSize)).toBe('21px');
    await card.evaluate((element) => {
      element.setAttribute('size', 'normal');
      element.setAttribute('theme', 'light');
    });
    await card.locator('div.light.normal').waitFor();
    expect(await card.locator('article.card').evaluate((element) => [getComputedStyle(element).fontSize, getComputedStyle(element).backgroundColor])).toEqual([
      '16px',
      'rgb(255, 255, 255)',
    ]);
    await card.evaluate((element) => element.setAttribute('theme', 'auto'));
    await card.locator('div.auto.normal').waitFor();
    expect(asked).toHaveLength(1);

    await card.evaluate((element) => element.setAttribute('code', '530402901000-01'));
    await card.locator('article.card h1', { hasText: '红塔区高仓街道党群服务中心' }).waitFor();
    expect(asked).toHaveLength(2);
    expect(asked[1]!.url).toContain('"code":"530402901000-01","locale":"en"');
    // In a shadow root the card grows with its content: nothing in it is cut off or scrolls.
    const fits = await card.evaluate((element) => {
      const link = element.shadowRoot!.querySelector('a.more')!.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return link.height > 0 && link.bottom <= box.bottom && box.height === element.shadowRoot!.querySelector('article.card')!.getBoundingClientRect().height;
    });
    expect(fits).toBe(true);
    await page.waitForTimeout(300);
    expect(asked).toHaveLength(2);
  });

  it("should not render where the key's origins forbid it (frame-ancestors)", async () => {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}/blocked.html`);
    await page.waitForTimeout(1500);
    expect(await page.frameLocator('iframe').locator('article.card').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'embed-blocked.png') });
  });

  it('should meet the basics: language, one h1, alt text, readable contrast', async () => {
    const page = await browser.newPage();
    await page.goto(`${apiUrl}/embed/centres/${YIFENG}`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('img:not([alt])').count()).toBe(0);
    const ratio = await page.evaluate(() => {
      const luminance = (color: string) => {
        const [r, g, b] = color
          .match(/\d+/g)!
          .slice(0, 3)
          .map((value) => {
            const channel = Number(value) / 255;
            return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
          });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const card = document.querySelector('.card')!;
      const text = luminance(getComputedStyle(card.querySelector('.summary')!).color);
      const background = luminance(getComputedStyle(card).backgroundColor);
      return (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
    });
    expect(ratio).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the star badge', () => {
  it('should show as an <img> on another origin, even for an unknown centre or a hostile name', async () => {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}/badges.html`);
    await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
    // An SVG that is not well-formed XML, or that is refused, loads with no size.
    const sizes = await page.locator('img').evaluateAll((images) => images.map((image) => [(image as HTMLImageElement).naturalWidth, (image as HTMLImageElement).naturalHeight]));
    expect(sizes).toHaveLength(4);
    for (const [width, height] of sizes) {
      expect(width).toBeGreaterThan(50);
      expect(height).toBe(20);
    }
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'star-badges.png') });
  });

  it('should run nothing when opened on its own', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${hostUrl}/hostile-badge.svg`);
    expect(await page.locator('title').textContent()).toContain('<script>alert(1)</script>');
    await page.goto(`${apiUrl}/badges/${YIFENG}.svg`);
    expect(await page.locator('title').textContent()).toContain('澄江市凤麓街道仪凤社区党群服务中心');
    expect(dialogs).toEqual([]);
  });
});

describe('the showcase page', () => {
  it("should filter centres by county and stars, chart the counties, and open a centre's page", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    await page.goto(`${apiUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(await page.locator('h1').count()).toBe(1);
    const bars = page.locator('svg g.bar');
    expect(await bars.count()).toBe(9);
    const totals = await bars.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-total'))));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(36 + 83 + 163);

    await page.selectOption('select[name="county"]', '530481000000');
    await page.selectOption('select[name="stars"]', '5');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/county=530481000000/);
    const items = page.locator('ul.centres li');
    expect(await items.count()).toBeGreaterThan(0);
    for (const text of await items.allInnerTexts()) {
      expect(text).toContain('★★★★★');
      expect(text).toContain('澄江市');
    }
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'showcase-page.png'), fullPage: true });

    await page.getByRole('link', { name: '澄江市凤麓街道仪凤社区党群服务中心' }).click();
    await page.waitForURL(`${apiUrl}/centres/${YIFENG}`);
    expect(await page.locator('h1').innerText()).toBe('澄江市凤麓街道仪凤社区党群服务中心');
  });

  it("should page through every centre, read stars as words, and lead to a chosen centre's page", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    await page.goto(`${apiUrl}/`);
    const heading = await page.locator('h2#list').innerText();
    const total = Number(heading.match(/\d+/)![0]);
    const pages = Math.ceil(total / 100);
    expect(pages).toBeGreaterThan(1);
    expect(await page.locator('nav.pager').innerText()).toContain(`第 1 页,共 ${pages} 页`);
    // The best-rated come first: their stars read as words, not as "5".
    const stars = page.locator('ul.centres .stars').first();
    expect(await stars.getAttribute('role')).toBe('img');
    expect(await stars.getAttribute('aria-label')).toMatch(/^[345]星$/);
    const seen = new Set<string>();
    for (let number = 1; number <= pages; number += 1) {
      const names = await page.locator('ul.centres li > a').allInnerTexts();
      expect(names.length).toBe(number < pages ? 100 : total - 100 * (pages - 1));
      for (const name of names) seen.add(name);
      if (number < pages) await page.getByRole('link', { name: '下一页' }).click();
    }
    // Every centre once, across the pages (names repeat only where two centres share one).
    expect(seen.size).toBeGreaterThan(total - 10);

    // Where cards' links used to lead: the centre's own page now.
    await page.goto(`${apiUrl}/?centre=${YIFENG}`);
    expect(page.url()).toBe(`${apiUrl}/centres/${YIFENG}`);
    expect(await page.locator('h1').innerText()).toBe('澄江市凤麓街道仪凤社区党群服务中心');
  });

  it('should switch to English', async () => {
    const page = await browser.newPage();
    await page.goto(`${apiUrl}/`);
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toContain('star-rated');
  });
});
