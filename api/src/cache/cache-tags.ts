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
