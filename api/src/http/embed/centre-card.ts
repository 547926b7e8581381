import { escapeHtml } from '../../modules/editorial/rich-text';

/** The data of one card: exactly what schema/operations/centre-card.graphql returns. */
export interface CentreCardData {
  code: string;
  name: string;
  level: string;
  address: string | null;
  region: { name: string; ancestors: Array<{ name: string }> };
  currentRating: { year: number; stars: number; tier: 'COUNTY' | 'CITY' } | null;
  profile: {
    title: string;
    summary: string | null;
    resolvedLocale: string;
    cover: { url: string; width: number | null; height: number | null; alternativeText: string | null } | null;
    highlights: Array<{ label: string; value: number; unit: string | null }>;
  } | null;
  brandProgrammes: Array<{ slug: string; name: string }>;
  showcaseArticles: { edges: Array<{ node: { slug: string; title: string; publishedDate: string | null } }> };
}

export interface CardOptions {
  locale: 'zh-Hans' | 'en';
  size: 'normal' | 'large';
  theme: 'auto' | 'light' | 'dark';
  /** Link back to the centre on the showcase site. */
  moreUrl: string;
}

const TEXT = {
  'zh-Hans': {
    stars: (n: number) => `${n}星级`,
    city: '市级五星',
    county: (n: number) => `县级${n}星`,
    unrated: '暂未评星',
    programmes: '服务品牌',
    articles: '最新展播',
    more: '查看详情',
    rating: (y: number) => `${y}年度评定`,
  },
  en: {
    stars: (n: number) => `${n} stars`,
    city: 'City five-star',
    county: (n: number) => `County ${n}-star`,
    unrated: 'Not rated yet',
    programmes: 'Service brands',
    articles: 'Latest showcases',
    more: 'More about this centre',
    rating: (y: number) => `rated for ${y}`,
  },
};

/**
 * The centre card as a self-contained HTML fragment: no scripts, no external requests,
 * every CMS text escaped. The embed page, the draft preview and <centre-profile> use it.
 */
export function renderCardFragment(centre: CentreCardData, options: CardOptions): string {
  const t = TEXT[options.locale];
  const rating = centre.currentRating;
  const tierLabel = tierText(rating, options.locale);
  const stars = rating ? `<span class="stars" aria-hidden="true">${starGlyphs(rating.stars)}</span>` : '';
  const place = [...centre.region.ancestors.map((a) => a.name).slice(1), centre.region.name].join(' · ');
  const profile = centre.profile;
  const cover = profile?.cover
    ? `<img class="cover" src="${escapeHtml(profile.cover.url)}" alt="${escapeHtml(profile.cover.alternativeText ?? centre.name)}"${profile.cover.width && profile.cover.height ? ` width="${profile.cover.width}" height="${profile.cover.height}"` : ''}>`
    : '';
  const highlights = (profile?.highlights ?? [])
    .slice(0, 4)
    .map((h) => `<li><strong>${escapeHtml(formatNumber(h.value, options.locale))}</strong> <span>${escapeHtml(h.unit ?? '')}</span><br>${escapeHtml(h.label)}</li>`)
    .join('');
  const programmes = centre.brandProgrammes
    .slice(0, 8)
    .map((p) => `<li>${escapeHtml(p.name)}</li>`)
    .join('');
  const articles = centre.showcaseArticles.edges.map(({ node }) => `<li>${escapeHtml(node.title)}</li>`).join('');
  return `<article class="card" lang="${options.locale}">
  ${cover}
  <div class="body">
    <h1>${escapeHtml(centre.name)}</h1>
    <p class="rating"><span class="badge">${escapeHtml(tierLabel)}</span> ${stars}${rating ? ` <span class="muted">${escapeHtml(t.rating(rating.year))}</span>` : ''}</p>
    <p class="muted">${escapeHtml(place)}${centre.address ? `<br>${escapeHtml(centre.address)}` : ''}</p>
    ${profile?.summary ? `<p class="summary">${escapeHtml(profile.summary)}</p>` : ''}
    ${highlights ? `<ul class="highlights">${highlights}</ul>` : ''}
    ${programmes ? `<h2>${t.programmes}</h2><ul class="tags">${programmes}</ul>` : ''}
    ${articles ? `<h2>${t.articles}</h2><ul class="articles">${articles}</ul>` : ''}
    <p><a href="${escapeHtml(options.moreUrl)}" target="_blank" rel="noopener">${t.more} →</a></p>
  </div>
</article>`;
}

