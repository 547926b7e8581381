import { PAGE_COST } from '../../api/src/http/page-budget';
import { createIsolatedTestApp, createTestApp, type TestApp } from '../helpers/test-app';

/**
 * The public site: /, /centres/<code>, /articles/<slug> in both locales with their metadata,
 * sitemap.xml, true 404s, and a spent page budget. Editorial rows are written as the sync
 * writes them, into a database of this file's own.
 */
const YIFENG = '530481901001-01';
const HOSTILE = '</script><script>alert(1)</script><img src=x onerror="alert(2)">';
const PUBLIC_URL = 'https://centres.example.cn';

let api: TestApp;
beforeAll(async () => {
  api = await createIsolatedTestApp('pages', { env: { PUBLIC_URL } });
  await insertEditorialRows(api);
});
afterAll(() => api.stop());

const get = (path: string, app = api) => fetch(`${app.url}${path}`, { headers: { accept: 'text/html' }, redirect: 'manual' });

async function page(path: string) {
  const response = await get(path);
  const html = await response.text();
  const meta = (property: string) => html.match(new RegExp(`<meta property="${property}" content="([^"]*)">`))?.[1];
  const link = (hreflang: string) => html.match(new RegExp(`<link rel="alternate" hreflang="${hreflang}" href="([^"]*)">`))?.[1];
  const jsonLd = html.match(/<script type="application\/ld\+json">([^]*?)<\/script>/)?.[1];
  return {
    response,
    html,
    lang: html.match(/<html lang="([^"]+)">/)?.[1],
    canonical: html.match(/<link rel="canonical" href="([^"]*)">/)?.[1],
    meta,
    link,
    jsonLd: jsonLd ? JSON.parse(jsonLd) : undefined,
  };
}

