import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../bootstrap/locales';

type Block = { type: 'heading' | 'paragraph'; text: string };
type Localized<T> = Record<string, T>;

interface ProgrammeSeed {
  slug: string;
  centreCodes: string[];
  locales: Localized<{ name: string; summary: string; body: Block[]; modules: Array<{ name: string; description: string }> }>;
}
interface ProfileSeed {
  centreCode: string;
  brandProgrammes: string[];
  locales: Localized<{ title: string; summary: string; body: Block[]; highlights: unknown[]; seo: unknown }>;
}
interface ArticleSeed {
  slug: string;
  series: string;
  episode: number;
  centreCodes: string[];
  brandProgrammes: string[];
  source: string;
  author: string | null;
  publishedDate: string;
  locales: Localized<{ title: string; summary: string; body: Block[] }>;
}

const PROGRAMME = 'api::brand-programme.brand-programme';
const PROFILE = 'api::centre-profile.centre-profile';
const ARTICLE = 'api::showcase-article.showcase-article';

/**
 * Loads the article's editorial content (seeds/cms/*.json) through the document service.
 * A document that already exists is left alone, so editors' changes survive restarts.
 */
export async function seedEditorialContent(strapi: Core.Strapi, seedDir: string): Promise<void> {
  const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(seedDir, file), 'utf8')) as T;
  const { programmes } = read<{ programmes: ProgrammeSeed[] }>('brand-programmes.json');
  const { profiles } = read<{ profiles: ProfileSeed[] }>('centre-profiles.json');
  const { articles } = read<{ articles: ArticleSeed[] }>('showcase-articles.json');
  let created = 0;

  const programmeIds = new Map<string, string>();
  for (const programme of programmes) {
    const { documentId, isNew } = await ensureDocument(strapi, PROGRAMME, { slug: programme.slug }, programme.locales, (content) => ({
      name: content.name,
      slug: programme.slug,
      summary: content.summary,
      body: toBlocks(content.body),
      modules: content.modules,
      centres: programme.centreCodes.map((centreCode) => ({ centreCode })),
    }));
    programmeIds.set(programme.slug, documentId);
    created += Number(isNew);
  }
  const programmesOf = (slugs: string[]) => slugs.map((slug) => programmeIds.get(slug)).filter((id): id is string => id !== undefined);

  for (const profile of profiles) {
    const { isNew } = await ensureDocument(strapi, PROFILE, { centreCode: profile.centreCode }, profile.locales, (content) => ({
      centreCode: profile.centreCode,
      title: content.title,
      summary: content.summary,
      body: toBlocks(content.body),
      highlights: content.highlights,
      seo: content.seo,
      brandProgrammes: programmesOf(profile.brandProgrammes),
    }));
    created += Number(isNew);
  }

  for (const article of articles) {
    const { isNew } = await ensureDocument(strapi, ARTICLE, { slug: article.slug }, article.locales, (content) => ({
      title: content.title,
      slug: article.slug,
      summary: content.summary,
      body: toBlocks(content.body),
      series: article.series,
      episode: article.episode,
      centres: article.centreCodes.map((centreCode) => ({ centreCode })),
      brandProgrammes: programmesOf(article.brandProgrammes),
      source: article.source,
      author: article.author,
      publishedDate: article.publishedDate,
    }));
    created += Number(isNew);
  }
  if (created > 0) {
    strapi.log.info(`Seeded ${created} editorial documents from ${seedDir}`);
  }
}

/** Creates and publishes a document in the default locale, then its other locales. */
async function ensureDocument<T>(
  strapi: Core.Strapi,
  uid: typeof PROGRAMME | typeof PROFILE | typeof ARTICLE,
  naturalKey: Record<string, string>,
  locales: Localized<T>,
  toData: (content: T) => Record<string, unknown>,
): Promise<{ documentId: string; isNew: boolean }> {
  const documents = strapi.documents(uid);
  const existing = await documents.findFirst({ filters: naturalKey, locale: DEFAULT_LOCALE, status: 'draft' } as any);
  if (existing) {
    return { documentId: existing.documentId, isNew: false };
  }
  const { [DEFAULT_LOCALE]: main, ...translations } = locales;
  if (!main) {
    throw new Error(`Seed ${JSON.stringify(naturalKey)} has no ${DEFAULT_LOCALE} content.`);
  }
  // All locales or none: a half-seeded document would be skipped by the next run.
  return strapi.db.transaction(async () => {
    const created = await documents.create({ data: toData(main), locale: DEFAULT_LOCALE, status: 'published' } as any);
    for (const [locale, content] of Object.entries(translations)) {
      await documents.update({ documentId: created.documentId, locale, data: toData(content), status: 'published' } as any);
    }
    return { documentId: created.documentId, isNew: true };
  });
}

/** Seed paragraphs and headings as Strapi blocks (text only: nothing is parsed as markup). */
function toBlocks(blocks: Block[]) {
  return blocks.map((block) =>
    block.type === 'heading'
      ? { type: 'heading', level: 2, children: [{ type: 'text', text: block.text }] }
      : { type: 'paragraph', children: [{ type: 'text', text: block.text }] },
  );
}
