import { createHash } from 'node:crypto';
import { CentreProfile } from '../../api/src/modules/editorial/centre-profile.entity';
import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
const HOSTILE_CENTRE = '530425901001-01';
beforeAll(async () => {
  api = await createTestApp();
  // A profile as a careless or hostile editor might write it, straight into the read model.
  const em = api.app.orm.em.fork();
  await em.nativeDelete(CentreProfile, { documentId: 'hostile-doc' });
  em.create(CentreProfile, {
    documentId: 'hostile-doc',
    locale: 'zh-Hans',
    publishedAt: new Date(),
    sourceUpdatedAt: new Date(),
    centreCode: HOSTILE_CENTRE,
    title: '<script>alert("title")</script>兴文街',
    summary: '<img src=x onerror=alert(1)> &amp; <a href="javascript:alert(2)">点我</a>',
    highlightItems: [{ label: '<b>满意率</b>', value: 98.6, unit: '%' }],
    bodyBlocks: [],
    galleryMedia: [],
    programmeDocumentIds: [],
    searchText: '',
  });
  em.create(CentreProfile, {
    documentId: 'hostile-doc',
    locale: 'en',
    publishedAt: new Date(),
    sourceUpdatedAt: new Date(),
    centreCode: HOSTILE_CENTRE,
    title: 'Xingwen "Street" <Centre> & Co',
    summary: 'A short English summary.',
    highlightItems: [],
    bodyBlocks: [],
    galleryMedia: [],
    programmeDocumentIds: [],
    searchText: '',
  });
  await em.flush();
});
afterAll(async () => {
  await api.app.orm.em.fork().nativeDelete(CentreProfile, { documentId: 'hostile-doc' });
  await api.stop();
});

describe('the embeddable card', () => {
  it('should serve a small card with the name and stars, one script allowed by its hash, and advertise oEmbed', async () => {
    const response = await fetch(`${api.url}/embed/centres/530481901001-01`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>澄江市凤麓街道仪凤社区党群服务中心</h1>');
    expect(html).toContain('★★★★★');
    expect(html).toContain('<html lang="zh-Hans"');
    expect(html).toContain('type="application/json+oembed"');
    // The one script reports the card's height to the page that frames it; nothing else runs.
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(scripts).toHaveLength(1);
    expect(html.match(/<script/gi)).toHaveLength(1);
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain(`script-src 'sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}';`);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(Buffer.byteLength(html)).toBeLessThan(30 * 1024);
    expect(policy).toContain('frame-ancestors *');
    expect(policy).toContain("default-src 'none'");
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('should speak English and offer large text on request', async () => {
    const html = await (await fetch(`${api.url}/embed/centres/530481901001-01?locale=en&size=large&theme=dark`)).text();
    expect(html).toContain('<html lang="en" class="dark large">');
    expect(html).toContain('County 5-star');
  });

  it('should render hostile CMS text as harmless text', async () => {
    // Only the card's own script, at the end of the page, and none that the CMS text brought.
    const page = await (await fetch(`${api.url}/embed/centres/${HOSTILE_CENTRE}`)).text();
    const html = page.slice(0, page.lastIndexOf('\n<script>'));
    expect(page.slice(html.length)).toMatch(/^\n<script>\(function \(\) \{\n  'use strict';[^]*\}\)\(\);<\/script>\n<\/body>\n<\/html>\n$/);
    expect(html).not.toMatch(/<script|<img src=x|href="javascript:|<b>满意率/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp;amp; &lt;a href=&quot;javascript:alert(2)&quot;&gt;点我&lt;/a&gt;');
    expect(html).toContain('&lt;b&gt;满意率&lt;/b&gt;');
  });

  it('should answer an unknown centre with 404', async () => {
    expect((await fetch(`${api.url}/embed/centres/530481901001-99`)).status).toBe(404);
    expect((await fetch(`${api.url}/embed/centres/not-a-code`)).status).toBe(404);
  });
});

describe('the oEmbed provider', () => {
  // The card URL as the API publishes it (PUBLIC_URL), found the way consumers find it.
  let discovered = '';
  const cardUrl = () => new URL(discovered).searchParams.get('url')!;
  const oembed = async (url: string, query = '') => {
    const response = await fetch(`${api.url}/oembed?url=${encodeURIComponent(url)}&format=json${query}`);
    return { response, body: (await response.json()) as Record<string, any> };
  };
  beforeAll(async () => {
    const html = await (await fetch(`${api.url}/embed/centres/${HOSTILE_CENTRE}`)).text();
    discovered = html.match(/type="application\/json\+oembed" href="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
  });

  it('should return a rich iframe as tall as its short card, with resize.js, for any origin to read', async () => {
    const { response, body } = await oembed(cardUrl());
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ version: '1.0', type: 'rich', width: 480, cache_age: 300, title: '易门县龙泉街道兴文街社区党群服务中心' });
    expect(body.provider_name).toContain('Star Centres');
    // A card with a short profile needs less than the 640 px cards are advertised at.
    expect(body.height).toBeGreaterThan(150);
    expect(body.height).toBeLessThan(640);
    // Portals' own scripts on any origin may read it.
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(body.html).toBe(
      `<iframe src="${cardUrl()}" width="480" height="${body.height}" style="border:0;max-width:100%" loading="lazy" title="易门县龙泉街道兴文街社区党群服务中心"></iframe>` +
        `<script async src="${new URL(cardUrl()).origin}/embed/resize.js"></script>`,
    );
  });

  it('should be taller where the card is narrower or larger, within maxheight, but never too short for the link', async () => {
    const normal = (await oembed(cardUrl())).body;
    const narrow = (await oembed(cardUrl(), '&maxwidth=300')).body;
    expect([narrow.width, narrow.height > normal.height]).toEqual([300, true]);
    expect(narrow.html).toContain('width="300"');
    const large = (await oembed(`${cardUrl()}?size=large`)).body;
    expect(large.height).toBeGreaterThan(normal.height);
    expect(large.html).toContain(`src="${cardUrl()}?size=large"`);
    // No narrower than the card can be; within maxheight down to what the name, stars and link need.
    expect((await oembed(cardUrl(), '&maxwidth=100')).body.width).toBe(280);
    const squeezed = (await oembed(cardUrl(), '&maxheight=200')).body;
    const least = (await oembed(cardUrl(), '&maxheight=1')).body;
    expect(least.height).toBeGreaterThan(120);
    expect(least.height).toBeLessThanOrEqual(normal.height);
    expect(squeezed.height).toBe(Math.max(200, least.height));
  });

  it('should give an English card its English title', async () => {
    const { response, body } = await oembed(`${cardUrl()}?locale=en`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(body.title).toBe('Xingwen "Street" <Centre> & Co');
    expect(body.html).toContain('title="Xingwen &quot;Street&quot; &lt;Centre&gt; &amp; Co"');
  });

  it('should refuse XML with 501 and unknown URLs with 404', async () => {
    expect((await fetch(`${api.url}/oembed?url=${encodeURIComponent(cardUrl())}&format=xml`)).status).toBe(501);
    expect((await fetch(`${api.url}/oembed?url=${encodeURIComponent('https://elsewhere.example/embed/centres/530481901001-01')}`)).status).toBe(404);
    expect((await fetch(`${api.url}/oembed?url=${encodeURIComponent(cardUrl().replace('-01', '-99'))}`)).status).toBe(404);
  });
});
