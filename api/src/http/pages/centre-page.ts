import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { escapeHtml } from '../../modules/editorial/rich-text';
import { repoRoot } from '../../paths';
import { ratedForText, tierText } from '../embed/centre-card';
import { nestHeadings } from './headings';
import { localePath, type PageImage, type PageLocale, pageLocale, renderPage, sendPageNotFound, sendPageUnavailable, starsHtml } from './layout';
import { chargeVisitor, type PageDeps, sendPublicPage } from './page-answer';

const CENTRE_PAGE_OPERATION = readFileSync(path.join(repoRoot(), 'schema', 'operations', 'centre-page.graphql'), 'utf8');
export const CENTRE_CODE = /^\d{12}-\d{2}$/;

interface Named {
  code: string;
  name: string;
}

/** Exactly what schema/operations/centre-page.graphql returns. */
interface CentrePageData {
  code: string;
  name: string;
  level: string;
  address: string | null;
  slogan: string | null;
  region: Named & { ancestors: Named[] };
  parent: Named | null;
  children: Named[];
  currentRating: { year: number; stars: number; tier: 'COUNTY' | 'CITY'; awardedOn: string | null } | null;
  profile: {
    title: string;
    summary: string | null;
    resolvedLocale: string;
    body: { html: string };
    cover: PageImage | null;
    highlights: Array<{ label: string; value: number; unit: string | null }>;
    seo: { metaTitle: string | null; metaDescription: string | null; shareImage: PageImage | null } | null;
  } | null;
  brandProgrammes: Array<{ slug: string; name: string; summary: string | null; resolvedLocale: string }>;
  showcaseArticles: { totalCount: number; edges: Array<{ node: { slug: string; title: string; publishedDate: string | null; resolvedLocale: string } }> };
}

const TEXT = {
  'zh-Hans': {
    missing: (code: string) => ({ zh: `没有代码为 ${code} 的党群服务中心。`, en: `No centre has the code ${code}.` }),
    region: '所在地区',
    address: '地址',
    profile: '中心简介',
    untranslated: '',
    programmes: '服务品牌',
    articles: '最新展播',
    network: '服务网络',
    parent: '所属中心',
    children: '下属站点',
    card: '嵌入名片',
    cardHint: '在其他网站展示本中心的名片',
    back: '返回全部中心',
    description: (name: string, place: string) => `${name}(${place})的星级评定、简介、服务品牌与展播文章。`,
  },
  en: {
    missing: (code: string) => ({ zh: `没有代码为 ${code} 的党群服务中心。`, en: `No centre has the code ${code}.` }),
    region: 'Region',
    address: 'Address',
    profile: 'About the centre',
    untranslated: 'This profile has not been translated into English yet; it is shown in Chinese.',
    programmes: 'Service brands',
    articles: 'Latest showcases',
    network: 'Service network',
    parent: 'Part of',
    children: 'Stations attached',
    card: 'Embeddable card',
    cardHint: "Show this centre's card on another site",
    back: 'Back to every centre',
    description: (name: string, place: string) => `${name} (${place}): star rating, profile, service brands and showcase articles.`,
  },
};

/** GET /centres/:code: one centre's page, server-rendered in Chinese or (`?locale=en`) English. */
export function centrePageRouter(deps: PageDeps): Router {
  const router = express.Router();
  router.get('/centres/:code', async (req, res) => {
    const locale = pageLocale(req);
    const code = req.params.code;
    if (!CENTRE_CODE.test(code)) {
      sendPageNotFound(res, TEXT[locale].missing(code.slice(0, 40)), deps.publicUrl);
      return;
    }
    const client = await chargeVisitor(req, res, deps);
    if (!client) return;
    const answer = await deps.runQuery<{ centre: CentrePageData | null }>(CENTRE_PAGE_OPERATION, { code, locale }, client);
    if (!answer) {
      sendPageUnavailable(res, deps.publicUrl);
    } else if (!answer.data.centre) {
      sendPageNotFound(res, TEXT[locale].missing(code), deps.publicUrl);
    } else {
      sendPublicPage(res, renderCentrePage(answer.data.centre, locale, deps.publicUrl), answer.surrogateKey);
    }
  });
  return router;
}

