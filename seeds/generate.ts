import type { CentreLevelName, CentreRow, Dataset, RatingRow, RegionRow, SchemeRow } from './dataset';
import { facts } from './facts';
import { buildLists } from './generate-lists';
import { apportion, GENERATOR_SEED, mulberry32, pick, shuffle } from './random';

/**
 * The article gives counts, not lists: it names four centres but says Yuxi rated 282.
 * This generator fills in the rest with clearly synthetic centres (isSynthetic = true),
 * deterministically (fixed seed, see random.ts), so that the 2024 counts match the article exactly.
 */

/** Enough centres for realistic lists and benchmarks; unrated centres make up the rest. */
export const TOTAL_CENTRES = 320;
/** A synthetic earlier year, so rating history and year filters have something to show. */
export const SYNTHETIC_EARLIER_YEAR = 2023;

// Relative sizes used to spread centres over the counties (红塔区 is the urban core).
const COUNTY_WEIGHTS: Record<string, number> = {
  '530402000000': 3,
  '530403000000': 1.2,
  '530423000000': 1.2,
  '530424000000': 1,
  '530425000000': 1,
  '530426000000': 1,
  '530427000000': 1.2,
  '530428000000': 1,
  '530481000000': 1.2,
};

const PLACE_NAMES = [
  '凤凰',
  '青松',
  '明珠',
  '翠湖',
  '太平',
  '和谐',
  '康宁',
  '文华',
  '朝阳',
  '永安',
  '春和',
  '阳光',
  '新桥',
  '东风',
  '金湖',
  '锦绣',
  '清泉',
  '龙山',
  '长安',
  '秀山',
  '白塔',
  '红旗',
  '南屏',
  '北城',
  '西湖',
  '东湖',
  '星云',
  '瑞丰',
  '福源',
  '嘉禾',
  '聚贤',
  '九龙',
  '映月',
  '桃源',
  '梨园',
  '竹园',
  '松林',
  '梅园',
  '海门',
  '玉带',
  '兴隆',
  '富民',
];
const ROAD_NAMES = ['文化路', '人民路', '兴业路', '建设路', '振兴路', '团结路', '东风路', '聚贤街', '珊瑚路', '凤凰路'];
const FACILITIES = ['新时代讲习所', '党建书屋', '群团之家', '志愿服务站', '便民服务区', '健康e站', '老年活动室', '儿童之家', '法律服务站', '文化活动室'];

/**
 * `scale` multiplies the centres and the star counts (the bench's growth run seeds 10×: 3,200
 * centres). Scale 1 is the product's seed, row for row as before.
 */
