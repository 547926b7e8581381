import express, { type Router } from 'express';
import { escapeHtml } from '../../modules/editorial/rich-text';
import { encodeCursor } from '../../shared/pagination';
import { CENTRE_CODE } from './centre-page';
import { localePath, type PageLocale, pageLocale, renderPage, sendPageUnavailable, SITE_TEXT } from './layout';
import { chargeVisitor, type PageDeps, sendPublicPage } from './page-answer';

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
export function showcaseRouter(deps: PageDeps): Router {
  const router = express.Router();
  router.get('/', async (req, res) => {
    const locale = pageLocale(req);
    // `?centre=<code>` (where cards' 查看详情 links led): the centre has a page of its own now.
    if (typeof req.query.centre === 'string' && CENTRE_CODE.test(req.query.centre)) {
      res.set('Cache-Control', 'public, max-age=86400').redirect(301, localePath(`/centres/${req.query.centre}`, locale));
      return;
    }
    const county = typeof req.query.county === 'string' && /^\d{6}(\d{6})?$/.test(req.query.county) ? req.query.county : '';
    const stars = ['3', '4', '5'].includes(String(req.query.stars)) ? Number(req.query.stars) : undefined;
    const filter = { ...(county ? { regionCode: county } : {}), ...(stars ? { stars: [stars], year: YEAR } : {}) };
    const page = /^[1-9]\d{0,3}$/.test(String(req.query.page ?? '')) ? Number(req.query.page) : 1;
    // The cursor of the last centre of the previous page (cursors are offsets: shared/pagination.ts).
    const after = page > 1 ? encodeCursor((page - 1) * PAGE_SIZE - 1) : null;
    const client = await chargeVisitor(req, res, deps);
    if (!client) return;
    const answer = await deps.runQuery<PageData>(PAGE_QUERY, { filter, year: YEAR, after }, client);
    if (!answer) {
      sendPageUnavailable(res, deps.publicUrl);
      return;
    }
    sendPublicPage(res, renderShowcase(answer.data, { locale, county, stars, page, publicUrl: deps.publicUrl }), answer.surrogateKey);
  });
  return router;
}

function renderShowcase(
  data: PageData,
  { locale, county, stars, page, publicUrl }: { locale: PageLocale; county: string; stars?: number; page: number; publicUrl: string },
): string {
  const t = TEXT[locale];
  const filters = { ...(county ? { county } : {}), ...(stars ? { stars: String(stars) } : {}) };
  const params = { ...filters, ...(page > 1 ? { page: String(page) } : {}) };
  const pageLink = (number: number) => escapeHtml(localePath('/', locale, { ...filters, ...(number > 1 ? { page: String(number) } : {}) }));
  const pages = Math.max(1, Math.ceil(data.centres.totalCount / PAGE_SIZE));
  const pager =
    pages > 1
      ? `<nav aria-label="${t.pages}" class="pager">${page > 1 ? `<a href="${pageLink(page - 1)}#list" rel="prev">${t.previous}</a>` : ''}
  <span>${t.pageOf(page, pages)}</span>${page < pages ? `<a href="${pageLink(page + 1)}#list" rel="next">${t.next}</a>` : ''}</nav>`
      : '';
  const countyOptions = data.counties.map((c) => `<option value="${c.code}"${c.code.startsWith(county) && county ? ' selected' : ''}>${escapeHtml(c.name)}</option>`).join('');
  const starOptions = [5, 4, 3].map((n) => `<option value="${n}"${stars === n ? ' selected' : ''}>${t.starsLabel(n)}</option>`).join('');
  const centreUrl = (code: string) => `${publicUrl}${localePath(`/centres/${code}`, locale)}`;
  const rows = data.centres.edges
    .map(({ node }) => {
      // County-level codes end in six zeros; the city's (530400000000) in eight.
      const countyName = [...node.region.ancestors, node.region].find((r) => /^\d{4}[1-9]\d0{6}$|^\d{5}[1-9]0{6}$/.test(r.code))?.name ?? node.region.name;
      const rating = node.currentRating
        ? `<span class="stars" role="img" aria-label="${t.starsLabel(node.currentRating.stars)}">${'★'.repeat(node.currentRating.stars)}</span>${node.currentRating.tier === 'CITY' ? ` <span class="badge">${locale === 'en' ? 'City' : '市级'}</span>` : ''}`
        : `<span class="muted">${t.unrated}</span>`;
      return `<li><a href="${escapeHtml(localePath(`/centres/${node.code}`, locale))}">${escapeHtml(node.name)}</a> ${rating} <span class="muted">${escapeHtml(countyName)}</span></li>`;
    })
    .join('\n');
  const main = `<h1>${t.title}</h1>
<p class="muted">${t.lead}</p>
<form method="get" action="/">
  <label>${t.county}<select name="county"><option value="">${t.all}</option>${countyOptions}</select></label>
  <label>${t.stars}<select name="stars"><option value="">${t.all}</option>${starOptions}</select></label>
  ${locale === 'en' ? '<input type="hidden" name="locale" value="en">' : ''}
  <button type="submit">${t.filter}</button>
</form>
<h2>${t.chart}</h2>
${renderChart(data.ratingStatistics.byRegion, t)}
<h2 id="list">${t.found(data.centres.totalCount)}</h2>
<ul class="centres">
${rows}
</ul>
${pager}`;
  return renderPage({
    locale,
    publicUrl,
    css: CSS,
    main,
    head: {
      title: page > 1 ? `${t.title} · ${t.pageOf(page, pages)}` : t.title,
      description: t.lead,
      path: '/',
      params,
      ogType: 'website',
      jsonLd: {
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: SITE_TEXT[locale].site, url: `${publicUrl}/`, inLanguage: locale },
          {
            '@type': 'ItemList',
            name: t.found(data.centres.totalCount),
            numberOfItems: data.centres.totalCount,
            itemListElement: data.centres.edges.map(({ node }, index) => ({
              '@type': 'ListItem',
              position: (page - 1) * PAGE_SIZE + index + 1,
              name: node.name,
              url: centreUrl(node.code),
            })),
          },
        ],
      },
    },
  });
}

const CSS = `
  form { display: flex; gap: .75rem; flex-wrap: wrap; align-items: end; margin: 1rem 0; }
  label { display: flex; flex-direction: column; font-weight: 600; }
  select, button { font: inherit; padding: .3rem .5rem; }
  button { background: #b91c1c; color: #fff; border: 0; border-radius: 6px; padding: .35rem 1rem; }
  ul.centres { columns: 2 22rem; padding-left: 1.2rem; }
  svg text { font-size: 13px; fill: #1b1f24; }
  .pager { display: flex; gap: 1rem; align-items: baseline; margin: 1rem 0; }
`;

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
