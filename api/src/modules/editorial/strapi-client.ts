import type { StrapiDocument } from './strapi-types';

export class CmsUnavailableError extends Error {
  override name = 'CmsUnavailableError';
}

/**
 * Reads documents from Strapi's REST API with the API's read-only token. Only the sync
 * and the draft preview use it: GraphQL reads never do (httpCalls lets tests check that).
 */
export class StrapiClient {
  httpCalls = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** One document in one locale, published or draft; null when it does not exist (or is not published). */
  async findOne(plural: string, documentId: string, { locale, populate, status }: { locale: string; populate: string; status: 'published' | 'draft' }) {
    const query = `locale=${encodeURIComponent(locale)}&status=${status}&${populate}`;
    const body = await this.get<{ data: StrapiDocument | null }>(`/api/${plural}/${encodeURIComponent(documentId)}?${query}`);
    return body?.data ?? null;
  }

  /** Every published document of a type in one locale, page by page. */
  async listPublished(plural: string, { locale, populate }: { locale: string; populate: string }): Promise<StrapiDocument[]> {
    const documents: StrapiDocument[] = [];
    for (let page = 1; ; page += 1) {
      const query = `locale=${encodeURIComponent(locale)}&pagination[page]=${page}&pagination[pageSize]=100&${populate}`;
      const body = await this.get<{ data: StrapiDocument[]; meta: { pagination: { pageCount: number } } }>(`/api/${plural}?${query}`);
      documents.push(...(body?.data ?? []));
      if (!body || page >= body.meta.pagination.pageCount) return documents;
    }
  }

  private async get<T>(path: string): Promise<T | null> {
    this.httpCalls += 1;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${this.token}` },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new CmsUnavailableError(`The CMS at ${this.baseUrl} did not answer`, { cause: error });
    }
    if (response.status === 404) return null;
    if (!response.ok) {
      throw new CmsUnavailableError(`The CMS answered ${response.status} for ${path.split('?')[0]}`);
    }
    return (await response.json()) as T;
  }
}