/** Portals may override any --card-* custom property from their own CSS (web component) or ?theme. */
export const CARD_CSS = `
.card { --card-bg: #ffffff; --card-fg: #1b1f24; --card-muted: #4b5563; --card-accent: #b91c1c; --card-star: #b45309; --card-border: #d0d7de;
  font: var(--card-font-size, 16px)/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  background: var(--card-bg); color: var(--card-fg); border: 1px solid var(--card-border); border-radius: 12px; overflow: hidden; max-width: 40rem; margin: 0 auto; }
.card.dark, .dark .card { --card-bg: #111827; --card-fg: #f3f4f6; --card-muted: #c7ced8; --card-accent: #fca5a5; --card-star: #fbbf24; --card-border: #374151; }
@media (prefers-color-scheme: dark) { .auto .card { --card-bg: #111827; --card-fg: #f3f4f6; --card-muted: #c7ced8; --card-accent: #fca5a5; --card-star: #fbbf24; --card-border: #374151; } }
.large .card { --card-font-size: 21px; }
.card .cover { display: block; width: 100%; height: auto; max-height: 14em; object-fit: cover; }
.card .body { padding: 1em 1.25em; }
.card h1 { font-size: 1.35em; margin: 0 0 .25em; }
.card h2 { font-size: 1em; margin: 1em 0 .25em; color: var(--card-accent); }
.card .badge { display: inline-block; background: var(--card-accent); color: var(--card-bg); border-radius: 999px; padding: 0 .6em; font-weight: 600; }
.card .stars { color: var(--card-star); letter-spacing: .1em; }
.card .muted { color: var(--card-muted); margin: .25em 0; }
.card ul { padding: 0; margin: 0; list-style: none; }
.card .highlights { display: grid; grid-template-columns: repeat(auto-fill, minmax(8em, 1fr)); gap: .5em; margin: .75em 0; }
.card .highlights li { border: 1px solid var(--card-border); border-radius: 8px; padding: .4em .6em; font-size: .9em; }
.card .highlights strong { font-size: 1.3em; }
.card .tags li { display: inline-block; border: 1px solid var(--card-border); border-radius: 999px; padding: 0 .6em; margin: 0 .3em .3em 0; }
.card .articles li { margin: .2em 0; }
.card a { color: var(--card-accent); }
`;

/** The tier in words, as the card and the star badge say it: 市级五星, 县级4星, 暂未评星. */
export function tierText(rating: Pick<NonNullable<CentreCardData['currentRating']>, 'stars' | 'tier'> | null, locale: CardOptions['locale']): string {
  const t = TEXT[locale];
  return !rating ? t.unrated : rating.tier === 'CITY' ? t.city : t.county(rating.stars);
}

/** ★★★★☆: filled stars out of five. */
export function starGlyphs(stars: number): string {
  return `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}`;
}

/** 2024年度评定 / rated for 2024. */
export function ratedForText(year: number, locale: CardOptions['locale']): string {
  return TEXT[locale].rating(year);
}

function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN').format(value);
}

/** The card as a whole page, for iframes. */
export function renderCardPage(centre: CentreCardData, options: CardOptions & { oembedUrl: string }): string {
  return `<!doctype html>
<html lang="${options.locale}" class="${options.theme} ${options.size}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(centre.name)}</title>
<link rel="alternate" type="application/json+oembed" href="${escapeHtml(options.oembedUrl)}" title="${escapeHtml(centre.name)}">
<style>html, body { margin: 0; background: transparent; } body { padding: 8px; }${CARD_CSS}</style>
</head>
<body>
${renderCardFragment(centre, options)}
</body>
</html>
`;
}
