import { Field, ObjectType } from 'type-graphql';

/** What every editorial view shares: one published CMS document in one locale. */
@ObjectType({ simpleResolvers: true })
export abstract class EditorialDocumentView {
  /** The read-model row, for loading its body on demand (bodies are never read with lists). */
  rowId!: number;

  @Field({ description: "The document's id in the CMS (the same across its locales)." })
  documentId!: string;

  @Field({ name: 'resolvedLocale', simple: false, description: 'The locale of this content: the one asked for, or zh-Hans when that translation is missing.' })
  locale!: string;

  @Field({ description: 'When the CMS published this version.' })
  publishedAt!: Date;
}

/** A view's columns: its property name → the read-model column it is read from. */
export type ViewColumns = Readonly<Record<string, string>>;

export const DOCUMENT_COLUMNS = { rowId: 'id', documentId: 'document_id', locale: 'locale', publishedAt: 'published_at' } as const;

/** `a.document_id as "documentId", …`: the view's select list from a table aliased `alias`. */
export function selectList(alias: string, columns: ViewColumns): string {
  return Object.entries(columns)
    .map(([property, column]) => (property === column ? `${alias}.${column}` : `${alias}.${column} as "${property}"`))
    .join(', ');
}

/** `e.document_id, …`: the same columns under their own names, for a sub-select the view reads from. */
export function columnList(alias: string, columns: ViewColumns): string {
  return Object.values(columns)
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

/** Rows come with timestamptz as text (the ORM's connection keeps it so): the view holds a Date. */
export function toDocumentView<V extends EditorialDocumentView>(row: object): V {
  const fields = row as Record<string, unknown>;
  fields.publishedAt = new Date(fields.publishedAt as string);
  return row as V;
}

/** A document's own key inside its global id: the CMS document and the locale it is in (each translation is its own object). */
export function documentKey(view: Pick<EditorialDocumentView, 'documentId' | 'locale'>): string {
  return `${view.documentId}:${view.locale}`;
}
