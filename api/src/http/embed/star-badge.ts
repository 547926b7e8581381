import { escapeHtml } from '../../modules/editorial/rich-text';
import { type CardOptions, ratedForText, starGlyphs, tierText } from './centre-card';

/** What schema/operations/centre-badge.graphql returns for one centre. */
export interface CentreBadgeData {
  code: string;
  name: string;
  currentRating: { year: number; stars: number; tier: 'COUNTY' | 'CITY'; awardedOn: string | null } | null;
}

export type BadgeLocale = CardOptions['locale'];

/** One badge as drawn: a grey subject on the left, the status in its colour on the right. */
export interface Badge {
  locale: BadgeLocale;
  /** The accessible name (<title>, aria-label): the whole sentence, centre name included. */
  label: string;
  status: string;
  color: string;
}

/** GET /badges/<code>.json: the facts behind the badge, for portals that draw their own. */
export interface BadgeJson {
  code: string;
  name: string;
  /** 3, 4 or 5; null when the centre has no rating yet (so are tier, year and awardedOn). */
  stars: number | null;
  tier: 'COUNTY' | 'CITY' | null;
  year: number | null;
  awardedOn: string | null;
  locale: BadgeLocale;
  label: string;
  /** The centre's card page. */
  url: string;
  /** This badge as SVG. */
  image: string;
}

const TEXT = {
  'zh-Hans': {
    subject: '党群服务中心',
    separator: ':',
    comma: ',',
    notFound: '未找到',
    unavailable: '暂不可用',
    noCentre: (code: string) => `没有代码为 ${code} 的党群服务中心`,
    tryLater: '星级暂时无法显示,请稍后再试',
  },
  en: {
    subject: 'Service centre',
    separator: ': ',
    comma: ', ',
    notFound: 'not found',
    unavailable: 'unavailable',
    noCentre: (code: string) => `No centre has the code ${code}`,
    tryLater: 'The stars cannot be shown right now; try again shortly',
  },
};

// White text on each of these has a contrast of at least 4.5:1.
const SUBJECT_COLOR = '#4b5563';
const CITY_COLOR = '#b91c1c';
const COUNTY_COLOR = '#b45309';
const NEUTRAL_COLOR = '#6b7280';

/** The badge of a centre that exists: its current stars and tier, or "not rated yet". */
export function centreBadge(centre: CentreBadgeData, locale: BadgeLocale): Badge {
  const t = TEXT[locale];
  const rating = centre.currentRating;
  if (!rating) {
    const status = tierText(null, locale);
    return { locale, label: `${centre.name}${t.separator}${status}`, status, color: NEUTRAL_COLOR };
  }
  const tier = tierText(rating, locale);
  const stars = starGlyphs(rating.stars);
  return {
    locale,
    label: `${centre.name}${t.separator}${tier} ${stars}${t.comma}${ratedForText(rating.year, locale)}`,
    status: `${stars} ${tier} · ${rating.year}`,
    color: rating.tier === 'CITY' ? CITY_COLOR : COUNTY_COLOR,
  };
}

export function notFoundBadge(code: string, locale: BadgeLocale): Badge {
  return { locale, label: TEXT[locale].noCentre(code), status: TEXT[locale].notFound, color: NEUTRAL_COLOR };
}

export function unavailableBadge(locale: BadgeLocale): Badge {
  return { locale, label: TEXT[locale].tryLater, status: TEXT[locale].unavailable, color: NEUTRAL_COLOR };
}

export function badgeJson(centre: CentreBadgeData, locale: BadgeLocale, publicUrl: string): BadgeJson {
  const rating = centre.currentRating;
  const query = locale === 'en' ? '?locale=en' : '';
  return {
    code: centre.code,
    name: centre.name,
    stars: rating?.stars ?? null,
    tier: rating?.tier ?? null,
    year: rating?.year ?? null,
    awardedOn: rating?.awardedOn ?? null,
    locale,
    label: centreBadge(centre, locale).label,
    url: `${publicUrl}/embed/centres/${encodeURIComponent(centre.code)}${query}`,
    image: `${publicUrl}/badges/${encodeURIComponent(centre.code)}.svg${query}`,
  };
}

const HEIGHT = 20;
const FONT_SIZE = 12;
const PADDING = 7;
// Only fonts already on the reader's system: a badge loads nothing.
const FONT = "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/**
 * The badge as a small self-contained SVG: no scripts, no styles, no links, no external
 * fonts or images, every text escaped. Widths are estimated, and textLength holds each text
 * to its estimate whatever font the reader has.
 */
export function renderBadgeSvg(badge: Badge): string {
  const subject = TEXT[badge.locale].subject;
  const left = textWidth(subject) + 2 * PADDING;
  const right = textWidth(badge.status) + 2 * PADDING;
  const width = left + right;
  const label = xmlText(badge.label);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${label}" lang="${badge.locale}">
<title>${label}</title>
<rect width="${width}" height="${HEIGHT}" rx="3" fill="${badge.color}"/>
<rect width="${left}" height="${HEIGHT}" rx="3" fill="${SUBJECT_COLOR}"/>
<rect x="${left - 3}" width="3" height="${HEIGHT}" fill="${SUBJECT_COLOR}"/>
<g fill="#fff" font-family="${FONT}" font-size="${FONT_SIZE}" text-anchor="middle" aria-hidden="true">
<text x="${left / 2}" y="14" textLength="${left - 2 * PADDING}" lengthAdjust="spacingAndGlyphs">${xmlText(subject)}</text>
<text x="${left + right / 2}" y="14" textLength="${right - 2 * PADDING}" lengthAdjust="spacingAndGlyphs">${xmlText(badge.status)}</text>
</g>
</svg>
`;
}

/** Roughly: CJK characters and stars are a full em wide, Latin letters and digits about 0.6 em. */
function textWidth(text: string): number {
  let ems = 0;
  for (const char of text) ems += char === ' ' ? 0.3 : char.codePointAt(0)! < 0x2000 ? 0.6 : 1;
  return Math.ceil(ems * FONT_SIZE);
}

/**
 * Escaped for XML, and without the characters XML forbids (control characters, lone
 * surrogates): one of those in a centre name would make the whole image fail to parse.
 */
function xmlText(text: string): string {
  return escapeHtml(text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''));
}
