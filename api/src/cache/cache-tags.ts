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
  /** The working-day calendar (holidays and 调休 days). */
  calendar: 'calendar',
};

/**
 * The most a Surrogate-Key header may hold. CDNs cap it (Fastly at 16 KB) and Node's HTTP
 * clients refuse a response head over 16 KB, which a list of 100 centres passed at ten times
 * the data (18 KB of tags).
 */
export const SURROGATE_KEY_BUDGET = 8 * 1024;

/** `centre:530402901000-01` → `centre:any`: the tag a purge of any centre also names for CDNs. List tags have no kind. */
export function kindTagOf(tag: string): string | undefined {
  const colon = tag.indexOf(':');
  return colon > 0 ? `${tag.slice(0, colon)}:any` : undefined;
}

/** Headers already made, by tags array (a stored answer keeps its array for its lifetime). */
const surrogateKeys = new WeakMap<readonly string[], string>();

/**
 * The Surrogate-Key header of an answer: every tag, or past the budget its list tags and the
 * kinds of its documents (`centre:any article:any centres …`). A CDN then purges such an answer
 * when any document of those kinds changes; the server's own cache still purges it exactly.
 */
export function surrogateKeyOf(tags: readonly string[]): string {
  // Hits of a stored answer reuse its header instead of joining ~500 tags each time.
  let header = surrogateKeys.get(tags);
  if (header === undefined) {
    const everyTag = tags.join(' ');
    header = Buffer.byteLength(everyTag) <= SURROGATE_KEY_BUDGET ? everyTag : [...new Set(tags.map((tag) => kindTagOf(tag) ?? tag))].sort().join(' ');
    surrogateKeys.set(tags, header);
  }
  return header;
}
