import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDataset } from '../seeds/generate';

/**
 * The bench's editorial content, in the format of seeds/cms (CMS_SEED_DIR points Strapi's own
 * seeder at it): the article's real documents plus a synthetic profile and two articles for
 * every other centre, so that every one of the 320 centres has a published profile, 2+ brand
 * programmes and articles. Synthetic documents are zh-Hans only (the default locale).
 *
 * At `scale` n (the growth run: n = 10, 3,200 centres) the centres come from
 * buildDataset({ scale: n }) and the 25 real programmes get n − 1 synthetic copies each, so a
 * programme still lists about as many centres as at 1×: every table grows n times, nothing
 * per centre or per programme does.
 */

export const ARTICLES_PER_CENTRE = 2;
export const PROGRAMMES_PER_CENTRE = 2;

type Block = { type: 'heading' | 'paragraph'; text: string };
interface ProgrammeSeed {
  slug: string;
  centreCodes: string[];
  locales: Record<string, unknown>;
}
interface ProfileSeed {
  centreCode: string;
  brandProgrammes: string[];
  locales: Record<string, unknown>;
}
interface ArticleSeed {
  slug: string;
  centreCodes: string[];
  brandProgrammes: string[];
  locales: Record<string, unknown>;
  [field: string]: unknown;
}

export interface BenchSeedSummary {
  centres: number;
  profiles: number;
  programmes: number;
  articles: number;
}

export function writeBenchCmsSeed(realSeedDir: string, outDir: string, scale = 1): BenchSeedSummary {
  const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(realSeedDir, file), 'utf8')) as T;
  const { programmes } = read<{ programmes: ProgrammeSeed[] }>('brand-programmes.json');
  const { profiles } = read<{ profiles: ProfileSeed[] }>('centre-profiles.json');
  const { articles } = read<{ articles: ArticleSeed[] }>('showcase-articles.json');
  const { centres } = buildDataset({ scale });
  programmes.push(...programmeCopies(programmes, scale));
  const hasProfile = new Set(profiles.map((profile) => profile.centreCode));

  centres
    .filter((centre) => !hasProfile.has(centre.code))
    .forEach((centre, index) => {
      // Two programmes per centre, spread evenly over the programmes; the link is stored on
      // both sides as the real seed does (programme.centres for the API, profile.brandProgrammes
      // for Strapi's relation), so both contenders serve the same programmes.
      const chosen = Array.from({ length: PROGRAMMES_PER_CENTRE }, (_, k) => programmes[(index * PROGRAMMES_PER_CENTRE + k) % programmes.length]!);
      for (const programme of chosen) programme.centreCodes.push(centre.code);
      const slugs = chosen.map((programme) => programme.slug);
      profiles.push({
        centreCode: centre.code,
        brandProgrammes: slugs,
        locales: {
          'zh-Hans': {
            title: `${centre.name}简介`,
            summary: `${centre.name}坚持党建引领,整合辖区资源,围绕群众需求开展便民服务、矛盾调解、文体活动和志愿服务,打造群众身边的服务阵地。`,
            body: paragraphs(centre.name, 3),
            highlights: [
              { label: '服务群众', value: 1000 + index * 7, unit: '人次' },
              { label: '开展活动', value: 10 + (index % 40), unit: '场' },
            ],
            seo: { metaTitle: centre.name, metaDescription: `${centre.name}的党群服务。` },
          },
        },
      });
      for (let n = 1; n <= ARTICLES_PER_CENTRE; n += 1) {
        articles.push({
          slug: `bench-${centre.code}-${n}`,
          series: '服务故事',
          episode: n,
          centreCodes: [centre.code],
          brandProgrammes: [slugs[0]!],
          source: '基准测试数据',
          author: null,
          publishedDate: `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + ((index + n) % 28)).padStart(2, '0')}`,
          locales: {
            'zh-Hans': {
              title: `${centre.name}服务故事 第${n}期`,
              summary: `${centre.name}的第${n}个服务故事:从群众点单到联盟接单,再到办结点评。`,
              body: paragraphs(centre.name, 4),
            },
          },
        });
      }
    });

  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'brand-programmes.json'), JSON.stringify({ programmes }));
  writeFileSync(path.join(outDir, 'centre-profiles.json'), JSON.stringify({ profiles }));
  writeFileSync(path.join(outDir, 'showcase-articles.json'), JSON.stringify({ articles }));
  return { centres: centres.length, profiles: profiles.length, programmes: programmes.length, articles: articles.length };
}

/** Copies 2 … scale of each real programme (zh-Hans only, no centres yet): the growth run's extra programmes. */
function programmeCopies(real: ProgrammeSeed[], scale: number): ProgrammeSeed[] {
  const copies: ProgrammeSeed[] = [];
  for (let copy = 2; copy <= scale; copy += 1) {
    for (const programme of real) {
      const content = programme.locales['zh-Hans'] as { name: string };
      copies.push({ slug: `${programme.slug}-${copy}`, centreCodes: [], locales: { 'zh-Hans': { ...content, name: `${content.name}(${copy})` } } });
    }
  }
  return copies;
}

/** Body text of a realistic length, with words the search workload looks for (调解). */
function paragraphs(name: string, count: number): Block[] {
  const texts = [
    `${name}推行“群众点单、中心派单、联盟接单”服务模式,收集养老服务、儿童托管、就业指导等民生诉求,建立动态更新的需求台账。`,
    `中心组建调解队伍,常态化开展矛盾纠纷排查调解,把问题化解在基层、解决在萌芽状态,全年调解纠纷数十起。`,
    `依托党建联盟单位,统筹场地设施、专项资金、专业人才等共治资源,形成资源供给清单,持续提升服务响应速度和群众满意度。`,
    `开设公开课、读书会和文艺活动,组织志愿者走访独居老人,开展助学、助老、助残等志愿服务,让群众感受到身边的温暖。`,
  ];
  return [{ type: 'heading', text: `${name}工作纪实` }, ...texts.slice(0, count).map((text) => ({ type: 'paragraph' as const, text }))];
}
