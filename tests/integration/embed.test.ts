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
  await em.flush();
});
afterAll(async () => {
  await api.app.orm.em.fork().nativeDelete(CentreProfile, { documentId: 'hostile-doc' });
  await api.stop();
});

describe('the embeddable card', () => {
  it('should serve a small, script-free card with the name and stars, and advertise oEmbed', async () => {
    const response = await fetch(`${api.url}/embed/centres/530481901001-01`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>澄江市凤麓街道仪凤社区党群服务中心</h1>');
    expect(html).toContain('★★★★★');
    expect(html).toContain('<html lang="zh-Hans"');
    expect(html).toContain('type="application/json+oembed"');
    expect(html).not.toMatch(/<script/i);
    expect(Buffer.byteLength(html)).toBeLessThan(30 * 1024);
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('should speak English and offer large text on request', async () => {
    const html = await (await fetch(`${api.url}/embed/centres/530481901001-01?locale=en&size=large&theme=dark`)).text();
    expect(html).toContain('<html lang="en" class="dark large">');
    expect(html).toContain('County 5-star');
  });

  it('should render hostile CMS text as harmless text', async () => {
    const html = await (await fetch(`${api.url}/embed/centres/${HOSTILE_CENTRE}`)).text();
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
  beforeAll(async () => {
    const html = await (await fetch(`${api.url}/embed/centres/530481901001-01`)).text();
    discovered = html.match(/type="application\/json\+oembed" href="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
  });

  it('should return a rich iframe within the requested size', async () => {
    const response = await fetch(`${api.url}/oembed?url=${encodeURIComponent(cardUrl())}&maxwidth=400&format=json`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, any>;
    expect(body).toMatchObject({ version: '1.0', type: 'rich', width: 400, height: 640, cache_age: 300, title: '澄江市凤麓街道仪凤社区党群服务中心' });
    expect(body.provider_name).toContain('Star Centres');
    // Portals' own scripts on any origin may read it.
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(body.html).toContain(`<iframe src="${cardUrl()}" width="400"`);
  });

  it('should refuse XML with 501 and unknown URLs with 404', async () => {
    expect((await fetch(`${api.url}/oembed?url=${encodeURIComponent(cardUrl())}&format=xml`)).status).toBe(501);
    expect((await fetch(`${api.url}/oembed?url=${encodeURIComponent('https://elsewhere.example/embed/centres/530481901001-01')}`)).status).toBe(404);
    expect((await fetch(`${api.url}/oembed?url=${encodeURIComponent(cardUrl().replace('-01', '-99'))}`)).status).toBe(404);
  });
});
