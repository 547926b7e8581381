import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import type { PortalCentresPageQuery } from './gql/graphql';
import { CentreProfile, CentresPage } from './operations';

/**
 * A portal's client, as docs/portal-guide.md sets it up: a safelist key whose manifest is the
 * generated persisted-documents.json, operations sent by hash (GET, so CDNs can keep them),
 * no type policies. Prints one JSON line of what it read.
 */
const API_URL = process.env.STAR_CENTRES_API_URL ?? 'http://localhost:4000';
const API_KEY = process.env.STAR_CENTRES_API_KEY ?? '';

const client = new ApolloClient({
  link: ApolloLink.from([
    new PersistedQueryLink({
      // The generated documents carry their hash, the id persisted-documents.json has
      // ("sha256:<hex>"); the API takes the hex, as automatic persisted queries send it.
      generateHash: (document) => (document as unknown as { __meta__: { hash: string } }).__meta__.hash.replace(/^sha256:/, ''),
      useGETForHashedQueries: true,
    }),
    new HttpLink({ uri: `${API_URL}/graphql`, headers: { 'x-api-key': API_KEY } }),
  ]),
  cache: new InMemoryCache(),
});

async function main(): Promise<void> {
  const codes: string[] = [];
  let after: string | null = null;
  let totalCount = 0;
  do {
    const { data }: { data?: PortalCentresPageQuery } = await client.query({ query: CentresPage, variables: { after } });
    if (!data) throw new Error('no data');
    totalCount = data.centres.totalCount;
    codes.push(...data.centres.edges.map((edge) => edge.node.code));
    after = data.centres.pageInfo.hasNextPage ? (data.centres.pageInfo.endCursor ?? null) : null;
  } while (after);
  const code = codes[0]!;
  const zh = await client.query({ query: CentreProfile, variables: { code, locale: 'zh-Hans' } });
  const en = await client.query({ query: CentreProfile, variables: { code, locale: 'en' } });
  console.log(JSON.stringify({ totalCount, read: codes.length, unique: new Set(codes).size, zh: zh.data?.centre?.profile ?? null, en: en.data?.centre?.profile ?? null }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
