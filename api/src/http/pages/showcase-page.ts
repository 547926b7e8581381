import express, { type Router } from 'express';
import { PUBLIC_CACHE_CONTROL } from '../../cache/cache.plugin';
import { escapeHtml } from '../../modules/editorial/rich-text';
import { anonymousClient, type RequestClient } from '../client-identity';
import { type ChargePage, sendPageRateLimited } from '../page-budget';
import { renderMessagePage } from '../preview-page';
import { CARD_OPERATION } from '../embed/embed.router';
import { CARD_CSS, type CentreCardData, renderCardFragment } from '../embed/centre-card';
import { encodeCursor } from '../../shared/pagination';

const PAGE_SIZE = 100;
const PAGE_QUERY = `query ShowcasePage($filter: CentreFilter, $year: Int!, $after: String) {
  counties: regions(parentCode: "530400", level: COUNTY) { code name }
  ratingStatistics(year: $year) { byRegion { region { code name } countyFiveStar countyFourStar countyThreeStar cityFiveStar } }
  centres(filter: $filter, first: ${PAGE_SIZE}, after: $after, orderBy: { field: STARS, direction: DESC }) {
    totalCount
    edges { node { code name region { code name ancestors { code name } } currentRating { stars tier } } }
  }
}`;

interface PageData {
  counties: Array<{ code: string; name: string }>;
  ratingStatistics: { byRegion: Array<{ region: { code: string; name: string }; countyFiveStar: number; countyFourStar: number; countyThreeStar: number; cityFiveStar: number }> };
  centres: {
    totalCount: number;
    edges: Array<{
      node: {
        code: string;
        name: string;
        region: { code: string; name: string; ancestors: Array<{ code: string; name: string }> };
        currentRating: { stars: number; tier: string } | null;
      };
    }>;
  };
}

const YEAR = 2024;
const TEXT = {
  'zh-Hans': {
    title: '玉溪市星级党群服务中心',
    lead: `${YEAR}年度星级评定结果与各中心名片`,
    county: '县(市、区)',
    all: '全部',
    stars: '星级',
    filter: '筛选',
    chart: '各县(市、区)星级分布',
    five: '五星',
    four: '四星',
    three: '三星',
    city: '其中市级五星',
    found: (n: number) => `共 ${n} 个中心`,
    switchTo: 'English',
    unrated: '未评星',
    starsLabel: (n: number) => `${n}星`,
    pageOf: (page: number, pages: number) => `第 ${page} 页,共 ${pages} 页`,
    previous: '上一页',
    next: '下一页',
    pages: '分页',
  },
  en: {
    title: "Yuxi's star-rated party-and-masses service centres",
    lead: `Ratings for ${YEAR} and every centre's card`,
    county: 'County',
    all: 'All',
    stars: 'Stars',
    filter: 'Filter',
    chart: 'Stars by county',
    five: '5 stars',
    four: '4 stars',
    three: '3 stars',
    city: 'of which city five-star',
    found: (n: number) => `${n} centres`,
    switchTo: '中文',
    unrated: 'not rated',
    starsLabel: (n: number) => `${n} stars`,
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
    previous: 'Previous',
    next: 'Next',
    pages: 'Pages',
  },
};

/**
 * GET /: the living example of what a portal builds from the API. Server-rendered, no
 * scripts: filters are a GET form, the chart is inline SVG with a table behind it.
 */
