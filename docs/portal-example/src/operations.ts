import { graphql } from './gql';

/** One page of centres; the portal follows endCursor until hasNextPage is false. */
export const CentresPage = graphql(`
  query PortalCentresPage($after: String) {
    centres(first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
          currentRating {
            id
            stars
          }
        }
      }
    }
  }
`);

/** A centre's profile in one locale: each translation is its own cached object (its own id). */
export const CentreProfile = graphql(`
  query PortalCentreProfile($code: ID!, $locale: String!) {
    centre(code: $code) {
      id
      name
      profile(locale: $locale) {
        id
        title
        resolvedLocale
      }
    }
  }
`);
