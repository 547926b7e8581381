import type { Media } from '../modules/editorial/editorial.types';
import { escapeHtml } from '../modules/editorial/rich-text';
import { CARD_CSS } from './embed/centre-card';

export interface EditorialPage {
  heading: string;
  summary: string | null;
  bodyHtml: string;
  /** Already-safe HTML (blocksToHtml, renderCardFragment). */
  cardsHtml: string;
  banner?: string;
  /** The cover (an article's) or logo (a programme's), above the text. */
  cover?: Media | null;
  /** Series, date, source and author, under the heading. */
  byline?: string | null;
  lang: string;
}

/**
 * One small server-rendered page for editorial content with the live cards of its centres
 * (the same card renderer as the embeds). Used by draft preview. No scripts.
 */
export function renderEditorialPage(page: EditorialPage): string {
  return `<!doctype html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.heading)}</title>
<style>
  body { font: 18px/1.7 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem; color: #1b1f24; }
  .banner { background: #fff4ce; border: 1px solid #e0b400; padding: .5rem .75rem; border-radius: .375rem; }
  .summary { font-size: 1.1rem; color: #3b4350; }
  .stars { color: #b45309; white-space: nowrap; }
  .region { color: #57606a; }
  .card { margin: 1rem 0; }
  .byline { color: #57606a; font-size: .95rem; }
  .cover img { max-width: 100%; height: auto; border-radius: .375rem; }
${CARD_CSS}
</style>
</head>
<body>
${page.banner ? `<p class="banner">${escapeHtml(page.banner)}</p>` : ''}
<h1>${escapeHtml(page.heading)}</h1>
${page.byline ? `<p class="byline">${escapeHtml(page.byline)}</p>` : ''}
${page.cover ? `<figure class="cover"><img src="${escapeHtml(page.cover.url)}" alt="${escapeHtml(page.cover.alternativeText ?? '')}"></figure>` : ''}
${page.summary ? `<p class="summary">${escapeHtml(page.summary)}</p>` : ''}
${page.cardsHtml}
<article>${page.bodyHtml}</article>
</body>
</html>
`;
}

export function renderMessagePage(title: string, message: string): string {
  return renderEditorialPage({ heading: title, summary: message, bodyHtml: '', cardsHtml: '', lang: 'zh-Hans' });
}
