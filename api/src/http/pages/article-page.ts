import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { escapeHtml } from '../../modules/editorial/rich-text';
import { repoRoot } from '../../paths';
import { tierText } from '../embed/centre-card';
import { nestHeadings } from './headings';
import { localePath, type PageImage, type PageLocale, pageLocale, renderPage, sendPageNotFound, sendPageUnavailable, SITE_TEXT, starsHtml } from './layout';
import { chargeVisitor, type PageDeps, sendPublicPage } from './page-answer';

const ARTICLE_PAGE_OPERATION = readFileSync(path.join(repoRoot(), 'schema', 'operations', 'article-page.graphql'), 'utf8');
/** The CMS's uid characters, at most the 120 the API accepts. */
export const ARTICLE_SLUG = /^[A-Za-z0-9._~-]{1,120}$/;

/** Exactly what schema/operations/article-page.graphql returns. */
interface ArticlePageData {
  article: {
    slug: string;
    title: string;
    summary: string | null;
    series: string | null;
    episode: number | null;
    source: string | null;
    author: string | null;
    publishedDate: string | null;
    publishedAt: string;
    resolvedLocale: string;
    body: { html: string };
    cover: PageImage | null;
    centres: Array<{ code: string; name: string; currentRating: { stars: number; tier: 'COUNTY' | 'CITY' } | null }>;
    brandProgrammes: Array<{ slug: string; name: string }>;
  } | null;
  chinese: { resolvedLocale: string } | null;
  english: { resolvedLocale: string } | null;
}

const TEXT = {
  'zh-Hans': {
    untranslated: '',
    episode: (n: number) => `第${n}期`,
    source: '来源',
    author: '作者',
    centres: '文中的中心',
    programmes: '服务品牌',
    back: '返回全部中心',
  },
  en: {
    untranslated: 'This article has not been translated into English yet; it is shown in Chinese.',
    episode: (n: number) => `episode ${n}`,
    source: 'Source',
    author: 'Author',
    centres: 'Centres in this article',
    programmes: 'Service brands',
    back: 'Back to every centre',
  },
};

/** GET /articles/:slug: a showcase article, in the locale asked for or else in Chinese, saying so. */
export function articlePageRouter(deps: PageDeps): Router {
  const router = express.Router();
  router.get('/articles/:slug', async (req, res) => {
    const locale = pageLocale(req);
    const slug = req.params.slug;
    const missing = { zh: `没有网址为 ${slug.slice(0, 120)} 的展播文章。`, en: `No showcase article has the address ${slug.slice(0, 120)}.` };
    if (!ARTICLE_SLUG.test(slug)) {
      sendPageNotFound(res, missing, deps.publicUrl);
      return;
    }
    const client = await chargeVisitor(req, res, deps);
    if (!client) return;
    const answer = await deps.runQuery<ArticlePageData>(ARTICLE_PAGE_OPERATION, { slug, locale }, client);
    if (!answer) {
      sendPageUnavailable(res, deps.publicUrl);
      return;
    }
    const { article, chinese, english } = answer.data;
    const locales = [...(chinese ? ['zh-Hans' as const] : []), ...(english?.resolvedLocale === 'en' ? ['en' as const] : [])];
    if (!article && locales.length > 0) {
      // Written in English only: its Chinese address leads there rather than to a false "not found".
      res.redirect(302, localePath(`/articles/${encodeURIComponent(slug)}`, 'en'));
    } else if (!article) {
      sendPageNotFound(res, missing, deps.publicUrl);
    } else {
      sendPublicPage(res, renderArticlePage(article, locale, locales, deps.publicUrl), answer.surrogateKey);
    }
  });
  return router;
}

