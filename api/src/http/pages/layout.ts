import type { Request, Response } from 'express';
import { escapeHtml } from '../../modules/editorial/rich-text';
import { starGlyphs } from '../embed/centre-card';

export type PageLocale = 'zh-Hans' | 'en';
export const PAGE_LOCALES: readonly PageLocale[] = ['zh-Hans', 'en'];

/** `?locale=en` (the cards' spelling; `?lang=en`, the showcase's first one, still works); Chinese otherwise. */
export function pageLocale(req: Request): PageLocale {
  return req.query.locale === 'en' || req.query.lang === 'en' ? 'en' : 'zh-Hans';
}

/** A page's path in a locale: Chinese has no parameter, English adds `locale=en` last. */
export function localePath(path: string, locale: PageLocale, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...params, ...(locale === 'en' ? { locale: 'en' } : {}) }).toString();
  return query ? `${path}?${query}` : path;
}

export const SITE_TEXT = {
  'zh-Hans': {
    site: '玉溪市星级党群服务中心',
    skip: '跳到正文',
    home: '全部中心',
    sitemap: '网站地图',
    language: '语言',
    switchTo: 'English',
    footer: '数据来自玉溪市星级党群服务中心评定与各中心发布的内容。',
  },
  en: {
    site: "Yuxi's star-rated party-and-masses service centres",
    skip: 'Skip to content',
    home: 'All centres',
    sitemap: 'Sitemap',
    language: 'Language',
    switchTo: '中文',
    footer: "From Yuxi's star ratings of party-and-masses service centres and what each centre publishes.",
  },
};

const ZH_NUMERALS = ['零', '一', '二', '三', '四', '五'];

/** What a screen reader says for a rating: 五星级 / 5 stars. */
export function starsInWords(stars: number, locale: PageLocale): string {
  return locale === 'en' ? `${stars} stars` : `${ZH_NUMERALS[stars] ?? stars}星级`;
}

/** The glyphs for the eye, the words for everyone else. */
export function starsHtml(stars: number, locale: PageLocale): string {
  return `<span class="stars" role="img" aria-label="${starsInWords(stars, locale)}"><span aria-hidden="true">${starGlyphs(stars)}</span></span>`;
}

export interface PageImage {
  url: string;
  width: number | null;
  height: number | null;
  alternativeText: string | null;
}

export interface PageHead {
  /** The page's own title; <title> adds the site's name. */
  title: string;
  description: string;
  /** The page's path without the locale parameter, e.g. /centres/530402901000-01. */
  path: string;
  /** Other parameters that make the page what it is (filters, page number). */
  params?: Record<string, string>;
  ogType: 'website' | 'article';
  image?: PageImage | null;
  /** schema.org data; written as JSON that cannot end its <script>. */
  jsonLd: object;
  /** The locales this page's content exists in (hreflang); both unless a translation is missing. */
  locales?: readonly PageLocale[];
  /** Error pages: not indexed, so neither canonical nor alternates. */
  noindex?: boolean;
}

/**
 * Every public page's frame: <html lang>, canonical and hreflang links, Open Graph, JSON-LD,
 * a skip link, a header with the language switch, one <main> and a footer. No scripts run.
 */
export function renderPage({ locale, head, main, publicUrl, css = '' }: { locale: PageLocale; head: PageHead; main: string; publicUrl: string; css?: string }): string {
  const t = SITE_TEXT[locale];
  const other: PageLocale = locale === 'en' ? 'zh-Hans' : 'en';
  const locales = head.locales ?? PAGE_LOCALES;
  const url = (l: PageLocale) => `${publicUrl}${localePath(head.path, l, head.params)}`;
  // A page shown in a locale its content lacks is a copy of the page that has it.
  const canonical = url(locales.includes(locale) ? locale : locales[0]!);
  const alternates = locales.map((l) => `<link rel="alternate" hreflang="${l}" href="${escapeHtml(url(l))}">`).join('\n');
  const image = head.image;
  const meta = [
    ['og:type', head.ogType],
    ['og:site_name', t.site],
    ['og:title', head.title],
    ['og:description', head.description],
    ['og:url', canonical],
    ['og:locale', locale === 'en' ? 'en_US' : 'zh_CN'],
    ['og:locale:alternate', locale === 'en' ? 'zh_CN' : 'en_US'],
    ...(image
      ? [
          ['og:image', image.url],
          ['og:image:alt', image.alternativeText ?? head.title],
        ]
      : []),
    ...(image?.width && image.height
      ? [
          ['og:image:width', String(image.width)],
          ['og:image:height', String(image.height)],
        ]
      : []),
  ]
    .map(([property, content]) => `<meta property="${property}" content="${escapeHtml(content!)}">`)
    .join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(head.title === t.site ? t.site : `${head.title} · ${t.site}`)}</title>
