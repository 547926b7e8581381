import { randomUUID } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { CMS_DIR, DEMO_EDITOR, startTestCms, SUPER_ADMIN, type TestCms } from '../helpers/cms';
import { createTestApp, type TestApp } from '../helpers/test-app';

// The attack of issue 13: an editor uploads a page and the script it loads; Strapi serves both
// from the admin's origin, where the page reads the super-admin's token.
const UPLOADS_DIR = path.join(CMS_DIR, 'public', 'uploads');
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const STEAL = "localStorage.setItem('stolen', document.cookie + '|' + localStorage.getItem('jwtToken'));";

let api: TestApp;
let cms: TestCms;
let browser: Browser;
let editorJwt: string;
// Files this test leaves in the shared uploads folder, removed at the end.
const placed: string[] = [];
beforeAll(async () => {
  api = await createTestApp();
  cms = await startTestCms('uploads', api.url);
  editorJwt = await cms.login(DEMO_EDITOR);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  for (const file of placed) rmSync(path.join(UPLOADS_DIR, file), { force: true });
  await browser?.close();
  await cms?.stop();
  await api?.stop();
});

async function upload(name: string, content: Buffer | string, type: string) {
  const form = new FormData();
  form.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), name);
  const response = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${editorJwt}` }, body: form });
  return { status: response.status, body: (await response.json()) as any };
}

async function mediaCount(): Promise<number> {
  const { body } = await cms.admin('GET', '/upload/files?pageSize=1', editorJwt);
  return body.pagination.total;
}

describe('uploads an editor cannot use against the admin', () => {
  it.each([
    ['steal.html', `<script src="steal.js"></script>`, 'text/html'],
    ['steal.js', STEAL, 'application/javascript'],
    ['logo.svg', `<svg xmlns="http://www.w3.org/2000/svg"><script>${STEAL}</script></svg>`, 'image/svg+xml'],
    ['data.xml', '<?xml version="1.0"?><a/>', 'application/xml'],
    ['photo.png', `<html><script src="steal.js"></script></html>`, 'image/png'],
    ['report.pdf', `<html><script src="steal.js"></script></html>`, 'application/pdf'],
  ])('should refuse %s in Chinese and English, and store nothing', async (name, content, type) => {
    const count = await mediaCount();
    const files = readdirSync(UPLOADS_DIR);
    const { status, body } = await upload(name, content, type);
    expect(status).toBe(400);
    expect(body.error.name).toBe('ValidationError');
    expect(body.error.message).toMatch(/不允许上传|文件内容与扩展名不符/);
    expect(body.error.message).toMatch(/cannot be uploaded|is not a/);
    expect(body.error.message).toContain(name);
    expect(await mediaCount()).toBe(count);
    expect(readdirSync(UPLOADS_DIR)).toEqual(files);
  });

  it('should accept a real image (shown inline) and a real PDF (downloaded), both sandboxed', async () => {
    const image = await upload('centre.png', PNG_1X1, 'image/png');
    expect(image.status).toBe(201);
    placed.push(path.basename(image.body[0].url));
    const served = await fetch(`${cms.url}${image.body[0].url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('content-disposition')).toBe('inline');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');

    const pdf = await upload('notice.pdf', PDF, 'application/pdf');
    expect(pdf.status).toBe(201);
    placed.push(path.basename(pdf.body[0].url));
    const download = await fetch(`${cms.url}${pdf.body[0].url}`);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe('attachment');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('files stored before the allowlist', () => {
  const id = randomUUID().slice(0, 8);
  const script = `old-${id}.js`;
  const page = `old-${id}.html`;
  const svg = `old-${id}.svg`;
  beforeAll(() => {
    writeFileSync(path.join(UPLOADS_DIR, script), STEAL);
    writeFileSync(path.join(UPLOADS_DIR, page), `<!doctype html><title>x</title><script src="${script}"></script>`);
    writeFileSync(path.join(UPLOADS_DIR, svg), `<svg xmlns="http://www.w3.org/2000/svg"><script href="${script}"/></svg>`);
    placed.push(script, page, svg);
  });

  it('should be served as sandboxed opaque downloads, however the path is spelled', async () => {
    let served = 0;
    for (const route of [`/uploads/${page}`, `/uploads/${script}`, `/uploads/${svg}`, `/%75ploads/${page}`, `/uploads//${page}`]) {
      const response = await fetch(`${cms.url}${route}`);
      // Another spelling may not be served at all, which is safe too; whatever is served is confined.
      if (response.status !== 200) continue;
      served += 1;
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toBe('attachment');
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(served).toBeGreaterThanOrEqual(3);
  });

  it("should not run in Chromium on the admin's origin while the super-admin is signed in", async () => {
    const tab = await browser.newPage();
    tab.setDefaultTimeout(30_000);
    await tab.goto(`${cms.url}/admin/auth/login`);
    await tab.locator('input[name="email"]').fill(SUPER_ADMIN.email);
    await tab.locator('input[name="password"]').fill(SUPER_ADMIN.password);
    await tab.locator('button[type="submit"]').click();
    await tab.waitForURL((url) => !url.pathname.includes('/auth/'));

    for (const file of [page, svg]) {
      // A download aborts the navigation; a page that renders resolves it after its script.
      await tab.goto(`${cms.url}/uploads/${file}`).catch(() => undefined);
    }
    await tab.goto(`${cms.url}/admin`);
    expect(await tab.evaluate(() => localStorage.getItem('stolen'))).toBeNull();
    await tab.close();
  });
});
