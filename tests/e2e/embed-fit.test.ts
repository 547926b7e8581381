/// <reference lib="dom" />
import http from 'node:http';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser';
import { freePort } from '../helpers/cms';
import { coverSvg, insertWorstCaseCard, WORST_CASE_ARTICLES, WORST_CASE_COVER_PATH } from '../helpers/embed-worst-case';
import { createIsolatedTestApp, type TestApp } from '../helpers/test-app';

/**
 * The card fits the size it is advertised at (480×640), 320 px wide and the smallest height
 * oEmbed hands out, in both languages and both sizes, on the fullest profile an editor can
 * write (its own database: cover, long summary, six programmes, four articles). A portal on
 * another origin (localhost) frames the API (127.0.0.1) and fits its frames with resize.js.
 */
const YIFENG = '530481901001-01';
const PLAIN = '530402901000-01'; // no profile: the shortest card
const CASES = [
  { locale: 'zh-Hans', size: 'normal', theme: 'light' },
  { locale: 'zh-Hans', size: 'large', theme: 'dark' },
  { locale: 'en', size: 'normal', theme: 'auto' },
  { locale: 'en', size: 'large', theme: 'light' },
] as const;

let api: TestApp;
let apiUrl: string;
let host: http.Server;
let hostUrl: string;
let browser: Browser;

const cardUrl = (code: string, { locale, size, theme }: { locale: string; size: string; theme?: string }) =>
  `${apiUrl}/embed/centres/${code}?locale=${locale}&size=${size}${theme ? `&theme=${theme}` : ''}`;

beforeAll(async () => {
  const [apiPort, hostPort] = [await freePort(), await freePort()];
  apiUrl = `http://127.0.0.1:${apiPort}`;
  hostUrl = `http://localhost:${hostPort}`;
  api = await createIsolatedTestApp('embed_fit', { env: { PORT: String(apiPort), PUBLIC_URL: apiUrl, CMS_PUBLIC_URL: hostUrl } });
  await insertWorstCaseCard(api.app.orm.em.fork(), YIFENG);
  host = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', hostUrl);
    if (url.pathname === WORST_CASE_COVER_PATH) {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end(coverSvg());
      return;
    }
    const src = url.searchParams.get('src') ?? '';
    let body = '';
    // Frames of the sizes given, side by side, as a portal's page would place them.
    if (url.pathname === '/frames') {
      body = (url.searchParams.get('sizes') ?? '')
        .split(',')
        .map(
          (size, index) =>
            `<iframe id="f${index}" src="${src}" width="${size.split('x')[0]}" height="${size.split('x')[1]}" style="border:0;vertical-align:top" title="card"></iframe>`,
        )
        .join(' ');
    }
    if (url.pathname === '/oembed') body = ((await (await fetch(`${apiUrl}/oembed?url=${encodeURIComponent(src)}`)).json()) as { html: string }).html;
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>门户</title></head><body style="margin:16px;background:#eef2f6">${body}</body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(hostPort, 'localhost', resolve));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await api?.stop();
});

/** The link back is inside the frame's viewport and on top there; nothing scrolls sideways. */
async function expectLinkShown(scope: Page | Frame) {
  const seen = await scope.evaluate(() => {
    const link = document.querySelector('a.more')!;
    const box = link.getBoundingClientRect();
    // A link on two lines: the middle of its first line, not of the box around both.
    const line = link.getClientRects()[0]!;
    const top = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
    return {
      inside: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight && box.height > 0,
      onTop: !!top && link.contains(top),
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      text: link.textContent,
    };
  });
  expect(seen).toMatchObject({ inside: true, onTop: true, sideways: 0 });
  return seen.text;
}

/** The parts of the details a frame shows (the others sit outside it, in columns it cuts off). */
function partsShown(scope: Page | Frame): Promise<number | boolean> {
  return scope.evaluate(countShown, false);
}

/** The card closes up to its whole height as its frame grows, in a task of its own: wait for it. */
async function shownWhole(frame: Frame): Promise<void> {
  await frame.waitForFunction(countShown, true);
}

function countShown(whether: boolean): number | boolean {
  const details = document.querySelector('.details')!;
  const box = details.getBoundingClientRect();
  const parts = Array.from(details.children);
  const shown = parts.filter((part) => part.getBoundingClientRect().left - box.left < details.clientWidth && part.getBoundingClientRect().bottom <= box.bottom + 1).length;
  return whether ? shown === parts.length : shown;
}

/** The card's whole height as the page shows it when nothing is trimmed. */
function cardBottom(scope: Page | Frame): Promise<number> {
  return scope.evaluate(() => Math.ceil(document.querySelector('.card')!.getBoundingClientRect().bottom + 8));
}

