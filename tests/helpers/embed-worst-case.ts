import type { EntityManager } from '@mikro-orm/postgresql';
import { BrandProgramme } from '../../api/src/modules/editorial/brand-programme.entity';
import { CentreProfile } from '../../api/src/modules/editorial/centre-profile.entity';
import { ShowcaseArticle } from '../../api/src/modules/editorial/showcase-article.entity';

/**
 * The fullest card an editor can make, in both locales: a cover, a long summary, four
 * highlights, six brand programmes and four articles with long titles (the card shows three).
 * Written straight into the read model of a test's own database, as the editorial sync would.
 */
export const WORST_CASE_SUMMARY = {
  'zh-Hans':
    '仪凤社区党群服务中心坚持党建引领,以“1+6+N”服务阵地为依托,整合辖区机关、企事业单位、社会组织和志愿者力量,围绕“一老一小”、就业创业、矛盾调解、文化活动等群众急难愁盼问题,推出六心服务、仪凤公开课、金凤凰资助金等特色服务品牌,推动社区治理服务更加精细化、精准化,让群众在家门口就能办成事、办好事。',
  en: "Guided by Party building, the Yifeng Community Party-Masses Service Centre draws on its “1+6+N” network of service sites and brings together the government offices, enterprises, social organisations and volunteers of its neighbourhood. It answers residents' most pressing needs (care for the elderly and children, jobs and start-ups, mediation of disputes and cultural life) through signature programmes such as the Six Hearts Service, the Yifeng Open Classroom and the Golden Phoenix Grant, so that residents get things done on their doorstep.",
};

const TITLE = { 'zh-Hans': '仪凤社区党群服务中心', en: 'Yifeng Community Party-Masses Service Centre' };

const HIGHLIGHTS = {
  'zh-Hans': [
    { label: '资助贫困大学生', value: 42, unit: '人' },
    { label: '服务群众', value: 12860, unit: '人次' },
    { label: '调解矛盾纠纷', value: 156, unit: '件' },
    { label: '群众满意率', value: 98.6, unit: '%' },
  ],
  en: [
    { label: 'University students funded', value: 42, unit: 'students' },
    { label: 'Residents served', value: 12860, unit: 'visits' },
    { label: 'Disputes mediated', value: 156, unit: 'cases' },
    { label: 'Residents satisfied', value: 98.6, unit: '%' },
  ],
};

const PROGRAMMES: Array<[string, string, string]> = [
  ['six-hearts', '六心服务', 'Six Hearts Service'],
  ['yifeng-open-class', '仪凤公开课', 'Yifeng Open Classroom'],
  ['golden-phoenix-grant', '金凤凰资助金', 'Golden Phoenix Grant'],
  ['yi-family-partners', '“仪”家合伙人', '“Yi” Family Partners'],
  ['original-aspiration-partners', '初心合伙人', 'Original Aspiration Partners'],
  ['pomegranate-mediation', '石榴红调解队', 'Pomegranate Red Mediation Team'],
];

/** Newest first, as the card lists them. */
export const WORST_CASE_ARTICLES: Array<{ slug: string; date: string; 'zh-Hans': string; en: string }> = [
  {
    slug: 'worst-case-showcase-3',
    date: '2025-06-30',
    'zh-Hans': '星级党群服务中心展播(三)|澄江市凤麓街道仪凤社区党群服务中心:党建引领聚合力 六心服务暖民心',
    en: "Star-rated centres showcase (3) | Yifeng Community Party-Masses Service Centre, Fenglu Subdistrict, Chengjiang: Party building gathers strength, the Six Hearts Service warms residents' hearts",
  },
  {
    slug: 'worst-case-open-class',
    date: '2025-05-20',
    'zh-Hans': '仪凤公开课走进小区楼栋:200余名居民面对面学习识别电信网络诈骗',
    en: 'The Yifeng Open Classroom comes to the housing blocks: more than two hundred residents learn face to face how to spot telecom and online fraud',
  },
  {
    slug: 'worst-case-grant',
    date: '2025-04-18',
    'zh-Hans': '第五期金凤凰资助金发放仪式举行,42名家庭困难学子圆梦大学',
    en: 'The fifth Golden Phoenix Grant ceremony: forty-two students from families in hardship set off for university',
  },
  {
    slug: 'worst-case-mediation',
    date: '2025-03-02',
    'zh-Hans': '石榴红调解队:把矛盾纠纷化解在家门口',
    en: 'The Pomegranate Red Mediation Team settles disputes on the doorstep',
  },
];

/** The cover the profile points at: the test's media server answers with coverSvg(). */
export const WORST_CASE_COVER_PATH = '/uploads/yifeng-cover.svg';

export async function insertWorstCaseCard(em: EntityManager, centreCode: string): Promise<void> {
  const now = new Date();
  const common = { publishedAt: now, sourceUpdatedAt: now, bodyBlocks: [], searchText: '' };
  for (const locale of ['zh-Hans', 'en'] as const) {
    em.create(CentreProfile, {
      ...common,
      documentId: 'worst-case-profile',
      locale,
      centreCode,
      title: TITLE[locale],
      summary: WORST_CASE_SUMMARY[locale],
      coverMedia: { url: WORST_CASE_COVER_PATH, width: 1200, height: 600, alternativeText: locale === 'en' ? 'The centre at dusk' : '仪凤社区党群服务中心外景' },
      highlightItems: HIGHLIGHTS[locale],
      galleryMedia: [],
      programmeDocumentIds: PROGRAMMES.map(([slug]) => `worst-case-${slug}`),
    });
    for (const [slug, zh, en] of PROGRAMMES) {
      em.create(BrandProgramme, { ...common, documentId: `worst-case-${slug}`, locale, slug, name: locale === 'en' ? en : zh, moduleItems: [], centreCodes: [centreCode] });
    }
    for (const article of WORST_CASE_ARTICLES) {
      em.create(ShowcaseArticle, {
        ...common,
        documentId: article.slug,
        locale,
        slug: article.slug,
        title: article[locale],
        centreCodes: [centreCode],
        programmeDocumentIds: [],
        publishedDate: article.date,
      });
    }
  }
  await em.flush();
}

/** A 2:1 picture of a building at dusk, drawn rather than downloaded. */
export function coverSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600" viewBox="0 0 1200 600">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7c2d12"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs>
<rect width="1200" height="600" fill="url(#sky)"/>
<rect x="300" y="220" width="600" height="300" fill="#f8fafc"/><rect x="260" y="190" width="680" height="40" fill="#b91c1c"/>
<g fill="#93c5fd">${[0, 1, 2, 3, 4].map((i) => `<rect x="${340 + i * 110}" y="270" width="70" height="90"/><rect x="${340 + i * 110}" y="390" width="70" height="90"/>`).join('')}</g>
<rect y="520" width="1200" height="80" fill="#365314"/>
</svg>`;
}