<meta name="description" content="${escapeHtml(head.description)}">
${head.noindex ? '<meta name="robots" content="noindex">' : `<link rel="canonical" href="${escapeHtml(canonical)}">\n${alternates}\n<link rel="alternate" hreflang="x-default" href="${escapeHtml(url(locales[0]!))}">`}
${meta}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<script type="application/ld+json">${jsonLdText(head.jsonLd)}</script>
<style>${BASE_CSS}${css}</style>
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header class="site">
  <a href="${escapeHtml(localePath('/', locale))}" class="home">${t.site}</a>
  <a href="${escapeHtml(localePath(head.path, other, head.params))}" lang="${other}" hreflang="${other}">${t.switchTo}</a>
</header>
<main id="main">
${main}
</main>
<footer class="site">
  <p>${t.footer}</p>
  <p><a href="${escapeHtml(localePath('/', locale))}">${t.home}</a> · <a href="/sitemap.xml">${t.sitemap}</a></p>
</footer>
</body>
</html>
`;
}

/** JSON for a <script> element: `<`, `>` and `&` as \u escapes, so no text inside can close it. */
export function jsonLdText(value: object): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A page that is missing in earnest (no such centre or article): 404 in both languages, briefly cacheable. */
export function sendPageNotFound(res: Response, { zh, en }: { zh: string; en: string }, publicUrl: string): void {
  res
    .status(404)
    .set('Cache-Control', 'public, max-age=60')
    .type('html')
    .send(
      renderPage({
        locale: 'zh-Hans',
        publicUrl,
        head: {
          title: '找不到页面 / Not found',
          description: zh,
          path: '/',
          ogType: 'website',
          jsonLd: { '@context': 'https://schema.org', '@type': 'WebPage', name: 'Not found' },
          noindex: true,
        },
        main: `<h1>找不到页面 <span lang="en">/ Not found</span></h1>
<p>${escapeHtml(zh)}</p>
<p lang="en">${escapeHtml(en)}</p>
<p><a href="/">查看全部中心</a> · <a href="/?locale=en" lang="en">See every centre</a></p>`,
      }),
    );
}

/** The API could not answer the page's query (an outage, not an absence): 503, never cached, never a 404. */
export function sendPageUnavailable(res: Response, publicUrl: string): void {
  res
    .status(503)
    .set({ 'Retry-After': '30', 'Cache-Control': 'no-store' })
    .type('html')
    .send(
      renderPage({
        locale: 'zh-Hans',
        publicUrl,
        head: {
          title: '暂时无法显示 / Unavailable',
          description: '暂时无法显示',
          path: '/',
          ogType: 'website',
          jsonLd: { '@context': 'https://schema.org', '@type': 'WebPage' },
          noindex: true,
        },
        main: `<h1>暂时无法显示 <span lang="en">/ Unavailable</span></h1>
<p>页面暂时无法显示,请稍后再试。</p>
<p lang="en">This page is unavailable right now: try again in a moment.</p>`,
      }),
    );
}

const BASE_CSS = `
  body { font: 17px/1.7 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; max-width: 60rem; margin: 0 auto; padding: 0 1.25rem 1rem; color: #1b1f24; background: #fff; }
  a { color: #9f1239; }
  .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
  .skip:focus { left: .5rem; }
  header.site { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; padding: .75rem 0; border-bottom: 3px solid #b91c1c; }
  header.site .home { font-weight: 700; color: #b91c1c; text-decoration: none; font-size: 1.1rem; }
  footer.site { margin-top: 2rem; border-top: 1px solid #d0d7de; color: #4b5563; font-size: .9rem; }
  h1 { font-size: 1.7rem; line-height: 1.3; margin: 1rem 0 .5rem; }
  h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; color: #991b1b; }
  .stars { color: #b45309; letter-spacing: .1em; white-space: nowrap; }
  .badge { display: inline-block; background: #b91c1c; color: #fff; border-radius: 999px; padding: 0 .6em; font-weight: 600; font-size: .9em; }
  .muted { color: #4b5563; }
  .note { background: #fff4ce; border: 1px solid #e0b400; padding: .5rem .75rem; border-radius: .375rem; }
  img { max-width: 100%; height: auto; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