export function showcaseRouter({
  runQuery,
  anonymousRatePerMinute,
  chargePage,
}: {
  runQuery: (query: string, variables: Record<string, unknown>, client: RequestClient) => Promise<unknown>;
  anonymousRatePerMinute: number;
  /** A view is charged as one page (http/page-budget.ts), not as the query behind it. */
  chargePage: ChargePage;
}): Router {
  const router = express.Router();
  router.get('/', async (req, res) => {
    const locale = req.query.lang === 'en' ? 'en' : 'zh-Hans';
    const county = typeof req.query.county === 'string' && /^\d{6}(\d{6})?$/.test(req.query.county) ? req.query.county : '';
    const stars = ['3', '4', '5'].includes(String(req.query.stars)) ? Number(req.query.stars) : undefined;
    const filter = { ...(county ? { regionCode: county } : {}), ...(stars ? { stars: [stars], year: YEAR } : {}) };
    const page = /^[1-9]\d{0,3}$/.test(String(req.query.page ?? '')) ? Number(req.query.page) : 1;
    // The cursor of the last centre of the previous page (cursors are offsets: shared/pagination.ts).
    const after = page > 1 ? encodeCursor((page - 1) * PAGE_SIZE - 1) : null;
    const centreCode = typeof req.query.centre === 'string' && /^\d{12}-\d{2}$/.test(req.query.centre) ? req.query.centre : null;
    const charge = await chargePage(anonymousClient(req, anonymousRatePerMinute));
    if (!charge.allowed) {
      sendPageRateLimited(res, charge.retryAfterSeconds);
      return;
    }
    const data = (await runQuery(PAGE_QUERY, { filter, year: YEAR, after }, charge.runAs)) as PageData | null;
    // `?centre=<code>` (a card's "查看详情" link): that centre's card above the list.
    const chosen = centreCode ? ((await runQuery(CARD_OPERATION, { code: centreCode, locale }, charge.runAs)) as { centre: CentreCardData | null } | null)?.centre : null;
    if (!data) {
      res
        .status(503)
        .set({ 'Retry-After': '30', 'Cache-Control': 'no-store' })
        .type('html')
        .send(renderMessagePage('暂时无法显示 / Unavailable', '中心列表暂时无法显示,请稍后再试。The centre list is unavailable right now: try again in a moment.'));
      return;
    }
    const cardHtml = chosen
      ? renderCardFragment(chosen, { locale, size: 'normal', theme: 'auto', moreUrl: `/embed/centres/${chosen.code}${locale === 'en' ? '?locale=en' : ''}` })
      : '';
    res.set('Cache-Control', PUBLIC_CACHE_CONTROL).type('html').send(renderPage(data, { locale, county, stars, page, cardHtml }));
  });
  return router;
}

