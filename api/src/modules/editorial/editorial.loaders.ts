import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { LoaderOptions } from '../../shared/loader';
import { BrandProgramme } from './brand-programme.entity';
import { CentreProfile } from './centre-profile.entity';
import type { EditorialDocument } from './editorial-document';
import { localesFor, preferLocale } from './editorial.service';
import { ShowcaseArticle } from './showcase-article.entity';
import type { StrapiBlock } from './strapi-types';

/** Loader keys carry the locale: `${locale}|${key}`. */
export const localizedKey = (locale: string, key: string) => `${locale}|${key}`;

export function createEditorialLoaders(em: EntityManager, options: LoaderOptions) {
  return {
    profileByCentreCode: localizedLoader(async (codes, locale) => {
      const rows = preferLocale(await em.find(CentreProfile, { centreCode: { $in: codes }, locale: { $in: localesFor(locale) } }), locale);
      return groupByCodes(codes, rows, (row) => [row.centreCode]).map((group) => group.slice(0, 1));
    }, (rows) => rows[0] ?? null, options),
    programmesByCentreCode: localizedLoader(async (codes, locale) => {
      const rows = preferLocale(
        await em.find(BrandProgramme, { centreCodes: { $overlap: codes }, locale: { $in: localesFor(locale) } }, { orderBy: { slug: 'asc' } }),
        locale,
      );
      return groupByCodes(codes, rows, (row) => row.centreCodes);
    }, (rows) => rows, options),
    /** Newest first: by the article's date (its publication day when it has none), then by publication. */
    articlesByCentreCode: localizedLoader(async (codes, locale) => {
      const rows = preferLocale(
        await em.find(
          ShowcaseArticle,
          { centreCodes: { $overlap: codes }, locale: { $in: localesFor(locale) } },
          { orderBy: [{ listedDay: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }] },
        ),
        locale,
      );
      return groupByCodes(codes, rows, (row) => row.centreCodes);
    }, (rows) => rows, options),
    articleByDocumentId: localizedLoader(async (ids, locale) => {
      const rows = preferLocale(await em.find(ShowcaseArticle, { documentId: { $in: ids }, locale: { $in: localesFor(locale) } }), locale);
      return ids.map((id) => rows.filter((row) => row.documentId === id));
    }, (rows) => rows[0] ?? null, options),
    /** Bodies for the documents whose body is asked for: the body column alone, one query per document type. */
    bodyBlocksOf: new DataLoader<CentreProfile | BrandProgramme | ShowcaseArticle, StrapiBlock[]>(async (documents) => {
      const bodies = new Map<object, StrapiBlock[]>();
      for (const type of [CentreProfile, BrandProgramme, ShowcaseArticle]) {
        const ofType = documents.filter((document) => document instanceof type);
        if (ofType.length === 0) continue;
        const { tableName } = em.getMetadata().get(type.name);
        const rows = await em.getConnection().execute<Array<{ id: number; body_blocks: StrapiBlock[] }>>(
          `select id, body_blocks from "${tableName}" where id in (${ofType.map(() => '?').join(', ')})`,
          ofType.map((document) => document.id),
        );
        const byId = new Map(rows.map((row) => [row.id, row.body_blocks]));
        for (const document of ofType) bodies.set(document, byId.get(document.id) ?? []);
      }
      return documents.map((document) => bodies.get(document)!);
    }, { batch: options.batch }),
    programmeByDocumentId: localizedLoader(async (ids, locale) => {
      const rows = preferLocale(await em.find(BrandProgramme, { documentId: { $in: ids }, locale: { $in: localesFor(locale) } }), locale);
      return ids.map((id) => rows.filter((row) => row.documentId === id));
    }, (rows) => rows[0] ?? null, options),
  };
}

/**
 * A DataLoader over `${locale}|${key}` keys: one query per locale present in the batch
 * (almost always one), each returning rows per key in key order.
 */
function localizedLoader<R extends EditorialDocument, V>(
  fetch: (keys: string[], locale: string) => Promise<R[][]>,
  pick: (rows: R[]) => V,
  { batch }: LoaderOptions,
) {
  return new DataLoader<string, V>(async (compositeKeys) => {
    const byLocale = new Map<string, string[]>();
    for (const compositeKey of compositeKeys) {
      const [locale, key] = splitKey(compositeKey);
      byLocale.set(locale, [...(byLocale.get(locale) ?? []), key]);
    }
    const results = new Map<string, V>();
    for (const [locale, keys] of byLocale) {
      const rowsPerKey = await fetch(keys, locale);
      keys.forEach((key, index) => results.set(localizedKey(locale, key), pick(rowsPerKey[index]!)));
    }
    return compositeKeys.map((compositeKey) => results.get(compositeKey)!);
  }, { batch });
}

/** Rows per code, in row order, in one pass (a document may name many centres). */
function groupByCodes<R>(codes: string[], rows: R[], codesOf: (row: R) => string[]): R[][] {
  const groups = new Map<string, R[]>(codes.map((code) => [code, []]));
  for (const row of rows) {
    for (const code of codesOf(row)) groups.get(code)?.push(row);
  }
  return codes.map((code) => groups.get(code)!);
}

function splitKey(compositeKey: string): [string, string] {
  const separator = compositeKey.indexOf('|');
  return [compositeKey.slice(0, separator), compositeKey.slice(separator + 1)];
}
