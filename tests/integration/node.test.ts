import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { globalId } from '../../api/src/shared/global-id';
import { createIsolatedTestApp, type TestApp } from '../helpers/test-app';

/** 龙山街道 (红塔区), rated in 2023 and 2024, gets a profile, a programme and an article here; 澄江市's key cannot see it. */
const LONGSHAN = '530402101000-01';
/** A second centre the test programme names. */
const OTHER_CENTRE = '530481901001-01';
const CHENGJIANG = '530481';

let api: TestApp;
let chengjiangKey: Record<string, string>;
beforeAll(async () => {
  api = await createIsolatedTestApp('node');
  await insertEditorialRows(api);
  const { secret } = await createApiKey(api.app.orm.em.fork(), { name: '澄江市门户 (node)', allowedOrigins: [], ratePerMinute: 100_000, regionCode: CHENGJIANG });
  chengjiangKey = { 'x-api-key': secret };
});
afterAll(() => api.stop());

const CENTRE_IDS = `query ($code: ID!, $locale: String! = "zh-Hans") { centre(code: $code) { id code region { id code } currentRating { id year stars }
  profile(locale: $locale) { id title } brandProgrammes(locale: $locale) { id name } showcaseArticles(first: 1, locale: $locale) { edges { node { id title } } } } }`;

const NODE = `query ($id: ID!) { node(id: $id) { __typename id
  ... on Centre { code } ... on Region { code } ... on RatingResult { year stars } ... on CentreProfile { title resolvedLocale }
  ... on BrandProgramme { name } ... on ShowcaseArticle { title } } }`;

describe('global object ids (Relay Global Object Identification)', () => {
  it('should give every Centre, Region, RatingResult, CentreProfile, BrandProgramme and ShowcaseArticle a distinct id that node(id:) answers with', async () => {
    const { data, errors } = await api.gql(CENTRE_IDS, { code: LONGSHAN });
    expect(errors).toBeUndefined();
    const centre = data.centre;
    const found = [
      [centre.id, 'Centre', { code: LONGSHAN }],
      [centre.region.id, 'Region', { code: centre.region.code }],
      [centre.currentRating.id, 'RatingResult', { year: centre.currentRating.year, stars: centre.currentRating.stars }],
      [centre.profile.id, 'CentreProfile', { title: centre.profile.title, resolvedLocale: 'zh-Hans' }],
      [centre.brandProgrammes[0].id, 'BrandProgramme', { name: centre.brandProgrammes[0].name }],
      [centre.showcaseArticles.edges[0].node.id, 'ShowcaseArticle', { title: centre.showcaseArticles.edges[0].node.title }],
    ] as const;
    expect(new Set(found.map(([id]) => id)).size).toBe(found.length);
    for (const [id, typeName, fields] of found) {
      const answer = await api.gql(NODE, { id });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.node).toEqual({ __typename: typeName, id, ...fields });
    }
  });

  it('should keep an id stable across requests and tell translations apart', async () => {
    const first = (await api.gql(CENTRE_IDS, { code: LONGSHAN })).data.centre;
    const again = (await api.gql(CENTRE_IDS, { code: LONGSHAN })).data.centre;
    expect(again).toEqual(first);
    const english = (await api.gql(CENTRE_IDS, { code: LONGSHAN, locale: 'en' })).data.centre;
    expect(english.profile.title).toBe('Longshan Sub-district Centre');
    expect(english.profile.id).not.toBe(first.profile.id);
    expect((await api.gql(NODE, { id: english.profile.id })).data.node).toMatchObject({ __typename: 'CentreProfile', resolvedLocale: 'en' });
    // The programme has no English translation: asked in English, the zh-Hans one answers, under its own id.
    expect(english.brandProgrammes[0].id).toBe(first.brandProgrammes[0].id);
  });

  it('should answer null, not an error, for ids it did not issue or objects that do not exist', async () => {
    const ids = ['', 'not-base64!', globalId('Centre', '530402999999-99'), globalId('StaffAccount', '1'), globalId('CentreProfile', 'node-profile:en-GB'), 'Q2VudHJl'];
    for (const id of ids) {
      const answer = await api.gql(NODE, { id });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.node).toBeNull();
    }
  });

  it('should answer nodes(ids:) in order, with null where nothing has the id, and count each id in the cost', async () => {
    const centre = (await api.gql(CENTRE_IDS, { code: LONGSHAN })).data.centre;
    const ids = [centre.region.id, globalId('Centre', '530402999999-99'), centre.id];
    const { data, errors } = (await api.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Centre { name } } }`, { ids })) as any;
    expect(errors).toBeUndefined();
    expect(data.nodes.map((node: { id: string } | null) => node?.id ?? null)).toEqual([centre.region.id, null, centre.id]);
    const many = (await api.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Centre { region { name } } } }`, { ids: Array(100).fill(centre.id) })) as any;
    // One per node and one per region: 1 + 100 × 1, not the 10 items assumed for a list without a size.
    expect(many.extensions.cost.requested).toBe(101);
    const tooMany = await api.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array(101).fill(centre.id) });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
  });

  it('should find nothing outside the region of a key limited to it, as the root queries do', async () => {
    const centre = (await api.gql(CENTRE_IDS, { code: LONGSHAN })).data.centre;
    for (const id of [centre.id, centre.currentRating.id, centre.profile.id]) {
      const answer = await api.gql(NODE, { id }, chengjiangKey);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.node).toBeNull();
    }
    expect((await api.gql(NODE, { id: centre.id })).data.node).not.toBeNull();
  });
});

