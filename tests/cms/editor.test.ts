import { DEMO_EDITOR, startTestCms, type TestCms } from '../helpers/cms';
import { createTestApp, type TestApp } from '../helpers/test-app';

const PROFILE = 'api::centre-profile.centre-profile';
const PROGRAMME = 'api::brand-programme.brand-programme';
const ARTICLE = 'api::showcase-article.showcase-article';
const BODY = [{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }];

let api: TestApp;
let cms: TestCms;
let editor: string;
beforeAll(async () => {
  api = await createTestApp();
  cms = await startTestCms('labels', api.url);
  editor = await cms.login(DEMO_EDITOR);
}, 240_000);
afterAll(async () => {
  await cms?.stop();
  await api?.stop();
});

const configuration = async (path: string) => (await cms.admin('GET', `/content-manager/${path}/configuration`, editor)).body.data;

describe('what the editor reads in the content manager', () => {
  it('should label every field of the three types and their components in Chinese, with a description', async () => {
    for (const uid of [PROFILE, PROGRAMME, ARTICLE]) {
      const { contentType, components } = await configuration(`content-types/${uid}`);
      const { body: model } = await cms.admin('GET', `/content-manager/content-types`, editor);
      const attributes = Object.keys(model.data.find((type: any) => type.uid === uid).attributes).filter(
        (name) => !['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(name),
      );
      for (const name of attributes) {
        const { label, description } = contentType.metadatas[name].edit;
        expect([uid, name, label]).toEqual([uid, name, expect.stringMatching(/\p{Script=Han}/u)]);
        expect([uid, name, description]).toEqual([uid, name, expect.stringMatching(/\p{Script=Han}/u)]);
      }
      for (const component of Object.values<any>(components)) {
        for (const [name, metadata] of Object.entries<any>(component.metadatas)) {
          if (name === 'id' || name === 'documentId') continue;
          expect([component.uid, name, metadata.edit.label]).toEqual([component.uid, name, expect.stringMatching(/\p{Script=Han}/u)]);
        }
      }
    }
  });

  it('should head a profile with its title and list profiles by 中心名称', async () => {
    const { contentType } = await configuration(`content-types/${PROFILE}`);
    expect(contentType.settings.mainField).toBe('title');
    expect(contentType.layouts.list[0]).toBe('title');
    expect(contentType.metadatas.title.list.label).toBe('中心名称');
    expect(contentType.metadatas.centreCode.edit.description).toContain('530402901000-01');
    const { contentType: article } = await configuration(`content-types/${ARTICLE}`);
    expect(article.settings.mainField).toBe('title');
    expect(article.metadatas.brandProgrammes.edit.mainField).toBe('name');
  });
});

describe('refusals at save, in Chinese', () => {
  it('should refuse a second profile for a centre when the draft is saved, naming the existing profile and where it is', async () => {
    const { status, body } = await cms.admin('POST', `/content-manager/collection-types/${PROFILE}?locale=zh-Hans`, editor, {
      centreCode: '530425901001-01',
      title: '兴文街社区(重复)',
    });
    expect(status).toBe(400);
    expect(body.error.message).toContain('中心 530425901001-01 已有简介「易门县龙泉街道兴文街社区党群服务中心」');
    expect(body.error.message).toMatch(/\/admin\/content-manager\/collection-types\/api::centre-profile\.centre-profile\/\w+/);
    expect(body.error.details.errors[0].path).toEqual(['centreCode']);
    const { body: drafts } = await cms.admin('GET', `/content-manager/collection-types/${PROFILE}?locale=zh-Hans&filters[centreCode][$eq]=530425901001-01`, editor);
    expect(drafts.results).toHaveLength(1);
  });

  it('should still let the editor save and translate the existing profile', async () => {
    const { body: list } = await cms.admin('GET', `/content-manager/collection-types/${PROFILE}?locale=zh-Hans&filters[centreCode][$eq]=530425901001-01`, editor);
    const { documentId } = list.results[0];
    const saved = await cms.admin('PUT', `/content-manager/collection-types/${PROFILE}/${documentId}?locale=zh-Hans`, editor, {
      centreCode: '530425901001-01',
      title: '易门县龙泉街道兴文街社区党群服务中心',
    });
    expect(saved.status).toBe(200);
  });
});

describe('articles', () => {
  it('should generate a pinyin slug from a Chinese title, unique among articles', async () => {
    const generate = (title: string) =>
      cms.admin('POST', '/content-manager/uid/generate?locale=zh-Hans', editor, { contentTypeUID: ARTICLE, field: 'slug', data: { title } });
    const first = await generate('“星”服务·致美好|星级党群服务中心展播4');
    expect(first.body.data).toBe('xing-fu-wu-zhi-mei-hao-xing-ji-dang-qun-fu-wu-zhong-xin-zhan-bo-4');
    const created = await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}?locale=zh-Hans`, editor, { title: '绿色家园', slug: 'lv-se-jia-yuan', body: BODY });
    expect(created.status).toBe(201);
    expect((await generate('绿色家园')).body.data).toBe('lv-se-jia-yuan-1');
  });

  it("should replace the slug the admin proposes before there is a title ('showcase-article') by the title's pinyin at save", async () => {
    const created = await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}?locale=zh-Hans`, editor, { title: '金凤凰资助金', slug: 'showcase-article', body: BODY });
    expect(created.status).toBe(201);
    expect(created.body.data.slug).toBe('jin-feng-huang-zi-zhu-jin');
    const kept = await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}?locale=zh-Hans`, editor, { title: '金凤凰', slug: 'golden-phoenix', body: BODY });
    expect(kept.body.data.slug).toBe('golden-phoenix');
  });

  it("should date an undated article on the day it is first published, in China's time zone, and keep a date the editor gave", async () => {
    const created = await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}?locale=zh-Hans`, editor, { title: '未填日期', slug: 'wei-tian-ri-qi', body: BODY });
    const { documentId } = created.body.data;
    expect(created.body.data.publishedDate).toBeNull();
    const published = await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish?locale=zh-Hans`, editor, {});
    expect(published.status).toBe(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(published.body.data.publishedDate).toBe(today);

    const dated = await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}?locale=zh-Hans`, editor, { title: '已填日期', slug: 'yi-tian-ri-qi', body: BODY, publishedDate: '2024-05-01' });
    const republished = await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}/${dated.body.data.documentId}/actions/publish?locale=zh-Hans`, editor, {});
    expect(republished.body.data.publishedDate).toBe('2024-05-01');
  });
});

describe("the editor's session", () => {
  it('should let the media library read its settings but not change them', async () => {
    const read = await cms.admin('GET', '/upload/settings', editor);
    expect(read.status).toBe(200);
    expect(read.body.data).toHaveProperty('sizeOptimization');
    const write = await cms.admin('PUT', '/upload/settings', editor, { sizeOptimization: false, responsiveDimensions: false });
    expect(write.status).toBe(403);
  });

  it('should answer the admin’s AI reads without an error while AI is off', async () => {
    const { body: list } = await cms.admin('GET', `/content-manager/collection-types/${ARTICLE}?locale=zh-Hans`, editor);
    const config = await cms.admin('GET', '/admin/ai-feature-config', editor);
    expect(config).toEqual({ status: 200, body: { data: null } });
    const jobs = await cms.admin('GET', `/i18n/ai-localization-jobs/collection-types/${ARTICLE}/${list.results[0].documentId}`, editor);
    expect(jobs).toEqual({ status: 200, body: { data: null } });
  });
});
