import { readFileSync } from 'node:fs';
import http from 'node:http';
import { Pool } from 'pg';

/**
 * The ceilings List is compared with, each in its own process:
 * - `static`: the API's List answer, serialised once, served by node:http (HTTP + bytes only);
 * - `sql`: one SQL statement builds the same JSON with json_agg in PostgreSQL and node:http
 *   sends the text as it comes (the Hasura/PostGraphile shape, without any GraphQL).
 */

/**
 * Same centres, fields, order and locale as API_QUERIES.list (checked before measuring). Each
 * relation is one set-based pass over the page's 100 codes, as a good hand-written query would do.
 */
export const LIST_SQL = `
with page as (
  select c.code, c.name, r.name as region_name from centre c join region r on r.code = c.region_code order by c.code limit 100
), rating as (
  select distinct on (centre_code) centre_code, year, stars, tier from rating_result
  where centre_code in (select code from page) order by centre_code, year desc
), profile as (
  select distinct on (centre_code) centre_code, title, summary from editorial_centre_profile
  where locale = 'zh-Hans' and centre_code in (select code from page) order by centre_code, id
), programme as (
  select x.code, json_agg(json_build_object('name', b.name) order by b.slug) as items
  from editorial_brand_programme b cross join lateral unnest(b.centre_codes) as x(code)
  where b.locale = 'zh-Hans' and x.code in (select code from page) group by x.code
), article as (
  select code, json_agg(json_build_object('node', json_build_object('title', title)) order by position) as items from (
    select x.code, a.title, row_number() over (partition by x.code order by a.published_date desc nulls last, a.id desc) as position
    from editorial_showcase_article a cross join lateral unnest(a.centre_codes) as x(code)
    where a.locale = 'zh-Hans' and x.code in (select code from page)
  ) ranked where position <= 3 group by code
)
select json_build_object('data', json_build_object('centres', json_build_object('edges', coalesce(json_agg(json_build_object('node', json_build_object(
  'code', p.code,
  'name', p.name,
  'region', json_build_object('name', p.region_name),
  'currentRating', case when rt.centre_code is null then null else json_build_object('year', rt.year, 'stars', rt.stars, 'tier', rt.tier) end,
  'profile', case when pf.centre_code is null then null else json_build_object('title', pf.title, 'summary', pf.summary) end,
  'brandProgrammes', coalesce(pg.items, '[]'),
  'showcaseArticles', json_build_object('edges', coalesce(ar.items, '[]'))
)) order by p.code), '[]'))))::text as body
from page p
left join rating rt on rt.centre_code = p.code
left join profile pf on pf.centre_code = p.code
left join programme pg on pg.code = p.code
left join article ar on ar.code = p.code`;

function main(): void {
  const mode = process.argv[2];
  let sqlCount = 0;
  let answer: (res: http.ServerResponse) => void;
  if (mode === 'static') {
    const body = readFileSync(process.env.LIST_FILE!);
    answer = (res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    };
  } else if (mode === 'sql') {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    answer = (res) => {
      sqlCount += 1;
      pool.query<{ body: string }>({ name: 'bench-list', text: LIST_SQL }).then(
        (result) => {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(result.rows[0]!.body);
        },
        (error: Error) => {
          res.writeHead(500);
          res.end(error.message);
        },
      );
    };
  } else {
    throw new Error(`mode must be static or sql, not ${mode}`);
  }
  // The request body (the GraphQL query) is read and ignored: there is only one answer.
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res));
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () => {
    process.send!({ ready: `http://127.0.0.1:${(server.address() as { port: number }).port}` });
  });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stats') process.send!({ sqlCount, strapiCalls: 0 });
  });
  process.on('SIGTERM', () => process.exit(0));
}

main();
