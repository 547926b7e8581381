import { escapeHtml } from '../modules/editorial/rich-text';

/** A centre as a page shows it: its live operational data. */
export interface CentreCard {
  code: string;
  name: string;
  regionName: string;
  stars: number | null;
  tier: string | null;
  year: number | null;
}

export interface EditorialPage {
  heading: string;
  summary: string | null;
  bodyHtml: string;
  /** Already-safe HTML of the body (from blocksToHtml). */
  centres: CentreCard[];
  banner?: string;
  lang: string;
}

/**
 * One small server-rendered page for editorial content joined with live centre data. Used
 * by draft preview; the embeddable card will reuse it. No external requests, no scripts.
 */
export function renderEditorialPage(page: EditorialPage): string {
  const centres = page.centres
    .map(
      (centre) => `<li><strong>${escapeHtml(centre.name)}</strong> <span class="region">${escapeHtml(centre.regionName)}</span>
        <span class="stars" aria-label="${centre.stars ?? 0} stars">${centre.stars ? `${'★'.repeat(centre.stars)} ${centre.tier === 'CITY' ? '市级五星' : `县级${centre.stars}星`} (${centre.year})` : '未评星 / not rated'}</span></li>`,
    )
    .join('\n');
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
  ul.centres { padding-left: 1.1rem; }
</style>
</head>
<body>
${page.banner ? `<p class="banner">${escapeHtml(page.banner)}</p>` : ''}
<h1>${escapeHtml(page.heading)}</h1>
${page.summary ? `<p class="summary">${escapeHtml(page.summary)}</p>` : ''}
${centres ? `<ul class="centres">${centres}</ul>` : ''}
<article>${page.bodyHtml}</article>
</body>
</html>
`;
}

export function renderMessagePage(title: string, message: string): string {
  return renderEditorialPage({ heading: title, summary: message, bodyHtml: '', centres: [], lang: 'zh-Hans' });
}
