import type { EntityManager } from '@mikro-orm/postgresql';
import { EDITORIAL_LOCALES } from './editorial-document';
import { EDITORIAL_TYPES, type EditorialType } from './editorial-types';
import type { StrapiClient } from './strapi-client';

export type SyncOutcome = 'upserted' | 'deleted' | 'unchanged';

export interface ReconcileReport {
  upserted: number;
  deleted: number;
  unchanged: number;
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
): Promise<SyncOutcome> {
  const published = await client.findOne(type.plural, documentId, { locale, populate: type.populate, status: 'published' });
  if (!published) {
    const deleted = await em.nativeDelete(type.entity, { documentId, locale } as object);
    return deleted > 0 ? 'deleted' : 'unchanged';
  }
  await em.upsert(type.entity, type.toRow(published) as object, { onConflictFields: ['documentId', 'locale'] } as object);
  return 'upserted';
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
  const report: ReconcileReport = { upserted: 0, deleted: 0, unchanged: 0 };
  for (const type of EDITORIAL_TYPES) {
    for (const locale of EDITORIAL_LOCALES) {
      const published = await client.listPublished(type.plural, { locale, populate: type.populate });
      const stored = new Map(
        (await em.find(type.entity, { locale } as object)).map((row) => [row.documentId, row.sourceUpdatedAt.getTime()] as const),
      );
      const changed = published.filter((document) => stored.get(document.documentId) !== new Date(document.updatedAt).getTime());
      if (changed.length > 0) {
        await em.upsertMany(type.entity, changed.map((document) => type.toRow(document)) as object[], { onConflictFields: ['documentId', 'locale'] } as object);
      }
      const publishedIds = new Set(published.map((document) => document.documentId));
      const gone = [...stored.keys()].filter((documentId) => !publishedIds.has(documentId));
      if (gone.length > 0) {
        await em.nativeDelete(type.entity, { locale, documentId: { $in: gone } } as object);
      }
      report.upserted += changed.length;
      report.deleted += gone.length;
      report.unchanged += published.length - changed.length;
    }
  }
  return report;
}
