import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context';
import { Centre } from '../modules/centre/centre.entity';
import { BrandProgramme } from '../modules/editorial/brand-programme.entity';
import { CentreProfile } from '../modules/editorial/centre-profile.entity';
import { ShowcaseArticle } from '../modules/editorial/showcase-article.entity';
import { Region } from '../modules/region/region.entity';
import { RatingCycle } from '../modules/rating-cycle/rating-cycle.entity';

/**
 * Tags name what a response was built from, so a change can purge exactly the cached
 * responses (and CDN entries, via Surrogate-Key) that showed it.
 */
export const Tags = {
  centre: (code: string) => `centre:${code}`,
  region: (code: string) => `region:${code}`,
  programme: (documentId: string) => `programme:${documentId}`,
  article: (documentId: string) => `article:${documentId}`,
  allianceUnit: (id: string) => `unit:${id}`,
  /** Lists and searches: any new, changed or removed document may change them. */
  centreLists: 'centres',
  articleLists: 'articles',
  programmeLists: 'programmes',
  search: 'search',
  /** Root lists of operational records and the figures rolled up from them. */
  operationalLists: 'lists',
  /** Star counts (ratingStatistics): any published result may change them. */
  ratings: 'ratings',
  cycle: (id: number | string) => `cycle:${id}`,
};

export function tagsOf(value: unknown): string[] {
  if (value instanceof Centre) return [Tags.centre(value.code)];
  if (value instanceof Region) return [Tags.region(value.code)];
  if (value instanceof RatingCycle) return [Tags.cycle(value.id)];
  if (value instanceof CentreProfile) return [Tags.centre(value.centreCode)];
  if (value instanceof BrandProgramme) return [Tags.programme(value.documentId)];
  if (value instanceof ShowcaseArticle) return [Tags.article(value.documentId)];
  return [];
}

/** Records the tags of every object a field resolves to (lists and connections included). */
export const collectCacheTags: MiddlewareFn<Context> = async ({ context }, next) => {
  const result = await next();
  const tags = context.cacheTags;
  if (tags) {
    const values = Array.isArray(result) ? result : [result];
    for (const value of values) {
      for (const tag of tagsOf(value)) tags.add(tag);
    }
    const edges = (result as { edges?: Array<{ node: unknown }> } | null)?.edges;
    for (const edge of Array.isArray(edges) ? edges : []) {
      for (const tag of tagsOf(edge.node)) tags.add(tag);
    }
  }
  return result;
};
