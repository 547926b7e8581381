import { signPreviewToken, verifyPreviewToken } from '../../api/src/modules/editorial/preview-token';
import { previewUrl } from '../../cms/src/preview';

const SECRET = 'a-preview-secret-of-thirty-two-characters';
const document = { kind: 'articles', documentId: 'abc123' };

describe('preview tokens', () => {
  it('should accept what the CMS signs, for that document, until it expires', () => {
    const now = Date.UTC(2026, 10, 27, 12, 0, 0);
    const url = new URL(
      previewUrl({ apiUrl: 'http://api.local', secret: SECRET, uid: 'api::showcase-article.showcase-article', documentId: 'abc123', locale: 'en', status: 'draft', now })!,
    );
    const token = url.searchParams.get('token')!;
    expect(verifyPreviewToken(token, SECRET, document, now + 60_000)).toMatchObject({ documentId: 'abc123', locale: 'en' });
    expect(verifyPreviewToken(token, SECRET, document, now + 11 * 60_000)).toBeNull();
    expect(verifyPreviewToken(token, SECRET, { ...document, documentId: 'other' }, now)).toBeNull();
    expect(verifyPreviewToken(token, 'another-secret-of-thirty-two-characters!', document, now)).toBeNull();
  });

  it('should refuse forged and malformed tokens', () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const good = signPreviewToken({ ...document, locale: 'zh-Hans', exp }, SECRET);
    const [payload] = good.split('.');
    const tampered = Buffer.from(JSON.stringify({ ...document, locale: 'zh-Hans', exp: exp + 3600 })).toString('base64url');
    expect(verifyPreviewToken(good, SECRET, document)).not.toBeNull();
    expect(verifyPreviewToken(`${tampered}.${good.split('.')[1]}`, SECRET, document)).toBeNull();
    expect(verifyPreviewToken(`${payload}.`, SECRET, document)).toBeNull();
    expect(verifyPreviewToken('', SECRET, document)).toBeNull();
    expect(verifyPreviewToken(`${good}.extra`, SECRET, document)).toBeNull();
  });

  it('should offer no preview for other content types', () => {
    expect(previewUrl({ apiUrl: 'http://api.local', secret: SECRET, uid: 'plugin::upload.file', documentId: 'x', status: 'draft' })).toBeNull();
  });
});
