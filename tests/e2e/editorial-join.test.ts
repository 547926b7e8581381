import { editorialOptions } from '../../api/src/stack/start-stack';
import { loadConfig } from '../../api/src/config';
import { freePort, startTestCms, TEST_SECRETS, type TestCms } from '../helpers/cms';
import { createIsolatedTestApp, type TestApp } from '../helpers/test-app';

/**
 * The join, end to end: a real Strapi publishes, the API's webhook receiver and reconcile
 * pass keep its read model in step, and GraphQL serves both sources from PostgreSQL.
 */
const ARTICLE = 'api::showcase-article.showcase-article';
const GAOCANG = '530402901000-01';

let api: TestApp;
let cms: TestCms;
let adminJwt: string;
let writer: string;

beforeAll(async () => {
  const cmsPort = await freePort();
  const config = loadConfig({ NODE_ENV: 'test', CMS_PORT: String(cmsPort), EDITORIAL_RECONCILE_SECONDS: '0' });
  // Its own database: the sync writes the read model, which other test files read.
  api = await createIsolatedTestApp('join', { editorial: editorialOptions(config, TEST_SECRETS) });
  cms = await startTestCms('join', api.url, { port: cmsPort });
  adminJwt = await cms.login();
  const { body } = await cms.admin('POST', '/admin/api-tokens', adminJwt, { name: 'join writer', type: 'full-access', kind: 'content-api', lifespan: null });
  writer = body.data.accessKey;
  // The CMS seeded itself while booting, before it could answer the API: the first
  // reconcile is what brings that content in (npm start does the same).
  await api.app.editorialSync!.reconcileNow('test start-up');
}, 240_000);
afterAll(async () => {
  await cms?.stop();
  await api?.stop();
});

const CENTRE_QUERY = `query ($code: ID!) {
  centre(code: $code) {
    name
    currentRating { stars tier }
    profile { title resolvedLocale highlights { label value unit } body { html text } }
    english: profile(locale: "en") { title resolvedLocale }
    brandProgrammes { slug name }
    showcaseArticles(first: 3) { totalCount edges { node { title series episode } } }
  }
}`;

async function articleBySlug(slug: string) {
  const { data } = await api.gql(`query ($slug: String!) { article(slug: $slug) { title documentId } }`, { slug });
  return data?.article ?? null;
}