describe("a programme's centres, when the programme was read for a centre", () => {
  it('should list every centre the programme names, though the centre’s own list of programmes leaves them out', async () => {
    const { data, errors } = await api.gql(`{ centre(code: "${LONGSHAN}") { brandProgrammes { name centres { code } } } }`);
    expect(errors).toBeUndefined();
    expect(data.centre.brandProgrammes).toEqual([{ name: '六心服务', centres: [{ code: LONGSHAN }, { code: OTHER_CENTRE }] }]);
  });
});

describe('oEmbed in English', () => {
  it("should title a card asked for in English with the English profile's title, and in Chinese with the centre's name", async () => {
    // The card URL as the card itself advertises it (PUBLIC_URL), as consumers find it.
    const oembed = async (locale: string) => {
      const html = await (await fetch(`${api.url}/embed/centres/${LONGSHAN}${locale === 'en' ? '?locale=en' : ''}`)).text();
      const discovered = html.match(/type="application\/json\+oembed" href="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
      const card = new URL(new URL(discovered).searchParams.get('url')!);
      if (locale === 'en') card.searchParams.set('locale', 'en');
      return (await fetch(`${api.url}/oembed?url=${encodeURIComponent(card.toString())}`)).json();
    };
    expect((await oembed('en')).title).toBe('Longshan Sub-district Centre');
    expect((await oembed('zh-Hans')).title).toBe('红塔区龙山街道党群服务中心');
  });
});

/** A profile in two locales, a programme and an article of 龙山, as the editorial sync would store them. */
async function insertEditorialRows(app: TestApp): Promise<void> {
  const connection = app.app.orm.em.getConnection();
  const now = '2025-06-01T00:00:00Z';
  await connection.execute(
    `insert into editorial_brand_programme (document_id, locale, published_at, source_updated_at, search_text, slug, name, summary, body_blocks, module_items, centre_codes)
     values ('node-programme', 'zh-Hans', ?, ?, '六心服务', 'node-programme', '六心服务', '六心服务。', '[]'::jsonb, '[]'::jsonb, ?::text[])`,
    [now, now, `{${LONGSHAN},${OTHER_CENTRE}}`],
  );
  for (const [locale, title] of [
    ['zh-Hans', '龙山街道党群服务中心'],
    ['en', 'Longshan Sub-district Centre'],
  ]) {
    await connection.execute(
      `insert into editorial_centre_profile (document_id, locale, published_at, source_updated_at, search_text, centre_code, title, summary, body_blocks, highlight_items, programme_document_ids)
       values ('node-profile', ?, ?, ?, ?, ?, ?, '', '[]'::jsonb, '[]'::jsonb, '{node-programme}')`,
      [locale, now, now, title, LONGSHAN, title],
    );
  }
  await connection.execute(
    `insert into editorial_showcase_article (document_id, locale, published_at, source_updated_at, search_text, slug, title, summary, body_blocks, series, episode, centre_codes, programme_document_ids, published_date)
     values ('node-article', 'zh-Hans', ?, ?, '星级展播', 'node-article', '星级党群服务中心展播 第1期', '', '[]'::jsonb, '星级展播', 1, ?::text[], '{node-programme}', '2025-06-01')`,
    [now, now, `{${LONGSHAN}}`],
  );
}