export function buildDataset({ scale = 1 }: { scale?: number } = {}): Dataset {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a whole number ≥ 1, not ${scale}`);
  const random = mulberry32(GENERATOR_SEED);
  const regions: RegionRow[] = [...facts.regions];
  const centres: CentreRow[] = [...facts.centres];
  const generated = generateCentres(random, regions, TOTAL_CENTRES * scale - facts.centres.length);
  centres.push(...generated);

  const schemes: SchemeRow[] = [
    facts.scheme,
    { ...facts.scheme, year: SYNTHETIC_EARLIER_YEAR, name: `${SYNTHETIC_EARLIER_YEAR}年度党群服务中心星级管理评价(示例数据)`, source: 'synthetic' },
  ];
  const ratings = [...facts.ratings, ...rateGenerated(random, generated, facts.scheme, scale)];
  ratings.push(
    ...rateEarlierYear(
      random,
      ratings.filter((rating) => rating.isSynthetic),
      facts.scheme,
    ),
  );
  return { regions, centres, schemes, ratings, figures: facts.figures, lists: buildLists(centres, regions) };
}

function generateCentres(random: () => number, regions: RegionRow[], total: number): CentreRow[] {
  const counties = regions.filter((region) => region.level === 'COUNTY');
  const perCounty = apportion(
    total,
    counties.map((county) => COUNTY_WEIGHTS[county.code] ?? 1),
  );
  return counties.flatMap((county, index) => generateCounty(random, regions, county, perCounty[index]!));
}

/** One county centre, then streets with their hub and community centres, some with a site station. */
function generateCounty(random: () => number, regions: RegionRow[], county: RegionRow, count: number): CentreRow[] {
  const names = shuffle(random, PLACE_NAMES);
  const takeName = () => names.shift() ?? `第${regions.length}`;
  const centres: CentreRow[] = [];
  const add = (
    centre: Omit<CentreRow, 'isSynthetic' | 'source' | 'facilities' | 'floorArea' | 'residentsCovered' | 'serviceWindows' | 'yearOpened' | 'address' | 'slogan'>,
    addressBase: string,
  ) => {
    if (centres.length < count) {
      centres.push({ ...centre, ...centreDetails(random, centre.level, addressBase), slogan: null, isSynthetic: true, source: null });
    }
  };
  const countyCentre = `${county.code}-01`;
  add({ code: countyCentre, name: `${county.name}党群服务中心`, level: 'COUNTY', regionCode: county.code, parentCode: null }, `玉溪市${county.name}`);

  for (let streetNumber = 101; centres.length < count; streetNumber += 1) {
    const street = region(`${county.code.slice(0, 6)}${streetNumber}000`, `${takeName()}街道`, 'STREET', county);
    regions.push(street);
    const hub = `${street.code}-01`;
    add({ code: hub, name: `${county.name}${street.name}党群服务中心`, level: 'STREET', regionCode: street.code, parentCode: countyCentre }, `玉溪市${county.name}${street.name}`);
    const communities = 3 + Math.floor(random() * 4);
    for (let communityNumber = 1; communityNumber <= communities && centres.length < count; communityNumber += 1) {
      const community = region(`${street.code.slice(0, 9)}${String(communityNumber).padStart(3, '0')}`, `${takeName()}社区`, 'COMMUNITY', street);
      regions.push(community);
      const communityCentre = `${community.code}-01`;
      const address = `玉溪市${county.name}${street.name}${community.name}`;
      add({ code: communityCentre, name: `${county.name}${street.name}${community.name}党群服务中心`, level: 'COMMUNITY', regionCode: community.code, parentCode: hub }, address);
      if (random() < 0.15) {
        add(
          {
            code: `${community.code}-02`,
            name: `${community.name}${pick(random, PLACE_NAMES)}小区党群服务站`,
            level: 'SITE',
            regionCode: community.code,
            parentCode: communityCentre,
          },
          address,
        );
      }
    }
  }
  return centres;
}

function region(code: string, name: string, level: RegionRow['level'], parent: RegionRow): RegionRow {
  return { code, name, level, parentCode: parent.code, isSynthetic: true, source: null };
}

const SIZE_BY_LEVEL: Record<CentreLevelName, { area: [number, number]; residents: [number, number]; windows: [number, number] }> = {
  COUNTY: { area: [1500, 3000], residents: [50000, 200000], windows: [10, 20] },
  STREET: { area: [600, 1500], residents: [15000, 60000], windows: [6, 14] },
  COMMUNITY: { area: [200, 800], residents: [2000, 12000], windows: [2, 6] },
  SITE: { area: [50, 200], residents: [500, 3000], windows: [0, 1] },
};

function centreDetails(random: () => number, level: CentreLevelName, addressBase: string) {
  const size = SIZE_BY_LEVEL[level];
  return {
    address: `${addressBase}${pick(random, ROAD_NAMES)}${1 + Math.floor(random() * 200)}号`,
    floorArea: Math.round(between(random, size.area) / 10) * 10,
    residentsCovered: Math.round(between(random, size.residents) / 100) * 100,
    serviceWindows: Math.round(between(random, size.windows)),
    yearOpened: 2012 + Math.floor(random() * 12),
    facilities: shuffle(random, FACILITIES).slice(0, 2 + Math.floor(random() * 4)),
  };
}

/** Gives the generated centres the star counts the article reports (times scale), less the facts' own ratings. */
function rateGenerated(random: () => number, centres: CentreRow[], scheme: SchemeRow, scale: number): RatingRow[] {
  const fromFacts = (stars: number, tier?: string) => facts.ratings.filter((rating) => rating.stars === stars && (tier === undefined || rating.tier === tier)).length;
  const cityFive = facts.counts.cityFiveStar * scale - fromFacts(5, 'CITY');
  const five = facts.counts.countyFiveStar * scale - fromFacts(5);
  const four = facts.counts.countyFourStar * scale - fromFacts(4);
  const three = facts.counts.countyThreeStar * scale - fromFacts(3);
  if (five + four + three > centres.length || cityFive > five) {
    throw new Error('The generator has fewer centres than the article rated; raise TOTAL_CENTRES.');
  }
  // Bigger centres tend to rate higher: a level bonus plus chance decides the order.
  const bonus: Record<CentreLevelName, number> = { COUNTY: 0.6, STREET: 0.3, COMMUNITY: 0, SITE: -0.3 };
  const ranked = centres
    .map((centre) => ({ centre, rank: bonus[centre.level] + random() }))
    .sort((a, b) => b.rank - a.rank || a.centre.code.localeCompare(b.centre.code))
    .map(({ centre }) => centre);
  return ranked.slice(0, five + four + three).map((centre, index): RatingRow => {
    const stars = index < five ? 5 : index < five + four ? 4 : 3;
    return { centreCode: centre.code, year: scheme.year, stars, tier: index < cityFive ? 'CITY' : 'COUNTY', ...scores(random, stars, scheme), isSynthetic: true };
  });
}

function rateEarlierYear(random: () => number, later: RatingRow[], scheme: SchemeRow): RatingRow[] {
  return later
    .filter(() => random() < 0.85)
    .map((rating): RatingRow => {
      const roll = random();
      const stars = Math.min(5, Math.max(3, rating.stars + (roll < 0.2 ? 1 : roll > 0.85 ? -1 : 0))) as 3 | 4 | 5;
      const tier = stars === 5 && rating.tier === 'CITY' && random() < 0.7 ? 'CITY' : 'COUNTY';
      return { centreCode: rating.centreCode, year: SYNTHETIC_EARLIER_YEAR, stars, tier, ...scores(random, stars, scheme), isSynthetic: true };
    });
}

/** Dimension scores near the star band (5: 90+, 4: 80+, 3: 70+), to the half point. */
function scores(random: () => number, stars: number, scheme: SchemeRow) {
  const target = (stars * 10 + 40 + random() * 9) / 100;
  const scoresByDimension: Record<string, number> = {};
  for (const dimension of scheme.dimensions) {
    const ratio = Math.min(1, Math.max(0, target + (random() - 0.5) * 0.06));
    scoresByDimension[dimension.key] = Math.round(dimension.maxScore * ratio * 2) / 2;
  }
  const totalScore = Object.values(scoresByDimension).reduce((sum, score) => sum + score, 0);
  return { totalScore, scoresByDimension };
}

function between(random: () => number, [low, high]: [number, number]): number {
  return low + random() * (high - low);
}
