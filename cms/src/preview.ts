const PREVIEWABLE: Record<string, string> = {
  'api::showcase-article.showcase-article': 'articles',
  'api::centre-profile.centre-profile': 'centre-profiles',
  'api::brand-programme.brand-programme': 'brand-programmes',
};

/** The API's preview page for a draft; null hides the Preview button for other types. */
export function previewUrl({
  apiUrl,
  uid,
  documentId,
  locale,
  status,
}: {
  apiUrl: string;
  uid: string;
  documentId: string;
  locale?: string;
  status: string;
}): string | null {
  const kind = PREVIEWABLE[uid];
  if (!kind) {
    return null;
  }
  const query = new URLSearchParams({ status, ...(locale ? { locale } : {}) });
  return `${apiUrl.replace(/\/$/, '')}/preview/${kind}/${encodeURIComponent(documentId)}?${query}`;
}
