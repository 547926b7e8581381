import type { RequestSpec } from './measure';

/**
 * The requests each contender answers, and the content markers every answer must carry.
 * Markers are ASCII and counted, not compared byte for byte: autocannon assembles bodies
 * chunk by chunk, which can split a multi-byte character (see strapi-peer-bench.md).
 */

export const LIST_SIZE = 100;
/** 红塔区高仓街道: a real profile with 8 programmes, the source article, figures and a rating history. */
export const DEEP_CENTRE = '530402901000-01';

export const API_QUERIES = {
  list: `query BenchList { centres(first: ${LIST_SIZE}) { edges { node { code name region { name } currentRating { year stars tier }
    profile { title summary } brandProgrammes { name } showcaseArticles(first: 3) { edges { node { title } } } } } } }`,
  deep: `query BenchDeep { centre(code: "${DEEP_CENTRE}") { code name level slogan address floorArea residentsCovered serviceWindows yearOpened facilities
    region { name ancestors { name } } parent { code name } children { code name level }
    currentRating { year stars tier totalScore dimensionScores { name score maxScore } } ratingHistory { year stars tier }
    figures { label value unit isLowerBound isCumulative source }
    profile { title summary highlights { label value unit } body { html } }
    brandProgrammes { name summary modules { name description } body { html } }
    showcaseArticles(first: 10) { totalCount edges { node { title summary series episode publishedDate body { html } } } } } }`,
  statistics: `query BenchStatistics { ratingStatistics(year: 2024) { countyFiveStar countyFourStar countyThreeStar cityFiveStar totalRated
    byRegion { region { code name } countyFiveStar countyFourStar countyThreeStar cityFiveStar } } }`,
  search: `query BenchSearch { search(query: "调解") { totalCount hits { type title snippet } } }`,
  tiny: `query BenchTiny { centre(code: "${DEEP_CENTRE}") { name } }`,
};

/** Strapi's half of List and Deep: the profiles and their brand programmes (relations in Strapi). */
export const STRAPI_GRAPHQL_QUERIES = {
  list: `{ centreProfiles(sort: "centreCode:asc", pagination: { limit: ${LIST_SIZE} }) { centreCode title summary brandProgrammes { name } } }`,
  deep: `{ centreProfiles(filters: { centreCode: { eq: "${DEEP_CENTRE}" } }) { centreCode title summary body highlights { label value unit }
    brandProgrammes { name summary body modules { name description } } } }`,
};

export const STRAPI_REST_PATHS = {
  list:
    `/api/centre-profiles?sort=centreCode:asc&pagination[pageSize]=${LIST_SIZE}&fields[0]=centreCode&fields[1]=title&fields[2]=summary` +
    '&populate[brandProgrammes][fields][0]=name',
  deep:
    `/api/centre-profiles?filters[centreCode][$eq]=${DEEP_CENTRE}&fields[0]=centreCode&fields[1]=title&fields[2]=summary&fields[3]=body` +
    '&populate[highlights]=true&populate[brandProgrammes][fields][0]=name&populate[brandProgrammes][fields][1]=summary' +
    '&populate[brandProgrammes][fields][2]=body&populate[brandProgrammes][populate][modules]=true',
};

export type ApiWorkload = keyof typeof API_QUERIES;

/** A POST /graphql body with non-ASCII escaped, so its length in bytes is its length in characters. */
export function graphqlBody(query: string): string {
  return JSON.stringify({ query: query.replace(/\s+/g, ' ') }).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function count(body: string, marker: string): number {
  let found = 0;
  for (let at = body.indexOf(marker); at !== -1; at = body.indexOf(marker, at + marker.length)) found += 1;
  return found;
}

/** Checks that each marker occurs exactly (number) or at least ([number]) so often, and that no errors came back. */
export function expectMarkers(expected: Record<string, number | [number]>): (body: string) => string | null {
  return (body) => {
    if (body.includes('"errors"')) return `errors: ${body.slice(0, 300)}`;
    for (const [marker, want] of Object.entries(expected)) {
      const found = count(body, marker);
      const isRight = Array.isArray(want) ? found >= want[0] : found === want;
      if (!isRight) return `${marker} found ${found} times, expected ${Array.isArray(want) ? `at least ${want[0]}` : want}`;
    }
    return null;
  };
}

const LIST_MARKERS = {
  '"code":"': LIST_SIZE,
  '"profile":{"title":"': LIST_SIZE,
  '"brandProgrammes":[{"name":"': LIST_SIZE,
  '"showcaseArticles":{"edges":[{"node":{"title":"': LIST_SIZE,
};

/** PostgreSQL's json_build_object writes `"key" : value`; the one-SQL ceiling sends that as it is. */
export const SQL_CEILING_LIST_CHECK = expectMarkers(Object.fromEntries(Object.entries(LIST_MARKERS).map(([marker, times]) => [marker.replaceAll('":', '" : '), times])));

export const API_CHECKS: Record<ApiWorkload, (body: string) => string | null> = {
  list: expectMarkers(LIST_MARKERS),
  deep: expectMarkers({ [`"code":"${DEEP_CENTRE}"`]: 1, '"profile":{"title":"': 1, '"html":"': [3], '"figures":[{"label":"': 1 }),
  statistics: expectMarkers({ '"countyFiveStar":36,"countyFourStar":83,"countyThreeStar":163,"cityFiveStar":20': 1, '"region":{"code":"': [9] }),
  search: expectMarkers({ '"totalCount":': 1, '"snippet":"': [5], '<mark>': [5] }),
  tiny: expectMarkers({ '{"data":{"centre":{"name":"': 1 }),
};

export const STRAPI_GRAPHQL_CHECKS = {
  list: expectMarkers({ '"centreCode":"': LIST_SIZE, '"brandProgrammes":[{"name":"': LIST_SIZE }),
  deep: expectMarkers({ [`"centreCode":"${DEEP_CENTRE}"`]: 1, '"modules":[': [2] }),
};

export const STRAPI_REST_CHECKS = {
  list: expectMarkers({ '"centreCode":"': LIST_SIZE, '"brandProgrammes":[{"id":': LIST_SIZE }),
  deep: expectMarkers({ [`"centreCode":"${DEEP_CENTRE}"`]: 1, '"modules":[': [2] }),
};

export function graphqlRequest(query: string, verify: (body: string) => string | null): RequestSpec {
  return { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: graphqlBody(query), verify };
}
