import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { PUBLIC_CACHE_CONTROL } from '../../cache/cache.plugin';
import { Tags } from '../../cache/cache-tags';
import type { ResponseCache } from '../../cache/response-cache';
import { escapeHtml } from '../../modules/editorial/rich-text';
import { ARTICLE_SLUG } from './article-page';
import { CENTRE_CODE } from './centre-page';
import { localePath, PAGE_LOCALES, type PageLocale } from './layout';
import { chargeVisitor, type PageDeps } from './page-answer';

/**
 * A sitemap holds at most 50,000 URLs: 12,500 centres and 12,500 articles in two locales.
 * (Yuxi has ~3,200 centres and ~6,300 articles; past the cap a sitemap index is the next step.)
 */
const MAX_ROWS_PER_KIND = 12_500;
/** Kept in the response cache under this key, and purged with the centre and article lists. */
const CACHE_KEY = 'page:/sitemap.xml';

interface SitemapEntry {
  path: string;
  locales: readonly PageLocale[];
  lastmod: Date | string | null;
}

/**
 * GET /sitemap.xml: every centre page and every published article page, in each locale it
 * exists in, with hreflang alternates. Built from two plain SQL reads, kept until a centre
 * or article list changes (or for the cache's five minutes), and charged as one page.
 * GET /robots.txt points crawlers to it.
 */
export function sitemapRouter(deps: PageDeps & { orm: MikroORM; responseCache: ResponseCache }): Router {
  const router = express.Router();
  router.get('/sitemap.xml', async (req, res) => {
    const client = await chargeVisitor(req, res, deps);
    if (!client) return;
    let xml = deps.responseCache.get(CACHE_KEY)?.answer;
    if (!xml) {
      xml = Buffer.from(renderSitemap(await readEntries(deps.orm), deps.publicUrl));
      deps.responseCache.set(CACHE_KEY, { answer: xml, cost: undefined, tags: [Tags.centreLists, Tags.articleLists] });
    }
    res
      .set({ 'Cache-Control': PUBLIC_CACHE_CONTROL, 'Surrogate-Key': `${Tags.centreLists} ${Tags.articleLists}` })
      .type('application/xml')
      .send(xml);
  });
  router.get('/robots.txt', (_req, res) => {
    res
      .set('Cache-Control', 'public, max-age=3600')
      .type('text/plain')
      .send(`User-agent: *\nDisallow: /graphql\nDisallow: /preview/\nDisallow: /webhooks/\n\nSitemap: ${deps.publicUrl}/sitemap.xml\n`);
  });
  return router;
}

async function readEntries(orm: MikroORM): Promise<SitemapEntry[]> {
  const connection = orm.em.getConnection('read');
  const centres = await connection.execute<Array<{ code: string; lastmod: Date | null }>>(
    `select c.code, max(p.source_updated_at) as lastmod from centre c left join editorial_centre_profile p on p.centre_code = c.code
     group by c.code order by c.code limit ${MAX_ROWS_PER_KIND}`,
  );
  const articles = await connection.execute<Array<{ slug: string; locales: string[]; lastmod: Date }>>(
    `select slug, array_agg(distinct locale) as locales, max(source_updated_at) as lastmod from editorial_showcase_article
     group by slug order by slug limit ${MAX_ROWS_PER_KIND}`,
  );
  return [
    { path: '/', locales: PAGE_LOCALES, lastmod: null },
    // An address its page would refuse is not listed: the sitemap leads to no false "not found".
    ...centres.filter((row) => CENTRE_CODE.test(row.code)).map((row) => ({ path: `/centres/${row.code}`, locales: PAGE_LOCALES, lastmod: row.lastmod })),
    ...articles
      .filter((row) => ARTICLE_SLUG.test(row.slug))
      .map((row) => ({ path: `/articles/${encodeURIComponent(row.slug)}`, locales: PAGE_LOCALES.filter((l) => row.locales.includes(l)), lastmod: row.lastmod }))
      .filter((entry) => entry.locales.length > 0),
  ];
}

function renderSitemap(entries: SitemapEntry[], publicUrl: string): string {
  const urls: string[] = [];
  for (const entry of entries) {
    const href = (locale: PageLocale) => escapeHtml(`${publicUrl}${localePath(entry.path, locale)}`);
    const alternates = [
      ...entry.locales.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${href(l)}"/>`),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${href(entry.locales[0]!)}"/>`,
    ].join('');
    const lastmod = entry.lastmod ? `<lastmod>${new Date(entry.lastmod).toISOString()}</lastmod>` : '';
    for (const locale of entry.locales) urls.push(`<url><loc>${href(locale)}</loc>${lastmod}${alternates}</url>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
}