async function waitUntil(probe: () => Promise<boolean>, timeoutMs = 5000): Promise<number> {
  const startedAt = Date.now();
  while (!(await probe())) {
    if (Date.now() - startedAt > timeoutMs) throw new Error(`not visible after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - startedAt;
}

describe('one query for a centre, joining both sources', () => {
  it('should give its rating, its profile in Chinese and English, its programmes and latest showcases', async () => {
    const { data, errors } = await api.gql(CENTRE_QUERY, { code: GAOCANG });
    expect(errors).toBeUndefined();
    expect(data.centre.profile).toMatchObject({ title: '红塔区高仓街道党群服务中心', resolvedLocale: 'zh-Hans' });
    expect(data.centre.english).toMatchObject({ title: expect.stringContaining('Gaocang'), resolvedLocale: 'en' });
    expect(data.centre.profile.highlights).toContainEqual({ label: '服务群众', value: 4738, unit: '人次' });
    expect(data.centre.profile.body.html).toContain('<p>');
    expect(data.centre.profile.body.text).toContain('三张清单');
    expect(data.centre.brandProgrammes.map((p: any) => p.name)).toContain('六心服务');
    expect(data.centre.showcaseArticles.edges[0].node).toMatchObject({ series: '星级党群服务中心展播', episode: 3 });
  });

  it('should resolve a programme with its modules and its operational centres and ratings', async () => {
    const { data } = await api.gql(`{ brandProgramme(slug: "yifeng-gongkaike") { name resolvedLocale modules { name } centres { code name currentRating { stars } } } }`);
    expect(data.brandProgramme).toMatchObject({ name: '仪凤公开课', resolvedLocale: 'zh-Hans' });
    expect(data.brandProgramme.centres).toEqual([{ code: '530481901001-01', name: '澄江市凤麓街道仪凤社区党群服务中心', currentRating: { stars: 5 } }]);
    const six = await api.gql(`{ brandProgramme(slug: "liuxin-fuwu", locale: "en") { resolvedLocale modules { name } } }`);
    expect(six.data.brandProgramme.resolvedLocale).toBe('en');
    expect(six.data.brandProgramme.modules).toHaveLength(6);
  });

  it('should filter articles across both sources: by region subtree and by the current stars of featured centres', async () => {
    const query = `query ($filter: ArticleFilter) { articles(filter: $filter) { totalCount edges { node { slug } } } }`;
    expect((await api.gql(query, { filter: { regionCode: '530481' } })).data.articles.totalCount).toBe(1);
    expect((await api.gql(query, { filter: { regionCode: '530423' } })).data.articles.totalCount).toBe(0);
    expect((await api.gql(query, { filter: { stars: [5] } })).data.articles.totalCount).toBe(1);
    expect((await api.gql(query, { filter: { stars: [3] } })).data.articles.totalCount).toBe(0);
    expect((await api.gql(query, { filter: { programme: 'liuxin-fuwu', series: '星级党群服务中心展播' } })).data.articles.totalCount).toBe(1);
    const bad = await api.gql(`{ articles(locale: "fr") { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('locale');
  });

  it('should cost the same few SQL statements for 10 centres as for 100, and no call to Strapi', async () => {
    const query = `query ($first: Int) { centres(first: $first) { edges { node {
      code currentRating { stars } profile { title summary } brandProgrammes { name }
      showcaseArticles(first: 3) { edges { node { title } } }
    } } } }`;
    const count = async (first: number) => {
      api.statements.length = 0;
      const callsBefore = api.app.editorialSync!.client.httpCalls;
      const { errors } = await api.gql(query, { first });
      expect(errors).toBeUndefined();
      expect(api.app.editorialSync!.client.httpCalls).toBe(callsBefore);
      return api.statements.length;
    };
    const ten = await count(10);
    expect(await count(100)).toBe(ten);
    expect(ten).toBeLessThanOrEqual(8);
  });
});

describe('search in Chinese', () => {
  it('should find 调解 inside longer text, title hits first, with a highlighted snippet', async () => {
    const { data, errors } = await api.gql(`{ search(query: "调解", first: 20) { totalCount hits { type title snippet node { __typename } } } }`);
    expect(errors).toBeUndefined();
    const { hits } = data.search;
    expect(data.search.totalCount).toBeGreaterThanOrEqual(3);
    expect(hits[0].title).toContain('调解');
    const firstBodyOnly = hits.findIndex((hit: any) => !hit.title.includes('调解'));
    expect(hits.slice(0, firstBodyOnly).every((hit: any) => hit.title.includes('调解'))).toBe(true);
    expect(hits.some((hit: any) => hit.type === 'SHOWCASE_ARTICLE' && hit.snippet.includes('<mark>调解</mark>'))).toBe(true);
    expect(hits.every((hit: any) => hit.node !== null)).toBe(true);
  });

  it.each(['托管', '养老', '助学'])('should find the two-character word %s', async (word) => {
    const { data } = await api.gql(`query ($q: String!) { search(query: $q) { totalCount hits { snippet } } }`, { q: word });
    expect(data.search.totalCount).toBeGreaterThan(0);
    expect(data.search.hits[0].snippet).toContain(`<mark>${word}</mark>`);
  });

  it('should find centres by name and escape what it returns', async () => {
    const { data } = await api.gql(`{ search(query: "兴文街 党群") { hits { type title } } }`);
    expect(data.search.hits.map((hit: any) => hit.type)).toContain('CENTRE');
    const { errors } = await api.gql(`{ search(query: "   ") { totalCount } }`);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('keeping in sync with the CMS', () => {
  const body = [{ type: 'paragraph', children: [{ type: 'text', text: '居民在家门口就能办事。' }] }];
  let documentId: string;

  it('should show an article in GraphQL within 2 seconds of publishing it in Strapi', async () => {
    const startedAt = Date.now();
    const created = await cms.rest('POST', '/showcase-articles?locale=zh-Hans', writer, {
      data: { title: '新发布的展播', slug: 'sync-test-article', body, series: '星级党群服务中心展播', centres: [{ centreCode: GAOCANG }] },
    });
    expect(created.status).toBe(201);
    documentId = created.body.data.documentId;
    await waitUntil(async () => (await articleBySlug('sync-test-article'))?.title === '新发布的展播', 2000);
    const elapsed = Date.now() - startedAt;
    console.info(`publish → visible in GraphQL: ${elapsed} ms`);
    expect(elapsed).toBeLessThan(2000);
    const { data } = await api.gql(CENTRE_QUERY, { code: GAOCANG });
    expect(data.centre.showcaseArticles.totalCount).toBe(2);
  });

  it('should show an edit, in GraphQL and in the embedded card, within 2 seconds', async () => {
    const card = async () => (await fetch(`${api.url}/embed/centres/${GAOCANG}`)).text();
    expect(await card()).toContain('新发布的展播');
    await cms.rest('PUT', `/showcase-articles/${documentId}?locale=zh-Hans`, writer, { data: { title: '改过标题的展播' } });
    await waitUntil(async () => (await articleBySlug('sync-test-article'))?.title === '改过标题的展播', 2000);
    await waitUntil(async () => (await card()).includes('改过标题的展播'), 2000);
  });

  it("should purge only the affected centre's cached answers when the CMS publishes", async () => {
    const cacheState = async (code: string) => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: CENTRE_QUERY, variables: { code } }),
      });
      await response.json();
      return response.headers.get('x-cache');
    };
    const YIFENG = '530481901001-01';
    await cacheState(GAOCANG);
    await cacheState(YIFENG);
    expect([await cacheState(GAOCANG), await cacheState(YIFENG)]).toEqual(['HIT', 'HIT']);
    await cms.rest('PUT', `/showcase-articles/${documentId}?locale=zh-Hans`, writer, { data: { title: '再次修改的展播' } });
    await waitUntil(async () => (await articleBySlug('sync-test-article'))?.title === '再次修改的展播', 2000);
    expect(await cacheState(GAOCANG)).toBe('MISS');
    expect(await cacheState(YIFENG)).toBe('HIT');
  });

  it('should refuse a webhook with a wrong or missing secret and change nothing', async () => {
    const event = { event: 'entry.delete', uid: ARTICLE, entry: { documentId, locale: 'zh-Hans' } };
    for (const headers of [{ 'x-star-centres-secret': 'guess' }, {}] as Array<Record<string, string>>) {
      const response = await fetch(`${api.url}/webhooks/cms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(event),
      });
      expect(response.status).toBe(401);
    }
    expect(await articleBySlug('sync-test-article')).not.toBeNull();
  });

  it('should drop an unpublished article, and a deleted one', async () => {
    const unpublish = await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}/${documentId}/actions/unpublish?locale=zh-Hans`, adminJwt, {});
    expect(unpublish.status).toBe(200);
    await waitUntil(async () => (await articleBySlug('sync-test-article')) === null, 2000);

    await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish?locale=zh-Hans`, adminJwt, {});
    await waitUntil(async () => (await articleBySlug('sync-test-article')) !== null, 2000);
    expect((await cms.rest('DELETE', `/showcase-articles/${documentId}?locale=zh-Hans`, writer)).status).toBe(204);
    await waitUntil(async () => (await articleBySlug('sync-test-article')) === null, 2000);
  });

  it('should repair with the reconcile pass what a lost webhook missed', async () => {
    const { body: hooks } = await cms.admin('GET', '/admin/webhooks', adminJwt);
    const hook = hooks.data.find((candidate: any) => candidate.name === 'Star Centres API');
    const settings = ({ isEnabled }: { isEnabled: boolean }) => ({ name: hook.name, url: hook.url, headers: hook.headers, events: hook.events, isEnabled });
    const disabled = await cms.admin('PUT', `/admin/webhooks/${hook.id}`, adminJwt, settings({ isEnabled: false }));
    expect(disabled).toMatchObject({ status: 200, body: { data: { isEnabled: false } } });
    try {
      const created = await cms.rest('POST', '/showcase-articles?locale=zh-Hans', writer, { data: { title: '丢失通知的展播', slug: 'lost-webhook-article', body } });
      expect(created.status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await articleBySlug('lost-webhook-article')).toBeNull();

      const report = await api.app.editorialSync!.reconcileNow('test');
      expect(report).toMatchObject({ upserted: 1, deleted: 0 });
      expect(await articleBySlug('lost-webhook-article')).toMatchObject({ title: '丢失通知的展播' });
    } finally {
      await cms.admin('PUT', `/admin/webhooks/${hook.id}`, adminJwt, settings({ isEnabled: true }));
    }
  });
});

describe('draft preview', () => {
  it('should render a draft read live from Strapi with the live centre data, only with a valid token', async () => {
    const created = await cms.rest('POST', '/showcase-articles?locale=zh-Hans&status=draft', writer, {
      data: {
        title: '尚未发布的草稿',
        slug: 'preview-draft',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script>草稿正文' }] }],
        centres: [{ centreCode: '530481901001-01' }],
      },
    });
    const { documentId } = created.body.data;
    const { body } = await cms.admin('GET', `/content-manager/preview/url/${ARTICLE}?documentId=${documentId}&locale=zh-Hans&status=draft`, adminJwt);
    const page = await fetch(body.data.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('尚未发布的草稿');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;草稿正文');
    expect(html).not.toContain('<script>');
    expect(html).toContain('澄江市凤麓街道仪凤社区党群服务中心');
    expect(html).toContain('★★★★★');
    expect(await articleBySlug('preview-draft')).toBeNull();

    const forged = new URL(body.data.url);
    forged.searchParams.set('token', `${forged.searchParams.get('token')!.split('.')[0]}.forged`);
    expect((await fetch(forged)).status).toBe(401);
    const otherDocument = new URL(body.data.url.replace(documentId, 'someotherdocument'));
    expect((await fetch(otherDocument)).status).toBe(401);
    const missing = new URL(body.data.url);
    missing.searchParams.delete('token');
    expect((await fetch(missing)).status).toBe(401);
  });
});

describe('with Strapi stopped', () => {
  beforeAll(async () => {
    await cms.stop();
  });

  it('should keep serving every published field', async () => {
    const { data, errors } = await api.gql(CENTRE_QUERY, { code: GAOCANG });
    expect(errors).toBeUndefined();
    expect(data.centre.profile.title).toBe('红塔区高仓街道党群服务中心');
    expect(data.centre.english.title).toContain('Gaocang');
    expect(data.centre.brandProgrammes.length).toBeGreaterThan(0);
  });

  it('should report a failed reconcile without touching the read model', async () => {
    expect(await api.app.editorialSync!.reconcileNow('test with the CMS down')).toBeNull();
    expect((await api.gql(`{ article(slug: "xingji-zhanbo-3") { title } }`)).data.article.title).toContain('星级党群服务中心展播3');
  });

  it('should answer a preview with a clear error page, not a crash', async () => {
    const { signPreviewToken } = await import('../../api/src/modules/editorial/preview-token');
    const token = signPreviewToken({ kind: 'articles', documentId: 'abc', locale: 'zh-Hans', exp: Math.floor(Date.now() / 1000) + 60 }, TEST_SECRETS.PREVIEW_SECRET);
    const response = await fetch(`${api.url}/preview/articles/abc?token=${token}`);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('Preview unavailable');
  });
});
