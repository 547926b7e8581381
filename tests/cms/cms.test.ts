import { spawn } from 'node:child_process';
import { strapiCommand } from '../../api/src/stack/cms-build';
import { CMS_DIR, DEMO_EDITOR, startTestCms, TEST_SECRETS, type TestCms } from '../helpers/cms';
import { createTestApp, type TestApp } from '../helpers/test-app';

const PROFILE = 'api::centre-profile.centre-profile';
const PROGRAMME = 'api::brand-programme.brand-programme';
const ARTICLE = 'api::showcase-article.showcase-article';

let api: TestApp;
let cms: TestCms;
let adminJwt: string;
beforeAll(async () => {
  api = await createTestApp();
  cms = await startTestCms('main', api.url);
  // A second bootstrap on the same database: everything below must exist exactly once.
  await cms.restart();
  adminJwt = await cms.login();
}, 240_000);
afterAll(async () => {
  await cms?.stop();
  await api?.stop();
});

describe('content model', () => {
  it('should define the three editorial types with drafts, i18n and the promised fields', async () => {
    const { body } = await cms.admin('GET', '/content-type-builder/content-types', adminJwt);
    const byUid = new Map(body.data.map((type: any) => [type.uid, type.schema]));
    const expected: Record<string, string[]> = {
      [PROFILE]: ['centreCode', 'title', 'summary', 'body', 'cover', 'gallery', 'highlights', 'brandProgrammes', 'seo'],
      [PROGRAMME]: ['name', 'slug', 'summary', 'body', 'modules', 'logo', 'centres'],
      [ARTICLE]: ['title', 'slug', 'summary', 'body', 'cover', 'series', 'episode', 'centres', 'brandProgrammes', 'source', 'author'],
    };
    for (const [uid, fields] of Object.entries(expected)) {
      const schema: any = byUid.get(uid);
      expect(schema).toBeDefined();
      expect(schema.draftAndPublish).toBe(true);
      expect(schema.pluginOptions.i18n.localized).toBe(true);
      expect(Object.keys(schema.attributes)).toEqual(expect.arrayContaining(fields));
    }
    const profile: any = byUid.get(PROFILE);
    expect(profile.attributes.centreCode).toMatchObject({ unique: true, required: true, pluginOptions: { i18n: { localized: false } } });
    expect(profile.attributes.body.type).toBe('blocks');
    expect(profile.attributes.highlights).toMatchObject({ type: 'component', repeatable: true, component: 'shared.highlight' });
  });

  it('should offer zh-Hans as the default locale, and en', async () => {
    const { body } = await cms.admin('GET', '/i18n/locales', adminJwt);
    const locales = body.map((locale: any) => [locale.code, locale.isDefault]);
    expect(locales).toEqual(expect.arrayContaining([['zh-Hans', true], ['en', false]]));
    expect(locales).toHaveLength(2);
  });
});

describe('the publicity editor role', () => {
  it('should allow exactly the editorial types and the media library, and no settings', async () => {
    const { body: roles } = await cms.admin('GET', '/admin/roles', adminJwt);
    const editor = roles.data.find((role: any) => role.code === 'publicity-editor');
    expect(editor.name).toBe('宣传编辑 / Publicity editor');
    const { body } = await cms.admin('GET', `/admin/roles/${editor.id}/permissions`, adminJwt);
    const granted = body.data.map((permission: any) => `${permission.action} ${permission.subject ?? ''}`.trim()).sort();
    const contentActions = ['create', 'read', 'update', 'delete', 'publish'].flatMap((action) =>
      [PROFILE, PROGRAMME, ARTICLE].map((uid) => `plugin::content-manager.explorer.${action} ${uid}`),
    );
    const uploadActions = ['read', 'assets.create', 'assets.update', 'assets.download', 'assets.copy-link'].map((action) => `plugin::upload.${action}`);
    expect(granted).toEqual([...contentActions, ...uploadActions].sort());
  });

  it('should let the demo editor log in but not read settings, roles, tokens or webhooks', async () => {
    const editorJwt = await cms.login(DEMO_EDITOR);
    for (const route of ['/admin/roles', '/admin/api-tokens', '/admin/webhooks', '/admin/users']) {
      expect((await cms.admin('GET', route, editorJwt)).status).toBe(403);
    }
    const articles = await cms.admin('GET', `/content-manager/collection-types/${ARTICLE}?locale=zh-Hans`, editorJwt);
    expect(articles.status).toBe(200);
  });
});

