import { createHmac } from 'node:crypto';

const PREVIEWABLE: Record<string, string> = {
  'api::showcase-article.showcase-article': 'articles',
  'api::centre-profile.centre-profile': 'centre-profiles',
  'api::brand-programme.brand-programme': 'brand-programmes',
};

/** How long a Preview link works. */
export const PREVIEW_TOKEN_SECONDS = 10 * 60;

/**
 * The API's preview page for a draft, with a short-lived signed token (the API checks it:
 * api/src/modules/editorial/preview-token.ts, same format); null hides the button for other types.
 */
export function previewUrl({
  apiUrl,
  secret,
  uid,
  documentId,
  locale,
  status,
  now = Date.now(),
}: {
  apiUrl: string;
  secret: string;
  uid: string;
  documentId: string;
  locale?: string;
  status: string;
  now?: number;
}): string | null {
  const kind = PREVIEWABLE[uid];
  if (!kind) {
    return null;
  }
  const claims = { kind, documentId, locale: locale ?? 'zh-Hans', exp: Math.floor(now / 1000) + PREVIEW_TOKEN_SECONDS };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const token = `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
  const query = new URLSearchParams({ status, ...(locale ? { locale } : {}), token });
  return `${apiUrl.replace(/\/$/, '')}/preview/${kind}/${encodeURIComponent(documentId)}?${query}`;
}
