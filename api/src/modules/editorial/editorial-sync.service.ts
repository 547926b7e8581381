import type { EntityManager } from '@mikro-orm/postgresql';
import { Tags } from '../../cache/cache-tags';
import { EDITORIAL_LOCALES, type EditorialDocument } from './editorial-document';
import { EDITORIAL_TYPES, type EditorialType } from './editorial-types';
import type { StrapiClient } from './strapi-client';

export type SyncOutcome = 'upserted' | 'deleted' | 'unchanged';

export interface SyncResult {
  outcome: SyncOutcome;
  /** Cache tags of what the document showed before and after: what to purge. */
  tags: string[];
}

export interface ReconcileReport {
  upserted: number;
  deleted: number;
  unchanged: number;
  /** Cache tags of the documents that changed. */
  tags: string[];
}

/** What cached responses a read-model row can appear in. */
export function tagsForRow(row: Partial<EditorialDocument> & Record<string, unknown>): string[] {
  const tags = [Tags.search];
  if (typeof row.centreCode === 'string') tags.push(Tags.centre(row.centreCode));
  for (const code of (row.centreCodes as string[] | undefined) ?? []) tags.push(Tags.centre(code));
  if ('moduleItems' in row && row.documentId) tags.push(Tags.programme(row.documentId), Tags.programmeLists);
  if ('episode' in row && row.documentId) tags.push(Tags.article(row.documentId), Tags.articleLists);
  return tags;
}

/**
 * Brings one document in one locale in line with what Strapi has published: re-read from
 * Strapi (a webhook body is never trusted), then written or removed.
 */
export async function syncDocument(
  em: EntityManager,
  client: StrapiClient,
  type: EditorialType,
  { documentId, locale }: { documentId: string; locale: string },
): Promise<SyncResult> {
  const published = await client.findOne(type.plural, documentId, { locale, populate: type.populate, status: 'published' });
  const before = await em.findOne(type.entity, { documentId, locale } as object);
  const tagsBefore = before ? tagsForRow(before as never) : [];
  if (!published) {
    const deleted = await em.nativeDelete(type.entity, { documentId, locale } as object);
    return { outcome: deleted > 0 ? 'deleted' : 'unchanged', tags: tagsBefore };
  }
  const row = type.toRow(published);
  await em.upsert(type.entity, row as object, { onConflictFields: ['documentId', 'locale'] } as object);
  return { outcome: 'upserted', tags: [...new Set([...tagsBefore, ...tagsForRow(row as never)])] };
}

/** The locales the read model holds for a document (a delete event may not say which). */
export async function storedLocales(em: EntityManager, type: EditorialType, documentId: string): Promise<string[]> {
  const rows = await em.find(type.entity, { documentId } as object, { fields: ['locale'] as never });
  return rows.map((row) => row.locale);
}

/**
 * Compares every published document in Strapi with the read model and repairs the
 * differences: what a lost webhook (Strapi never retries them) would have changed.
 */
export async function reconcile(em: EntityManager, client: StrapiClient): Promise<ReconcileReport> {
  const report: ReconcileReport = { upserted: 0, deleted: 0, unchanged: 0, tags: [] };
  const tags = new Set<string>();
  for (const type of EDITORIAL_TYPES) {
    for (const locale of EDITORIAL_LOCALES) {
      const published = await client.listPublished(type.plural, { locale, populate: type.populate });
      const storedRows = new Map((await em.find(type.entity, { locale } as object)).map((row) => [row.documentId, row] as const));
      const stored = new Map([...storedRows].map(([documentId, row]) => [documentId, row.sourceUpdatedAt.getTime()] as const));
      const changed = published.filter((document) => stored.get(document.documentId) !== new Date(document.updatedAt).getTime());
      for (const document of changed) {
        const previous = storedRows.get(document.documentId);
        for (const tag of [...(previous ? tagsForRow(previous as never) : []), ...tagsForRow(type.toRow(document) as never)]) tags.add(tag);
      }
      if (changed.length > 0) {
        await em.upsertMany(type.entity, changed.map((document) => type.toRow(document)) as object[], { onConflictFields: ['documentId', 'locale'] } as object);
      }
      const publishedIds = new Set(published.map((document) => document.documentId));
      const gone = [...stored.keys()].filter((documentId) => !publishedIds.has(documentId));
      for (const documentId of gone) {
        for (const tag of tagsForRow(storedRows.get(documentId) as never)) tags.add(tag);
      }
      if (gone.length > 0) {
        await em.nativeDelete(type.entity, { locale, documentId: { $in: gone } } as object);
      }
      report.upserted += changed.length;
      report.deleted += gone.length;
      report.unchanged += published.length - changed.length;
    }
  }
  report.tags = [...tags];
  return report;
}