describe('wiring to the API', () => {
  it('should hold one read-only API token that works with the configured key, after two bootstraps', async () => {
    const { body } = await cms.admin('GET', '/admin/api-tokens', adminJwt);
    const ours = body.data.filter((token: any) => token.name === 'Star Centres API (read-only)');
    expect(ours).toHaveLength(1);
    expect(ours[0].type).toBe('read-only');
    expect((await cms.rest('GET', '/showcase-articles', TEST_SECRETS.CMS_API_TOKEN)).status).toBe(200);
    expect((await cms.rest('POST', '/showcase-articles', TEST_SECRETS.CMS_API_TOKEN, { data: { title: 'x' } })).status).toBe(403);
    expect((await cms.rest('GET', '/showcase-articles', 'not-the-token')).status).toBe(401);
  });

  it('should hold one webhook to the API with the shared secret and the promised events', async () => {
    const { body } = await cms.admin('GET', '/admin/webhooks', adminJwt);
    const ours = body.data.filter((webhook: any) => webhook.name === 'Star Centres API');
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ url: `${api.url}/webhooks/cms`, isEnabled: true });
    expect(ours[0].headers).toEqual({ 'X-Star-Centres-Secret': TEST_SECRETS.CMS_WEBHOOK_SECRET });
    expect(ours[0].events).toEqual(
      expect.arrayContaining(['entry.publish', 'entry.unpublish', 'entry.update', 'entry.delete', 'media.create', 'media.update', 'media.delete']),
    );
  });
});

