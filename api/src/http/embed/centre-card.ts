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
  /** Where each 最新展播 title links; without it the titles are plain text. */
  articleUrl?: (slug: string) => string;
}

/** The showcase site's pages for a centre and its articles, in the card's language. */
export function cardLinks(publicUrl: string, code: string, locale: CardOptions['locale']): Pick<CardOptions, 'moreUrl' | 'articleUrl'> {
  const query = locale === 'en' ? '?locale=en' : '';
  return {
    moreUrl: `${publicUrl}/centres/${encodeURIComponent(code)}${query}`,
    articleUrl: (slug) => `${publicUrl}/articles/${encodeURIComponent(slug)}${query}`,
  };
}

const TEXT = {
  'zh-Hans': {
    stars: (n: number) => `${n}星(满分5星)`,
    city: '市级五星',
    county: (n: number) => `县级${n}星`,
    unrated: '暂未评星',
    programmes: '服务品牌',
    articles: '最新展播',
    more: '查看详情',
    rating: (y: number) => `${y}年度评定`,
  },
  en: {
    stars: (n: number) => `${n} of 5 stars`,
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
 * Three parts: the head (name, stars, short summary) and the foot (the link back) always
 * show; the details between them are what a small frame trims (card-page.ts).
 */
export function renderCardFragment(centre: CentreCardData, options: CardOptions): string {
  const t = TEXT[options.locale];
  const rating = centre.currentRating;
  const tierLabel = tierText(rating, options.locale);
  const stars = rating ? ` <span class="stars" role="img" aria-label="${escapeHtml(t.stars(rating.stars))}">${starGlyphs(rating.stars)}</span>` : '';
  const place = [...centre.region.ancestors.map((a) => a.name).slice(1), centre.region.name].join(' · ');
  const profile = centre.profile;
  const cover = profile?.cover
    ? `<img class="cover" src="${escapeHtml(profile.cover.url)}" alt="${escapeHtml(profile.cover.alternativeText ?? centre.name)}"${profile.cover.width && profile.cover.height ? ` width="${profile.cover.width}" height="${profile.cover.height}"` : ''}>`
    : '';
  const highlights = (profile?.highlights ?? [])
    .slice(0, 4)
    .map(
      (h) =>
        `<li><strong>${escapeHtml(formatNumber(h.value, options.locale))}</strong>${h.unit ? ` <small>${escapeHtml(h.unit)}</small>` : ''}<span>${escapeHtml(h.label)}</span></li>`,
    )
    .join('');
  const programmes = centre.brandProgrammes
    .slice(0, 8)
    .map((p) => `<li>${escapeHtml(p.name)}</li>`)
    .join('');
  const articleUrl = options.articleUrl;
  const articles = centre.showcaseArticles.edges
    .map(({ node }) =>
      articleUrl ? `<li><a href="${escapeHtml(articleUrl(node.slug))}" target="_blank" rel="noopener">${escapeHtml(node.title)}</a></li>` : `<li>${escapeHtml(node.title)}</li>`,
    )
    .join('');
  return `<article class="card" lang="${options.locale}" data-code="${escapeHtml(centre.code)}">
  ${cover}
  <header class="head">
    <h1>${escapeHtml(centre.name)}</h1>
    <p class="rating"><span class="badge">${escapeHtml(tierLabel)}</span>${stars}${rating ? ` <span class="muted">${escapeHtml(t.rating(rating.year))}</span>` : ''}</p>
    ${profile?.summary ? `<p class="summary">${escapeHtml(profile.summary)}</p>` : ''}
  </header>
  <div class="details">
    ${highlights ? `<ul class="highlights">${highlights}</ul>` : ''}
    ${articles ? `<section><h2>${t.articles}</h2><ul class="articles">${articles}</ul></section>` : ''}
    ${programmes ? `<section><h2>${t.programmes}</h2><ul class="tags">${programmes}</ul></section>` : ''}
    <p class="place muted">${escapeHtml(place)}${centre.address ? ` · ${escapeHtml(centre.address)}` : ''}</p>
  </div>
  <footer class="foot"><a class="more" href="${escapeHtml(options.moreUrl)}" target="_blank" rel="noopener">${t.more} →</a></footer>
</article>`;
}

/**
 * Portals may override any --card-* custom property from their own CSS (web component) or ?theme.
 * The card grows with its content here; card-page.ts fits it into a frame.
 */
export const CARD_CSS = `
.card { --card-bg: #ffffff; --card-fg: #1b1f24; --card-muted: #4b5563; --card-accent: #b91c1c; --card-star: #b45309; --card-border: #d0d7de;
  font: var(--card-font-size, 16px)/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  background: var(--card-bg); color: var(--card-fg); border: 1px solid var(--card-border); border-radius: 12px; overflow: hidden; max-width: 40rem; margin: 0 auto;
  display: flex; flex-direction: column; overflow-wrap: break-word; }
.card.dark, .dark .card { --card-bg: #111827; --card-fg: #f3f4f6; --card-muted: #c7ced8; --card-accent: #fca5a5; --card-star: #fbbf24; --card-border: #374151; }
@media (prefers-color-scheme: dark) { .auto .card { --card-bg: #111827; --card-fg: #f3f4f6; --card-muted: #c7ced8; --card-accent: #fca5a5; --card-star: #fbbf24; --card-border: #374151; } }
.large .card { --card-font-size: 21px; }
.card .cover { display: block; flex: none; width: 100%; height: auto; aspect-ratio: 4 / 1; max-height: 104px; object-fit: cover; }
.card .head, .card .foot { flex: none; padding: 0 1.25em; }
.card .head { padding-top: .9em; }
.card .details { display: flex; flex-direction: column; gap: .7em; padding-bottom: .7em; }
.card .details > * { padding: 0 1.25em; margin: 0; }
.card .foot { margin-top: auto; padding-top: .5em; padding-bottom: .7em; border-top: 1px solid var(--card-border); }
.card h1 { font-size: 1.35em; line-height: 1.3; margin: 0 0 .3em; text-wrap: balance; }
.card h2 { font-size: 1em; margin: 0 0 .2em; color: var(--card-accent); }
.card p { margin: 0; }
.card .rating { margin-bottom: .4em; }
.card .badge { display: inline-block; background: var(--card-accent); color: var(--card-bg); border-radius: 999px; padding: 0 .6em; font-weight: 600; }
.card .stars, .card .rating .muted { white-space: nowrap; }
.card .stars { color: var(--card-star); letter-spacing: .1em; }
.card .muted { color: var(--card-muted); }
.card .summary { margin-bottom: .7em; }
.card h1, .card .summary, .card .articles li, .card .highlights span { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden; }
.card h1 { -webkit-line-clamp: 3; }
.card .summary { -webkit-line-clamp: 3; }
.card .place { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.card .place { font-size: .9em; }
.card ul { padding: 0; margin: 0; list-style: none; }
/* One row of highlights, as many as fit: the rows after it have no height and are cut off. */
.card .highlights { display: grid; grid-template-columns: repeat(auto-fill, minmax(6em, 1fr)); grid-template-rows: auto; grid-auto-rows: 0; column-gap: .4em; overflow: hidden; }
.card .highlights li { border: 1px solid var(--card-border); border-radius: 8px; padding: .3em .45em; font-size: .8em; line-height: 1.4; }
.card .highlights strong { font-size: 1.25em; }
.card .highlights small { font-size: .85em; white-space: nowrap; }
.card .highlights span { -webkit-line-clamp: 2; color: var(--card-muted); }
.card .articles li { -webkit-line-clamp: 2; line-height: 1.45; }
.card .articles li + li { margin-top: .25em; }
/* Two rows of brand programmes at most: a tag is 1.6em + 2px high, .3em apart. */
.card .tags { display: flex; flex-wrap: wrap; gap: .3em; max-height: calc(3.5em + 4px); overflow: hidden; }
.card .tags li { border: 1px solid var(--card-border); border-radius: 999px; padding: 0 .6em; white-space: nowrap; max-width: 100%; box-sizing: border-box; overflow: hidden; text-overflow: ellipsis; }
.card a { color: var(--card-accent); }
.card .articles a { color: inherit; text-decoration-color: var(--card-muted); text-underline-offset: .2em; }
.card .more { font-weight: 600; }
`;

/** The card's own words in a locale (card-size.ts reckons their width). */
export function cardText(locale: CardOptions['locale']): (typeof TEXT)[CardOptions['locale']] {
  return TEXT[locale];
}

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