function renderCentrePage(centre: CentrePageData, locale: PageLocale, publicUrl: string): string {
  const t = TEXT[locale];
  const place = [...centre.region.ancestors, centre.region].map((r) => r.name).join(' · ');
  const profile = centre.profile;
  // Centre names exist in Chinese only; an English profile's title names it in English.
  const englishTitle = locale === 'en' && profile?.resolvedLocale === 'en' ? profile.title : null;
  const heading = englishTitle ?? centre.name;
  const profileLang = profile && profile.resolvedLocale !== locale ? ` lang="${escapeHtml(profile.resolvedLocale)}"` : '';
  const rating = centre.currentRating;
  const articleLink = (slug: string) => escapeHtml(localePath(`/articles/${encodeURIComponent(slug)}`, locale));
  const centreLink = (code: string) => escapeHtml(localePath(`/centres/${code}`, locale));
  const sections = [
    `<h1>${escapeHtml(heading)}</h1>`,
    englishTitle ? `<p lang="zh-Hans" class="muted">${escapeHtml(centre.name)}</p>` : '',
    centre.slogan ? `<p class="slogan" lang="zh-Hans">${escapeHtml(centre.slogan)}</p>` : '',
    `<p class="rating"><span class="badge">${escapeHtml(tierText(rating, locale))}</span> ${rating ? `${starsHtml(rating.stars, locale)} <span class="muted">${escapeHtml(ratedForText(rating.year, locale))}</span>` : ''}</p>`,
    `<dl class="facts"><dt>${t.region}</dt><dd lang="zh-Hans">${escapeHtml(place)}</dd>${centre.address ? `<dt>${t.address}</dt><dd lang="zh-Hans">${escapeHtml(centre.address)}</dd>` : ''}</dl>`,
  ];
  if (profile) {
    const cover = profile.cover
      ? `<img class="cover" src="${escapeHtml(profile.cover.url)}" alt="${escapeHtml(profile.cover.alternativeText ?? heading)}"${size(profile.cover)}>`
      : '';
    const highlights = profile.highlights
      .map(
        (h) =>
          `<li><strong>${escapeHtml(new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN').format(h.value))}</strong> ${escapeHtml(h.unit ?? '')}<br>${escapeHtml(h.label)}</li>`,
      )
      .join('');
    sections.push(`<section aria-labelledby="profile"><h2 id="profile">${t.profile}</h2>
${profileLang ? `<p class="note">${t.untranslated}</p>` : ''}
<div${profileLang}>${cover}
${profile.summary ? `<p class="summary">${escapeHtml(profile.summary)}</p>` : ''}
${highlights ? `<ul class="highlights">${highlights}</ul>` : ''}
${nestHeadings(profile.body.html, 2)}</div></section>`);
  }
  if (centre.brandProgrammes.length > 0) {
    const items = centre.brandProgrammes
      .map((p) => `<li${p.resolvedLocale !== locale ? ' lang="zh-Hans"' : ''}><strong>${escapeHtml(p.name)}</strong>${p.summary ? `: ${escapeHtml(p.summary)}` : ''}</li>`)
      .join('');
    sections.push(`<section aria-labelledby="programmes"><h2 id="programmes">${t.programmes}</h2><ul>${items}</ul></section>`);
  }
  if (centre.showcaseArticles.edges.length > 0) {
    const items = centre.showcaseArticles.edges
      .map(
        ({ node }) =>
          `<li><a href="${articleLink(node.slug)}"${node.resolvedLocale !== locale ? ' lang="zh-Hans"' : ''}>${escapeHtml(node.title)}</a>${node.publishedDate ? ` <span class="muted">${escapeHtml(node.publishedDate)}</span>` : ''}</li>`,
      )
      .join('');
    sections.push(`<section aria-labelledby="articles"><h2 id="articles">${t.articles}</h2><ul>${items}</ul></section>`);
  }
  if (centre.parent || centre.children.length > 0) {
    const children = centre.children.map((c) => `<li><a href="${centreLink(c.code)}" lang="zh-Hans">${escapeHtml(c.name)}</a></li>`).join('');
    sections.push(`<section aria-labelledby="network"><h2 id="network">${t.network}</h2>
${centre.parent ? `<p>${t.parent}: <a href="${centreLink(centre.parent.code)}" lang="zh-Hans">${escapeHtml(centre.parent.name)}</a></p>` : ''}
${children ? `<p>${t.children}:</p><ul>${children}</ul>` : ''}</section>`);
  }
  sections.push(`<p><a href="${escapeHtml(localePath(`/embed/centres/${centre.code}`, locale))}">${t.card}</a> <span class="muted">(${t.cardHint})</span></p>
<p><a href="${escapeHtml(localePath('/', locale))}">← ${t.back}</a></p>`);
  const url = `${publicUrl}${localePath(`/centres/${centre.code}`, locale)}`;
  return renderPage({
    locale,
    publicUrl,
    css: CSS,
    main: sections.filter(Boolean).join('\n'),
    head: {
      title: profile?.seo?.metaTitle || heading,
      description: profile?.seo?.metaDescription || profile?.summary || t.description(centre.name, place),
      path: `/centres/${centre.code}`,
      ogType: 'website',
      // The editor's share picture for link previews, else the cover.
      image: profile?.seo?.shareImage ?? profile?.cover,
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'GovernmentOffice',
        name: heading,
        alternateName: englishTitle ? centre.name : undefined,
        url,
        description: profile?.summary || undefined,
        image: profile?.cover?.url,
        // The county-level division (the region path starts at Yuxi) is the locality.
        address: {
          '@type': 'PostalAddress',
          streetAddress: centre.address ?? undefined,
          addressLocality: (centre.region.ancestors[1] ?? centre.region).name,
          addressRegion: '云南省',
          addressCountry: 'CN',
        },
        areaServed: { '@type': 'AdministrativeArea', name: place },
        award: rating ? `${ratedForText(rating.year, locale)}: ${tierText(rating, locale)}` : undefined,
        parentOrganization: centre.parent
          ? { '@type': 'GovernmentOffice', name: centre.parent.name, url: `${publicUrl}${localePath(`/centres/${centre.parent.code}`, locale)}` }
          : undefined,
      },
    },
  });
}

function size(image: PageImage): string {
  return image.width && image.height ? ` width="${image.width}" height="${image.height}"` : '';
}

const CSS = `
  .slogan { font-size: 1.1rem; color: #7f1d1d; }
  .facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
  .facts dt { font-weight: 600; }
  .facts dd { margin: 0; }
  .cover { display: block; border-radius: .5rem; max-height: 24rem; object-fit: cover; }
  .summary { font-size: 1.1rem; }
  .highlights { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: .5rem; padding: 0; list-style: none; }
  .highlights li { border: 1px solid #d0d7de; border-radius: .5rem; padding: .4rem .6rem; }
  .highlights strong { font-size: 1.3em; color: #991b1b; }
`;