describe('preview', () => {
  it("should point the admin's Preview button at the API's preview page for the draft", async () => {
    const editorJwt = await cms.login(DEMO_EDITOR);
    const { body: list } = await cms.admin('GET', `/content-manager/collection-types/${ARTICLE}?locale=zh-Hans`, editorJwt);
    const { documentId } = list.results[0];
    const { status, body } = await cms.admin(
      'GET',
      `/content-manager/preview/url/${ARTICLE}?documentId=${documentId}&locale=zh-Hans&status=draft`,
      editorJwt,
    );
    expect(status).toBe(200);
    const url = new URL(body.data.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${api.url}/preview/articles/${documentId}`);
    expect(url.searchParams.get('locale')).toBe('zh-Hans');
    expect(url.searchParams.get('token')).toMatch(/^[\w-]+\.[\w-]+$/);
  });
});

describe('seed content from the article', () => {
  const count = async (route: string, locale: string) => {
    const { body } = await cms.rest('GET', `${route}?locale=${locale}&pagination[pageSize]=1`, TEST_SECRETS.CMS_API_TOKEN);
    return body.meta.pagination.total;
  };

  it('should publish the four centre profiles in Chinese and English', async () => {
    expect(await count('/centre-profiles', 'zh-Hans')).toBe(4);
    expect(await count('/centre-profiles', 'en')).toBe(4);
    const { body } = await cms.rest('GET', '/centre-profiles?locale=zh-Hans&filters[centreCode][$eq]=530425901001-01&populate=highlights', TEST_SECRETS.CMS_API_TOKEN);
    expect(body.data[0].title).toBe('易门县龙泉街道兴文街社区党群服务中心');
    expect(body.data[0].highlights).toContainEqual(expect.objectContaining({ label: expect.any(String), value: 98.6, unit: '%' }));
  });

  it('should publish the article as episode 3 of 星级党群服务中心展播, featuring the four centres', async () => {
    const { body } = await cms.rest('GET', '/showcase-articles?locale=zh-Hans&populate=centres', TEST_SECRETS.CMS_API_TOKEN);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ series: '星级党群服务中心展播', episode: 3 });
    expect(body.data[0].centres.map((ref: any) => ref.centreCode)).toEqual([
      '530402901000-01', '530481901001-01', '530425901001-01', '530402999001-01',
    ]);
  });

  it('should publish 六心服务 with its six modules and the other named programmes', async () => {
    const { body } = await cms.rest('GET', '/brand-programmes?locale=zh-Hans&filters[slug][$eq]=liuxin-fuwu&populate=modules', TEST_SECRETS.CMS_API_TOKEN);
    expect(body.data[0].modules.map((module: any) => module.name)).toEqual(['红心铸魂', '匠心强基', '暖心惠民', '连心富民', '同心共治', '清心正风']);
    const { body: all } = await cms.rest('GET', '/brand-programmes?locale=zh-Hans&pagination[pageSize]=100', TEST_SECRETS.CMS_API_TOKEN);
    const names = all.data.map((programme: any) => programme.name);
    for (const name of ['仪凤公开课', '金凤凰资助金', '“仪”家合伙人', '初心合伙人', '智惠兴文', '聂耳音乐社']) {
      expect(names).toContain(name);
    }
  });
});

describe('bad input', () => {
  let writer: string;
  beforeAll(async () => {
    const { body } = await cms.admin('POST', '/admin/api-tokens', adminJwt, { name: 'test writer', type: 'full-access', kind: 'content-api', lifespan: null });
    writer = body.data.accessKey;
  });
  const profiles = async () => (await cms.rest('GET', '/centre-profiles?locale=zh-Hans&status=draft', writer)).body.meta.pagination.total;

  it('should reject an unknown centre code with a message saying so, and store nothing', async () => {
    const before = await profiles();
    const { status, body } = await cms.rest('POST', '/centre-profiles?locale=zh-Hans', writer, { data: { centreCode: '530402901000-99', title: '不存在的中心' } });
    expect(status).toBe(400);
    expect(body.error.message).toContain('Unknown centre code 530402901000-99');
    expect(body.error.message).toContain('未知的中心代码');
    expect(await profiles()).toBe(before);
  });

  it('should reject the same rejection in the admin editor, where editors see it', async () => {
    const editorJwt = await cms.login(DEMO_EDITOR);
    const { status, body } = await cms.admin('POST', `/content-manager/collection-types/${PROFILE}?locale=zh-Hans`, editorJwt, {
      centreCode: '530402901000-98',
      title: '不存在的中心',
    });
    expect(status).toBe(400);
    expect(body.error.message).toContain('Unknown centre code 530402901000-98');
  });

  it('should reject a duplicate centre code, a malformed one and a missing title', async () => {
    const before = await profiles();
    const duplicate = await cms.rest('POST', '/centre-profiles?locale=zh-Hans', writer, { data: { centreCode: '530481901001-01', title: '重复' } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toContain('中心 530481901001-01 已有简介');
    const malformed = await cms.rest('POST', '/centre-profiles?locale=zh-Hans', writer, { data: { centreCode: 'yifeng', title: '格式错误' } });
    expect(malformed.status).toBe(400);
    const untitled = await cms.rest('POST', '/centre-profiles?locale=zh-Hans', writer, { data: { centreCode: '530402000000-01' } });
    expect(untitled.status).toBe(400);
    expect(JSON.stringify(untitled.body.error)).toContain('title');
    expect(await profiles()).toBe(before);
  });

  it('should refuse a highlight value too large to store with a validation error, not a 500', async () => {
    const before = await profiles();
    const highlight = (value: number) => ({ data: { centreCode: '530402000000-01', title: '亮点过大', highlights: [{ label: '服务群众', value, unit: '人次' }] } });
    const huge = await cms.rest('POST', '/centre-profiles?locale=zh-Hans', writer, highlight(1e15));
    expect(huge.status).toBe(400);
    expect(huge.body.error.name).toBe('ValidationError');
    // The bound, not the centre code (a known one), is what refused it.
    expect(JSON.stringify(huge.body.error)).toContain('highlights');
    expect(JSON.stringify(huge.body.error)).not.toContain('Unknown centre code');
    const hugeNegative = await cms.rest('POST', '/centre-profiles?locale=zh-Hans', writer, highlight(-1e15));
    expect(hugeNegative.status).toBe(400);
    expect(await profiles()).toBe(before);
  });

  it('should reject an article whose slug is taken or whose featured centre is unknown', async () => {
    const body = [{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }];
    const clash = await cms.rest('POST', '/showcase-articles?locale=zh-Hans', writer, { data: { title: '撞名', slug: 'xingji-zhanbo-3', body } });
    expect(clash.status).toBe(400);
    expect(JSON.stringify(clash.body.error)).toMatch(/unique|slug/i);
    const unknown = await cms.rest('POST', '/showcase-articles?locale=zh-Hans', writer, {
      data: { title: '未知中心', slug: 'unknown-centre-article', body, centres: [{ centreCode: '530402901000-97' }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('530402901000-97');
    const { body: list } = await cms.rest('GET', '/showcase-articles?locale=zh-Hans&status=draft', writer);
    expect(list.meta.pagination.total).toBe(1);
  });
});

describe('production mode', () => {
  it('should refuse to start with the development super-admin password, naming the account', async () => {
    const [command, ...args] = strapiCommand(CMS_DIR, 'start');
    const child = spawn(command!, args, { cwd: CMS_DIR, env: { ...cms.env, NODE_ENV: 'production', CMS_PORT: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toContain('Refusing to start in production');
    expect(output).toContain('CMS_ADMIN_PASSWORD is a development password');
    expect(output).toContain('super-admin admin@example.com');
  });
});