function renderArticlePage(article: NonNullable<ArticlePageData['article']>, locale: PageLocale, locales: PageLocale[], publicUrl: string): string {
  const t = TEXT[locale];
  const isFallback = article.resolvedLocale !== locale;
  const contentLang = isFallback ? ` lang="${escapeHtml(article.resolvedLocale)}"` : '';
  const date = article.publishedDate ?? article.publishedAt.slice(0, 10);
  // The byline is part of the article: in the article's language, also when it is a fallback.
  const inArticle = TEXT[article.resolvedLocale === 'en' ? 'en' : 'zh-Hans'];
  const series = [article.series, article.episode ? inArticle.episode(article.episode) : null].filter(Boolean).join(' ');
  const byline = [series, article.author ? `${inArticle.author}: ${article.author}` : null, article.source ? `${inArticle.source}: ${article.source}` : null]
    .filter(Boolean)
    .map((s) => escapeHtml(s!));
  const cover = article.cover
    ? `<figure class="cover"><img src="${escapeHtml(article.cover.url)}" alt="${escapeHtml(article.cover.alternativeText ?? article.title)}"${article.cover.width && article.cover.height ? ` width="${article.cover.width}" height="${article.cover.height}"` : ''}></figure>`
    : '';
  const centres = article.centres
    .map(
      (c) =>
        `<li><a href="${escapeHtml(localePath(`/centres/${c.code}`, locale))}" lang="zh-Hans">${escapeHtml(c.name)}</a> ${c.currentRating ? `${starsHtml(c.currentRating.stars, locale)} <span class="muted">${escapeHtml(tierText(c.currentRating, locale))}</span>` : ''}</li>`,
    )
    .join('');
  const programmes = article.brandProgrammes.map((p) => `<li>${escapeHtml(p.name)}</li>`).join('');
  const url = `${publicUrl}${localePath(`/articles/${encodeURIComponent(article.slug)}`, locale)}`;
  const main = `${isFallback ? `<p class="note">${t.untranslated}</p>` : ''}
<article${contentLang}>
<h1>${escapeHtml(article.title)}</h1>
<p class="byline muted"><time datetime="${escapeHtml(date)}">${escapeHtml(date)}</time>${byline.map((part) => ` · ${part}`).join('')}</p>
${cover}
${article.summary ? `<p class="summary">${escapeHtml(article.summary)}</p>` : ''}
<div class="body">${nestHeadings(article.body.html, 1)}</div>
</article>
${centres ? `<section aria-labelledby="centres"><h2 id="centres">${t.centres}</h2><ul>${centres}</ul></section>` : ''}
${programmes ? `<section aria-labelledby="programmes"><h2 id="programmes">${t.programmes}</h2><ul${contentLang}>${programmes}</ul></section>` : ''}
<p><a href="${escapeHtml(localePath('/', locale))}">← ${t.back}</a></p>`;
  return renderPage({
    locale,
    publicUrl,
    css: CSS,
    main,
    head: {
      title: article.title,
      description: article.summary || series || article.title,
      path: `/articles/${encodeURIComponent(article.slug)}`,
      ogType: 'article',
      image: article.cover,
      locales,
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'Article',
        headline: article.title,
        description: article.summary || undefined,
        datePublished: date,
        dateModified: article.publishedAt,
        inLanguage: article.resolvedLocale,
        image: article.cover ? [article.cover.url] : undefined,
        author: article.author ? { '@type': 'Person', name: article.author } : undefined,
        publisher: { '@type': 'Organization', name: SITE_TEXT[locale].site, url: `${publicUrl}/` },
        mainEntityOfPage: url,
        url,
        about: article.centres.map((c) => ({ '@type': 'GovernmentOffice', name: c.name, url: `${publicUrl}${localePath(`/centres/${c.code}`, locale)}` })),
      },
    },
  });
}

const CSS = `
  article h1 { margin-top: 1.25rem; }
  .byline { margin: 0 0 1rem; }
  .summary { font-size: 1.1rem; color: #3b4350; }
  .cover { margin: 1rem 0; }
  .cover img { border-radius: .5rem; }
  .body h2, .body h3 { color: #1b1f24; }
  .body figure { margin: 1rem 0; }
`;
