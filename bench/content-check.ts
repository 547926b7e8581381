import { isDeepStrictEqual } from 'node:util';
import { API_QUERIES, LIST_SIZE, STRAPI_GRAPHQL_QUERIES, STRAPI_REST_PATHS } from './workloads';

interface EditorialRow {
  code: string;
  title: string;
  summary: string;
  programmes: string[];
}

/**
 * Before anything is measured: the API, Strapi's GraphQL and Strapi's REST must serve the same
 * profiles (title, summary, programme names) for the same 100 centres, and the one-SQL ceiling
 * must build exactly the API's List answer.
 */
export async function compareContent({ apiUrl, cmsUrl, token, sqlCeilingUrl }: { apiUrl: string; cmsUrl: string; token: string; sqlCeilingUrl: string }) {
  const api = await postJson(apiUrl, API_QUERIES.list, {});
  const fromApi: EditorialRow[] = api.data.centres.edges.map(({ node }: any) => ({
    code: node.code,
    title: node.profile?.title,
    summary: node.profile?.summary,
    programmes: node.brandProgrammes.map((programme: { name: string }) => programme.name).sort(),
  }));
  const auth = { authorization: `Bearer ${token}` };
  const graphql = await postJson(cmsUrl, STRAPI_GRAPHQL_QUERIES.list, auth);
  const fromGraphql: EditorialRow[] = graphql.data.centreProfiles.map(toRow);
  const rest = (await (await fetch(`${cmsUrl}${STRAPI_REST_PATHS.list}`, { headers: auth })).json()) as { data: unknown[] };
  const fromRest: EditorialRow[] = rest.data.map(toRow);
  const sqlCeiling = await postJson(sqlCeilingUrl, API_QUERIES.list, {});

  const problems: string[] = [];
  if (fromApi.length !== LIST_SIZE) problems.push(`the API listed ${fromApi.length} centres`);
  const differing = (other: EditorialRow[]) => fromApi.filter((row, index) => !isDeepStrictEqual(row, other[index])).map((row) => row.code);
  const graphqlDiff = differing(fromGraphql);
  const restDiff = differing(fromRest);
  if (graphqlDiff.length) problems.push(`Strapi GraphQL differs on ${graphqlDiff.length} centres (${graphqlDiff.slice(0, 3).join(', ')})`);
  if (restDiff.length) problems.push(`Strapi REST differs on ${restDiff.length} centres (${restDiff.slice(0, 3).join(', ')})`);
  if (!isDeepStrictEqual(api.data, sqlCeiling.data)) problems.push('the one-SQL ceiling does not build the same List answer as the API');
  return {
    isEqual: problems.length === 0,
    summary: problems.length
      ? problems.join('; ')
      : `the API, Strapi GraphQL and Strapi REST serve the same title, summary and programme names for all ${LIST_SIZE} centres; the one-SQL ceiling's answer equals the API's`,
  };
}

function toRow(profile: any): EditorialRow {
  return {
    code: profile.centreCode,
    title: profile.title,
    summary: profile.summary,
    programmes: profile.brandProgrammes.map((programme: { name: string }) => programme.name).sort(),
  };
}

async function postJson(url: string, query: string, headers: Record<string, string>): Promise<any> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`${url}/graphql: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body;
}