describe.each(CASES)('the card in $locale, $size, $theme', ({ locale, size, theme }) => {
  const more = locale === 'en' ? 'More about this centre →' : '查看详情 →';

  it('should show its name, stars, summary and link at 480×640 and 320×640 in a portal on another origin', async () => {
    const page = await browser.newPage({ viewport: { width: 880, height: 700 }, colorScheme: theme === 'auto' ? 'dark' : 'light' });
    await page.goto(`${hostUrl}/frames?sizes=480x640,320x640&src=${encodeURIComponent(cardUrl(YIFENG, { locale, size, theme }))}`);
    for (const id of ['f0', 'f1']) {
      const frame = (await (await page.$(`#${id}`))!.contentFrame())!;
      await frame.locator('a.more').waitFor();
      expect(await expectLinkShown(frame)).toBe(more);
      expect(await frame.locator('h1').isVisible()).toBe(true);
      expect(await frame.locator('.stars').getAttribute('aria-label')).toBe(locale === 'en' ? '5 of 5 stars' : '5星(满分5星)');
      expect(await frame.locator('.summary').isVisible()).toBe(true);
      await frame.waitForFunction(() => Array.from(document.images).every((image) => image.complete && image.naturalWidth > 0));
    }
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `embed-fit-${locale}-${size}.png`) });
  });

  it('should show its link at every width from 280 px, and at the smallest height oEmbed gives', async () => {
    for (const width of [480, 320, 280]) {
      const src = cardUrl(YIFENG, { locale, size });
      const oembed = (await (await fetch(`${apiUrl}/oembed?url=${encodeURIComponent(src)}&maxwidth=${width}&maxheight=1`)).json()) as { width: number; height: number };
      expect(oembed.width).toBe(width);
      for (const height of [640, oembed.height]) {
        const page = await browser.newPage({ viewport: { width, height } });
        await page.goto(src);
        await expectLinkShown(page);
        await page.close();
      }
    }
  });

  it('should be as tall as oEmbed says: the whole of a short card, 640 for a full one', async () => {
    for (const width of [480, 320]) {
      for (const code of [PLAIN, YIFENG]) {
        const src = cardUrl(code, { locale, size });
        const { height } = (await (await fetch(`${apiUrl}/oembed?url=${encodeURIComponent(src)}&maxwidth=${width}`)).json()) as { height: number };
        const page = await browser.newPage({ viewport: { width, height: 2000 } });
        await page.goto(src);
        const whole = await cardBottom(page);
        // The estimate errs on the tall side, by less than a line or two.
        if (code === PLAIN) expect(height - whole).toBeGreaterThanOrEqual(0);
        if (code === PLAIN) expect(height - whole).toBeLessThan(48);
        if (code === YIFENG) expect([whole > 640, height]).toEqual([true, 640]);
        await page.close();
      }
    }
  });
});

describe('the links of a card', () => {
  it('should lead out of the frame to the centre and its articles on the showcase site, in the card’s language', async () => {
    for (const locale of ['zh-Hans', 'en'] as const) {
      const query = locale === 'en' ? '?locale=en' : '';
      const html = await (await fetch(cardUrl(YIFENG, { locale, size: 'normal' }))).text();
      expect(html).toContain(`<a class="more" href="${apiUrl}/centres/${YIFENG}${query}" target="_blank" rel="noopener">`);
      for (const article of WORST_CASE_ARTICLES.slice(0, 3)) {
        expect(html).toContain(`<a href="${apiUrl}/articles/${article.slug}${query}" target="_blank" rel="noopener">${article[locale].replace(/'/g, '&#39;')}</a>`);
      }
      expect(html).not.toContain(WORST_CASE_ARTICLES[3]![locale]);
    }
  });
});

describe('the resize protocol', () => {
  it('should fit a portal’s iframe to its card once /embed/resize.js runs, even after the card', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
    await page.goto(`${hostUrl}/frames?sizes=480x640&src=${encodeURIComponent(cardUrl(YIFENG, { locale: 'en', size: 'large' }))}`);
    const frame = (await (await page.$('#f0'))!.contentFrame())!;
    await frame.locator('a.more').waitFor();
    expect(await partsShown(frame)).toBeLessThan(4);
    // Loaded after the card has spoken: it asks the card again.
    await page.evaluate((src) => document.body.append(Object.assign(document.createElement('script'), { src })), `${apiUrl}/embed/resize.js`);
    await page.waitForFunction(() => document.querySelector('iframe')!.getBoundingClientRect().height > 640);
    const fitted = await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height);
    await shownWhole(frame);
    expect(await cardBottom(frame)).toBe(fitted);
    await expectLinkShown(frame);

    // A message from anywhere but the API's card is not obeyed.
    await page.evaluate(() => window.postMessage({ type: 'star-centres:card-size', code: 'x', height: 200 }, '*'));
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height)).toBe(fitted);

    // Narrower, the card grows taller, and the frame with it.
    await page.evaluate(() => document.querySelector('iframe')!.setAttribute('width', '320'));
    await page.waitForFunction((before) => document.querySelector('iframe')!.getBoundingClientRect().height > before, fitted);
    await shownWhole(frame);
    expect(await cardBottom(frame)).toBe(await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'embed-resized.png') });
  });

  it('should come with the HTML oEmbed hands out', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    await page.goto(`${hostUrl}/oembed?src=${encodeURIComponent(cardUrl(YIFENG, { locale: 'zh-Hans', size: 'normal' }))}`);
    const frame = (await (await page.$('iframe'))!.contentFrame())!;
    await frame.locator('a.more').waitFor();
    await page.waitForFunction(() => document.querySelector('iframe')!.getBoundingClientRect().height !== 640);
    await shownWhole(frame);
    await expectLinkShown(frame);
  });

  it('should serve resize.js for any page to load and cache', async () => {
    const response = await fetch(`${apiUrl}/embed/resize.js`);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d{6,}/);
  });
});