describe('a centre page', () => {
  it('should be served in Chinese with canonical, hreflang, Open Graph and GovernmentOffice JSON-LD, its stars in words', async () => {
    const zh = await page(`/centres/${YIFENG}`);
    expect(zh.response.status).toBe(200);
    expect(zh.response.headers.get('cache-control')).toBe('public, max-age=10, s-maxage=300');
    expect(zh.response.headers.get('surrogate-key')).toContain(`centre:${YIFENG}`);
    expect(zh.lang).toBe('zh-Hans');
    expect(zh.canonical).toBe(`${PUBLIC_URL}/centres/${YIFENG}`);
    expect([zh.link('zh-Hans'), zh.link('en'), zh.link('x-default')]).toEqual([
      `${PUBLIC_URL}/centres/${YIFENG}`,
      `${PUBLIC_URL}/centres/${YIFENG}?locale=en`,
      `${PUBLIC_URL}/centres/${YIFENG}`,
    ]);
    expect(zh.meta('og:type')).toBe('website');
    expect(zh.meta('og:locale')).toBe('zh_CN');
    expect(zh.meta('og:url')).toBe(zh.canonical);
    expect(zh.meta('og:site_name')).toBe('玉溪市星级党群服务中心');
    expect(zh.meta('og:image')).toMatch(/^http.*\/uploads\/yifeng\.jpg$/);
    expect(zh.jsonLd).toMatchObject({ '@type': 'GovernmentOffice', name: '澄江市凤麓街道仪凤社区党群服务中心', url: zh.canonical, areaServed: { '@type': 'AdministrativeArea' } });
    expect(zh.html).toMatch(/<h1>澄江市凤麓街道仪凤社区党群服务中心<\/h1>/);
    expect(zh.html).toMatch(/class="stars" role="img" aria-label="[三四五]星级"><span aria-hidden="true">★/);
    // The profile body's 标题1 sits under the page's h2, and its hostile summary is text.
    expect(zh.html).toContain('<h3>中心概况</h3>');
    expect(zh.html).not.toContain('<script>alert(1)');
    expect(zh.html).not.toContain('<img src=x');
    expect(zh.html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
    expect(zh.html).toContain(`href="/articles/pages-article"`);
    expect(zh.html).toContain(`href="/embed/centres/${YIFENG}"`);
  });

  it('should be served in English with the English profile, and keep the locale on its links', async () => {
    const en = await page(`/centres/${YIFENG}?locale=en`);
    expect(en.response.status).toBe(200);
    expect(en.lang).toBe('en');
    expect(en.canonical).toBe(`${PUBLIC_URL}/centres/${YIFENG}?locale=en`);
    expect(en.meta('og:locale')).toBe('en_US');
    expect(en.jsonLd).toMatchObject({ '@type': 'GovernmentOffice', name: 'Yifeng Community Centre', alternateName: '澄江市凤麓街道仪凤社区党群服务中心' });
    expect(en.html).toMatch(/aria-label="[345] stars"/);
    expect(en.html).toContain('href="/articles/pages-article?locale=en"');
    expect(en.html).toContain(`href="/embed/centres/${YIFENG}?locale=en"`);
  });

  it('should answer a real 404 page in both languages for an unknown or malformed code, never a 500', async () => {
    for (const path of ['/centres/530481901001-99', '/centres/abc', '/centres/%3Cscript%3Ealert(1)%3C%2Fscript%3E', `/centres/${YIFENG}x`]) {
      const missing = await page(path);
      expect(missing.response.status).toBe(404);
      expect(missing.response.headers.get('cache-control')).toBe('public, max-age=60');
      expect(missing.html).toContain('找不到页面');
      expect(missing.html).toContain('Not found');
      expect(missing.html).toContain('<meta name="robots" content="noindex">');
      expect(missing.html).not.toContain('<script>alert');
    }
  });
});

describe('an article page', () => {
  it('should be served in both locales with Article JSON-LD that CMS text cannot break out of', async () => {
    const zh = await page('/articles/pages-article');
    expect(zh.response.status).toBe(200);
    expect(zh.response.headers.get('surrogate-key')).toContain('article:pages-article-doc');
    expect(zh.lang).toBe('zh-Hans');
    expect(zh.meta('og:type')).toBe('article');
    expect(zh.meta('og:title')).toBe(escape(HOSTILE));
    expect(zh.canonical).toBe(`${PUBLIC_URL}/articles/pages-article`);
    expect(zh.link('en')).toBe(`${PUBLIC_URL}/articles/pages-article?locale=en`);
    // JSON.parse succeeded on the script's whole text: the title did not end the element.
    expect(zh.jsonLd).toMatchObject({ '@type': 'Article', headline: HOSTILE, datePublished: '2025-05-20', publisher: { '@type': 'Organization' } });
    expect(zh.jsonLd.image[0]).toMatch(/\/uploads\/cover\.jpg$/);
    expect(zh.html.match(/<script/g)).toHaveLength(1);
    expect(zh.html).toContain(`<h1>${escape(HOSTILE)}</h1>`);
    expect(zh.html).toContain(`<a href="/centres/${YIFENG}" lang="zh-Hans">`);
    expect(zh.html).toContain('<h2>一、锻造队伍</h2>');

    const en = await page('/articles/pages-article?locale=en');
    expect(en.response.status).toBe(200);
    expect(en.lang).toBe('en');
    expect(en.meta('og:locale')).toBe('en_US');
    expect(en.jsonLd).toMatchObject({ '@type': 'Article', headline: 'Star centres showcase, episode 9', inLanguage: 'en' });
    expect(en.html).toContain(`<a href="/centres/${YIFENG}?locale=en" lang="zh-Hans">`);
  });

  it('should show an untranslated article in Chinese on its English page, say so, and name the Chinese page canonical', async () => {
    const en = await page('/articles/pages-zh-only?locale=en');
    expect(en.response.status).toBe(200);
    expect(en.html).toContain('has not been translated into English yet');
    expect(en.html).toContain('<article lang="zh-Hans">');
    expect(en.canonical).toBe(`${PUBLIC_URL}/articles/pages-zh-only`);
    expect(en.link('en')).toBeUndefined();
  });

  it('should send the Chinese address of an English-only article to its English page, not to a 404', async () => {
    const response = await get('/articles/pages-en-only');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/articles/pages-en-only?locale=en');
    expect((await get('/articles/pages-en-only?locale=en')).status).toBe(200);
  });

  it('should answer 404 for an unknown or malformed slug', async () => {
    for (const path of ['/articles/no-such-article', '/articles/%3Cb%3Ebold', `/articles/${'a'.repeat(121)}`]) {
      const missing = await page(path);
      expect(missing.response.status).toBe(404);
      expect(missing.html).toContain('Not found');
      expect(missing.html).not.toContain('<b>bold');
    }
  });
});

describe('the showcase page', () => {
  it('should link every centre to its page and carry the same metadata', async () => {
    const home = await page('/');
    expect(home.response.status).toBe(200);
    expect(home.canonical).toBe(`${PUBLIC_URL}/`);
    expect(home.link('en')).toBe(`${PUBLIC_URL}/?locale=en`);
    expect(home.jsonLd['@graph'].map((node: { '@type': string }) => node['@type'])).toEqual(['WebSite', 'ItemList']);
    expect(home.html).toMatch(/<li><a href="\/centres\/\d{12}-\d{2}">/);
    const en = await page('/?locale=en&stars=5&page=1');
    expect(en.lang).toBe('en');
    expect(en.canonical).toBe(`${PUBLIC_URL}/?stars=5&amp;locale=en`);
    expect(en.html).toMatch(/<li><a href="\/centres\/\d{12}-\d{2}\?locale=en">/);
  });

  it('should send /?centre=<code> to the centre page, keeping the locale', async () => {
    const zh = await get(`/?centre=${YIFENG}`);
    expect(zh.status).toBe(301);
    expect(zh.headers.get('location')).toBe(`/centres/${YIFENG}`);
    for (const query of ['locale=en', 'lang=en']) {
      const en = await get(`/?centre=${YIFENG}&${query}`);
      expect(en.status).toBe(301);
      expect(en.headers.get('location')).toBe(`/centres/${YIFENG}?locale=en`);
    }
  });
});

describe('sitemap.xml and robots.txt', () => {
  it('should list every centre page and each article page in the locales it exists in, with hreflang pairs', async () => {
    const response = await get('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await response.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">')).toBe(
      true,
    );
    // Well-formed enough for a crawler: every element closed, no bare ampersand.
    expect(xml.match(/<url>/g)!.length).toBe(xml.match(/<\/url>/g)!.length);
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    const centreCount = Number((await api.app.orm.em.getConnection().execute('select count(*)::int as n from centre'))[0].n);
    expect(locs.filter((loc) => loc!.startsWith(`${PUBLIC_URL}/centres/`))).toHaveLength(centreCount * 2);
    expect(locs).toEqual(
      expect.arrayContaining([
        `${PUBLIC_URL}/centres/${YIFENG}`,
        `${PUBLIC_URL}/centres/${YIFENG}?locale=en`,
        `${PUBLIC_URL}/articles/pages-article`,
        `${PUBLIC_URL}/articles/pages-article?locale=en`,
      ]),
    );
    expect(locs).toContain(`${PUBLIC_URL}/articles/pages-zh-only`);
    expect(locs).not.toContain(`${PUBLIC_URL}/articles/pages-zh-only?locale=en`);
    expect(locs.length).toBeLessThanOrEqual(50_000);
    const entry = xml.split('\n').find((line) => line.includes(`<loc>${PUBLIC_URL}/articles/pages-article</loc>`))!;
    expect(entry).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${PUBLIC_URL}/articles/pages-article?locale=en"/>`);
    expect(entry).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${PUBLIC_URL}/articles/pages-article"/>`);
    expect(entry).toMatch(/<lastmod>2025-05-2\dT/);
  });

  it('should list a newly published article once the article lists are purged', async () => {
    await insertArticle(api, { documentId: 'pages-later-doc', slug: 'pages-later', locale: 'zh-Hans', title: '后来发布的文章' });
    await api.app.responseCache.purge(['articles']);
    expect(await (await get('/sitemap.xml')).text()).toContain(`<loc>${PUBLIC_URL}/articles/pages-later</loc>`);
  });

  it('should point crawlers to the sitemap', async () => {
    const robots = await (await get('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`);
  });
});

describe('a spent page budget', () => {
  let tight: TestApp;
  beforeAll(async () => {
    tight = await createTestApp({ env: { ANONYMOUS_RATE_PER_MINUTE: String(3 * PAGE_COST) } });
  });
  afterAll(() => tight.stop());

  it('should charge each page, the sitemap included, and then answer 429 with Retry-After, never a cacheable 404', async () => {
    for (const path of [`/centres/${YIFENG}`, '/articles/no-such-article', '/sitemap.xml']) expect((await get(path, tight)).status).not.toBe(429);
    for (const path of [`/centres/${YIFENG}`, '/centres/530481901001-99', '/articles/no-such-article', '/sitemap.xml']) {
      const refused = await get(path, tight);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      const text = await refused.text();
      expect(text).toContain('请求过于频繁');
      expect(text).toContain('Too many requests');
    }
  });
});

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const heading = (level: number, text: string) => ({ type: 'heading', level, children: [{ type: 'text', text }] });

/** A profile in both locales, and articles in both, in Chinese only and in English only, as the sync stores them. */
async function insertEditorialRows(app: TestApp): Promise<void> {
  const connection = app.app.orm.em.getConnection();
  const now = '2025-05-20T08:00:00Z';
  const cover = JSON.stringify({ url: '/uploads/yifeng.jpg', width: 1200, height: 800, alternativeText: '仪凤社区党群服务中心外景' });
  for (const [locale, title, summary] of [
    ['zh-Hans', '仪凤社区党群服务中心', HOSTILE],
    ['en', 'Yifeng Community Centre', 'A community centre in Chengjiang.'],
  ]) {
    await connection.execute(
      `insert into editorial_centre_profile (document_id, locale, published_at, source_updated_at, search_text, centre_code, title, summary, body_blocks, cover_media, highlight_items, programme_document_ids)
       values ('pages-profile', ?, ?, ?, '', ?, ?, ?, ?::jsonb, ?::jsonb, '[{"label":"资助贫困大学生","value":42,"unit":"人"}]'::jsonb, '{}')`,
      [locale, now, now, YIFENG, title, summary, JSON.stringify([heading(1, '中心概况'), paragraph('坚持党建引领。')]), cover],
    );
  }
  await insertArticle(app, { documentId: 'pages-article-doc', slug: 'pages-article', locale: 'zh-Hans', title: HOSTILE });
  await insertArticle(app, { documentId: 'pages-article-doc', slug: 'pages-article', locale: 'en', title: 'Star centres showcase, episode 9' });
  await insertArticle(app, { documentId: 'pages-zh-only-doc', slug: 'pages-zh-only', locale: 'zh-Hans', title: '只有中文的文章' });
  await insertArticle(app, { documentId: 'pages-en-only-doc', slug: 'pages-en-only', locale: 'en', title: 'Written in English only' });
}

async function insertArticle(app: TestApp, { documentId, slug, locale, title }: { documentId: string; slug: string; locale: string; title: string }): Promise<void> {
  const now = '2025-05-20T08:00:00Z';
  await app.app.orm.em.getConnection().execute(
    `insert into editorial_showcase_article (document_id, locale, published_at, source_updated_at, search_text, slug, title, summary, body_blocks, cover_media, series, episode, centre_codes, programme_document_ids, published_date)
     values (?, ?, ?, ?, '', ?, ?, '', ?::jsonb, ?::jsonb, '星级党群服务中心展播', 9, ?::text[], '{}', '2025-05-20')`,
    [
      documentId,
      locale,
      now,
      now,
      slug,
      title,
      JSON.stringify([heading(2, '一、锻造队伍'), paragraph('仪凤社区……')]),
      JSON.stringify({ url: '/uploads/cover.jpg', width: 1200, height: 630, alternativeText: null }),
      `{${YIFENG}}`,
    ],
  );
}
