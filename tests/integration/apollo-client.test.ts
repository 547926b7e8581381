import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** 龙山街道, rated in 2023 and 2024. */
const LONGSHAN = '530402101000-01';

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.stop());

function client(): ApolloClient {
  // No typePolicies: normalisation must come from the schema's ids alone.
  return new ApolloClient({ link: new HttpLink({ uri: `${api.url}/graphql`, fetch }), cache: new InMemoryCache() });
}

describe('Apollo Client 4 against the API, as a front-end uses it', () => {
  it('should normalise centres, regions and ratings by their ids, with no type policies', async () => {
    const apollo = client();
    const { data } = await apollo.query<any>({
      query: gql`
        query Centre($code: ID!) {
          centre(code: $code) {
            id
            name
            region {
              id
              name
            }
            currentRating {
              id
              stars
            }
            ratingHistory {
              id
              year
            }
          }
        }
      `,
      variables: { code: LONGSHAN },
    });
    const stored = apollo.cache.extract() as Record<string, Record<string, unknown>>;
    expect(stored[`Centre:${data.centre.id}`]).toMatchObject({ name: data.centre.name });
    expect(stored[`Region:${data.centre.region.id}`]).toMatchObject({ name: data.centre.region.name });
    // The current rating is one of the history's entries: one object in the cache, not two copies.
    const ratingKeys = Object.keys(stored).filter((key) => key.startsWith('RatingResult:'));
    expect(ratingKeys).toHaveLength(data.centre.ratingHistory.length);
    expect(stored[`RatingResult:${data.centre.currentRating.id}`]).toMatchObject({ stars: data.centre.currentRating.stars });
  });

  it('should read an object fetched by node(id:) from the same cache entry a list filled', async () => {
    const apollo = client();
    const list = await apollo.query<any>({ query: gql('{ centres(first: 5) { edges { node { id code name } } } }') });
    const first = list.data.centres.edges[0].node;
    const viaNode = await apollo.query<any>({
      query: gql('query ($id: ID!) { node(id: $id) { id ... on Centre { code name } } }'),
      variables: { id: first.id },
    });
    expect(viaNode.data.node).toMatchObject({ __typename: 'Centre', id: first.id, code: first.code });
    const stored = apollo.cache.extract() as Record<string, unknown>;
    expect(Object.keys(stored).filter((key) => key.startsWith('Centre:'))).toHaveLength(5);
  });
});