function renderPage(
  data: PageData,
  { locale, county, stars, page, cardHtml }: { locale: 'zh-Hans' | 'en'; county: string; stars?: number; page: number; cardHtml: string },
): string {
  const t = TEXT[locale];
  const query = (changes: Record<string, string>) =>
    `/?${new URLSearchParams({ ...(county ? { county } : {}), ...(stars ? { stars: String(stars) } : {}), ...(locale === 'en' ? { lang: 'en' } : {}), ...changes })}`;
  const switchUrl = `/?${new URLSearchParams({ ...(county ? { county } : {}), ...(stars ? { stars: String(stars) } : {}), ...(locale === 'en' ? {} : { lang: 'en' }) })}`;
  const pages = Math.max(1, Math.ceil(data.centres.totalCount / PAGE_SIZE));
  const pager =
    pages > 1
      ? `<nav aria-label="${t.pages}" class="pager">${page > 1 ? `<a href="${escapeHtml(query({ page: String(page - 1) }))}#list" rel="prev">${t.previous}</a>` : ''}
  <span>${t.pageOf(page, pages)}</span>${page < pages ? `<a href="${escapeHtml(query({ page: String(page + 1) }))}#list" rel="next">${t.next}</a>` : ''}</nav>`
      : '';
  const countyOptions = data.counties.map((c) => `<option value="${c.code}"${c.code.startsWith(county) && county ? ' selected' : ''}>${escapeHtml(c.name)}</option>`).join('');
  const starOptions = [5, 4, 3].map((n) => `<option value="${n}"${stars === n ? ' selected' : ''}>${'★'.repeat(n)}</option>`).join('');
  const rows = data.centres.edges
    .map(({ node }) => {
      // County-level codes end in six zeros; the city's (530400000000) in eight.
      const countyName = [...node.region.ancestors, node.region].find((r) => /^\d{4}[1-9]\d0{6}$|^\d{5}[1-9]0{6}$/.test(r.code))?.name ?? node.region.name;
      const rating = node.currentRating
        ? `<span class="stars" role="img" aria-label="${t.starsLabel(node.currentRating.stars)}">${'★'.repeat(node.currentRating.stars)}</span>${node.currentRating.tier === 'CITY' ? ` <span class="badge">${locale === 'en' ? 'City' : '市级'}</span>` : ''}`
        : `<span class="muted">${t.unrated}</span>`;
      return `<li><a href="${escapeHtml(query({ centre: node.code }))}#centre">${escapeHtml(node.name)}</a> ${rating} <span class="muted">${escapeHtml(countyName)}</span></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>
  body { font: 17px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem; color: #1b1f24; }
  header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
  form { display: flex; gap: .75rem; flex-wrap: wrap; align-items: end; margin: 1rem 0; }
  label { display: flex; flex-direction: column; font-weight: 600; }
  select, button { font: inherit; padding: .3rem .5rem; }
  button { background: #b91c1c; color: #fff; border: 0; border-radius: 6px; padding: .35rem 1rem; }
  .stars { color: #b45309; letter-spacing: .1em; }
  .badge { background: #b91c1c; color: #fff; border-radius: 999px; padding: 0 .5em; font-size: .85em; }
  .muted { color: #4b5563; }
  ul.centres { columns: 2 22rem; padding-left: 1.2rem; }
  svg text { font-size: 13px; fill: #1b1f24; }
  .pager { display: flex; gap: 1rem; align-items: baseline; margin: 1rem 0; }
  .chosen { margin: 1rem 0; }
${CARD_CSS}
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
</style>
</head>
<body>
<header>
  <h1>${t.title}</h1>
  <a href="${escapeHtml(switchUrl)}" lang="${locale === 'en' ? 'zh-Hans' : 'en'}">${t.switchTo}</a>
</header>
<p class="muted">${t.lead}</p>
<form method="get" action="/">
  <label>${t.county}<select name="county"><option value="">${t.all}</option>${countyOptions}</select></label>
  <label>${t.stars}<select name="stars"><option value="">${t.all}</option>${starOptions}</select></label>
  ${locale === 'en' ? '<input type="hidden" name="lang" value="en">' : ''}
  <button type="submit">${t.filter}</button>
</form>
<h2>${t.chart}</h2>
${renderChart(data.ratingStatistics.byRegion, t)}
${cardHtml ? `<section id="centre" class="chosen">${cardHtml}</section>` : ''}
<h2 id="list">${t.found(data.centres.totalCount)}</h2>
<ul class="centres">
${rows}
</ul>
${pager}
</body>
</html>
`;
}

function renderChart(rows: PageData['ratingStatistics']['byRegion'], t: (typeof TEXT)['en']): string {
  const max = Math.max(1, ...rows.map((r) => r.countyFiveStar + r.countyFourStar + r.countyThreeStar));
  const width = 520;
  const barHeight = 22;
  const label = 200;
  const colors = { five: '#b91c1c', four: '#ea580c', three: '#f59e0b' };
  const bars = rows
    .map((row, index) => {
      const y = index * (barHeight + 8);
      const scale = (n: number) => (n / max) * width;
      const five = scale(row.countyFiveStar);
      const four = scale(row.countyFourStar);
      const three = scale(row.countyThreeStar);
      const total = row.countyFiveStar + row.countyFourStar + row.countyThreeStar;
      return `<g class="bar" data-county="${row.region.code}" data-total="${total}">
  <text x="0" y="${y + 16}">${escapeHtml(row.region.name)}</text>
  <rect x="${label}" y="${y}" width="${five.toFixed(1)}" height="${barHeight}" fill="${colors.five}"><title>${t.five}: ${row.countyFiveStar}</title></rect>
  <rect x="${(label + five).toFixed(1)}" y="${y}" width="${four.toFixed(1)}" height="${barHeight}" fill="${colors.four}"><title>${t.four}: ${row.countyFourStar}</title></rect>
  <rect x="${(label + five + four).toFixed(1)}" y="${y}" width="${three.toFixed(1)}" height="${barHeight}" fill="${colors.three}"><title>${t.three}: ${row.countyThreeStar}</title></rect>
  <text x="${(label + five + four + three + 6).toFixed(1)}" y="${y + 16}">${total}</text>
</g>`;
    })
    .join('\n');
  const height = rows.length * (barHeight + 8);
  const table = rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.region.name)}</th><td>${r.countyFiveStar}</td><td>${r.countyFourStar}</td><td>${r.countyThreeStar}</td><td>${r.cityFiveStar}</td></tr>`,
    )
    .join('');
  return `<svg role="img" aria-labelledby="chart-title" viewBox="0 0 ${label + width + 60} ${height}" width="100%">
<title id="chart-title">${t.chart}</title>
${bars}
</svg>
<p class="muted"><span style="color:${colors.five}">■</span> ${t.five} <span style="color:${colors.four}">■</span> ${t.four} <span style="color:${colors.three}">■</span> ${t.three}</p>
<table class="sr-only"><caption>${t.chart}</caption><tr><th scope="col">${t.county}</th><th scope="col">${t.five}</th><th scope="col">${t.four}</th><th scope="col">${t.three}</th><th scope="col">${t.city}</th></tr>${table}</table>`;
}
