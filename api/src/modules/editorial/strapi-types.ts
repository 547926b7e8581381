/** The shapes of Strapi 5 REST documents this API reads. */

export interface StrapiText {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}

export interface StrapiLink {
  type: 'link';
  url: string;
  children: StrapiInline[];
}

export type StrapiInline = StrapiText | StrapiLink;

export interface StrapiBlock {
  type: string;
  level?: number;
  format?: 'ordered' | 'unordered';
  language?: string;
  image?: StrapiMedia;
  children?: Array<StrapiBlock | StrapiInline>;
}

export interface StrapiMediaFormat {
  url: string;
  width?: number | null;
  height?: number | null;
}

export interface StrapiMedia extends StrapiMediaFormat {
  alternativeText?: string | null;
  caption?: string | null;
  mime?: string | null;
  formats?: Record<string, StrapiMediaFormat> | null;
}

export interface StrapiDocument {
  documentId: string;
  locale: string;
  publishedAt: string | null;
  updatedAt: string;
  [field: string]: unknown;
}
