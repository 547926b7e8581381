import { rmSync } from 'node:fs';
import path from 'node:path';
import { editorialOptions } from '../../api/src/stack/start-stack';
import { loadConfig } from '../../api/src/config';
import { CMS_DIR, DEMO_EDITOR, freePort, startTestCms, TEST_SECRETS, type TestCms } from '../helpers/cms';
import { createIsolatedTestApp, type TestApp } from '../helpers/test-app';

const ARTICLE = 'api::showcase-article.showcase-article';
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let api: TestApp;
let cms: TestCms;
let editor: string;
// Files this test leaves in the shared uploads folder, removed at the end.
const placed: string[] = [];
beforeAll(async () => {
  const cmsPort = await freePort();
  const config = loadConfig({ NODE_ENV: 'test', CMS_PORT: String(cmsPort), EDITORIAL_RECONCILE_SECONDS: '0' });
  api = await createIsolatedTestApp('preview', { editorial: editorialOptions(config, TEST_SECRETS) });
  cms = await startTestCms('preview', api.url, { port: cmsPort });
  editor = await cms.login(DEMO_EDITOR);
}, 240_000);
afterAll(async () => {
  for (const url of placed) rmSync(path.join(CMS_DIR, 'public', url), { force: true });
  await cms?.stop();
  await api?.stop();
});

async function previewHtml(documentId: string, status: 'draft' | 'published'): Promise<{ status: number; html: string }> {
  const { body } = await cms.admin('GET', `/content-manager/preview/url/${ARTICLE}?documentId=${documentId}&locale=zh-Hans&status=${status}`, editor);
  const page = await fetch(body.data.url);
  return { status: page.status, html: await page.text() };
}

describe("the admin's preview tabs", () => {
  it('should show the draft on the draft tab and what is live on the published tab, each labelled, with the cover and byline', async () => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(PNG_1X1)], { type: 'image/png' }), 'gaocang-cover.png');
    form.append('fileInfo', JSON.stringify({ alternativeText: '高仓街道党群服务中心外景' }));
    const uploaded = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: form });
    const [cover] = (await uploaded.json()) as Array<{ id: number; url: string }>;
    placed.push(cover!.url);

    const body = [{ type: 'paragraph', children: [{ type: 'text', text: '第一版正文' }] }];
    const created = await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}?locale=zh-Hans`, editor, {
      title: '第一版标题',
      slug: 'preview-tabs',
      body,
      cover: cover!.id,
      series: '星级党群服务中心展播',
      episode: 9,
      author: '宣传干事',
    });
    const { documentId } = created.body.data;
    const before = await previewHtml(documentId, 'published');
    expect(before.status).toBe(404);
    expect(before.html).toContain('还没有发布');

    await cms.admin('POST', `/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish?locale=zh-Hans`, editor, {});
    await cms.admin('PUT', `/content-manager/collection-types/${ARTICLE}/${documentId}?locale=zh-Hans`, editor, { title: '第二版标题(草稿)' });

    const draft = await previewHtml(documentId, 'draft');
    expect(draft.html).toContain('草稿预览:尚未发布');
    expect(draft.html).toContain('第二版标题(草稿)');
    const published = await previewHtml(documentId, 'published');
    expect(published.status).toBe(200);
    expect(published.html).toContain('已发布版本:网站上正在显示的内容');
    expect(published.html).toContain('第一版标题');
    expect(published.html).not.toContain('第二版标题');
    for (const html of [draft.html, published.html]) {
      expect(html).toMatch(/<img src="http:\/\/[^"]+\/uploads\/gaocang_cover[^"]*\.png" alt="高仓街道党群服务中心外景">/);
      expect(html).toContain('星级党群服务中心展播 第 9 期');
      expect(html).toContain('作者:宣传干事');
    }
  });
});

describe('publishing a profile', () => {
  it('should reach GraphQL through the webhook shortly after 发布', async () => {
    const code = '530402000000-01';
    const created = await cms.admin('POST', `/content-manager/collection-types/api::centre-profile.centre-profile?locale=zh-Hans`, editor, {
      centreCode: code,
      title: '新写的中心简介',
    });
    expect(created.status).toBe(201);
    const profileTitle = async () => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query ($code: ID!) { centre(code: $code) { profile { title } } }', variables: { code } }),
      });
      return ((await response.json()) as any).data?.centre?.profile?.title;
    };
    expect(await profileTitle()).toBeUndefined();
    const startedAt = Date.now();
    await cms.admin('POST', `/content-manager/collection-types/api::centre-profile.centre-profile/${created.body.data.documentId}/actions/publish?locale=zh-Hans`, editor, {});
    while ((await profileTitle()) !== '新写的中心简介' && Date.now() - startedAt < 10_000) await new Promise((resolve) => setTimeout(resolve, 50));
    const elapsed = Date.now() - startedAt;
    // Measured, not a speed test: the bound only catches a publish that never arrives.
    console.log(`publish → GraphQL: ${elapsed} ms`);
    expect(await profileTitle()).toBe('新写的中心简介');
  });
});
