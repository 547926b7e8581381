import { PUBLIC_CACHE_CONTROL } from '../../api/src/cache/cache.plugin';
import { Tags } from '../../api/src/cache/cache-tags';
import { createTestApp, type TestApp } from '../helpers/test-app';

interface Listed {
  code: string;
  name: string;
  currentRating: { year: number; stars: number; tier: 'COUNTY' | 'CITY'; awardedOn: string | null } | null;
}

let api: TestApp;
// Found in the seed data through GraphQL, so the badges are checked against what the API says.
let city: Listed;
let county: Listed;
let unrated: Listed;

async function firstCentre(filter: Record<string, unknown>, wanted: (centre: Listed) => boolean): Promise<Listed> {
  const { data, errors } = await api.gql(
    `query ($filter: CentreFilter) { centres(filter: $filter, first: 100) { edges { node { code name currentRating { year stars tier awardedOn } } } } }`,
    { filter },
  );
  expect(errors).toBeUndefined();
  const found = (data.centres.edges as Array<{ node: Listed }>).map((edge) => edge.node).find(wanted);
  if (!found) throw new Error(`The seed data has no centre for ${JSON.stringify(filter)}.`);
  return found;
}

beforeAll(async () => {
  api = await createTestApp();
  city = await firstCentre({ tier: 'CITY' }, (centre) => centre.currentRating?.tier === 'CITY');
  county = await firstCentre({ stars: [3, 4] }, (centre) => centre.currentRating?.tier === 'COUNTY' && centre.currentRating.stars < 5);
  unrated = await firstCentre({ level: ['SITE'] }, (centre) => centre.currentRating === null);
});
afterAll(() => api.stop());

const badge = (code: string, format: 'svg' | 'json', query = '', headers: Record<string, string> = {}) => fetch(`${api.url}/badges/${code}.${format}${query}`, { headers });

function stars(n: number): string {
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/** Nothing in the SVG may run or load anything; its one URL is the SVG namespace. */
function expectInert(svg: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/<script|<style|<image|<foreignObject|href|url\(|@import|https?:|\bon\w+=/i);
}

describe('the SVG star badge', () => {
  it("should show a city five-star centre's stars, tier and year, accessibly and inertly", async () => {
    const response = await badge(city.code, 'svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('set-cookie')).toBeNull();
    const svg = await response.text();
    const label = `${city.name}:市级五星 ★★★★★,${city.currentRating!.year}年度评定`;
    expect(svg).toContain(`role="img" aria-label="${label}" lang="zh-Hans"`);
    expect(svg).toContain(`<title>${label}</title>`);
    expect(svg).toContain(`>★★★★★ 市级五星 · ${city.currentRating!.year}</text>`);
    expectInert(svg);
    expect(Buffer.byteLength(svg)).toBeLessThan(2048);
  });

  it("should show a county centre's stars out of five, in English on request", async () => {
    const { stars: n, year } = county.currentRating!;
    const zh = await (await badge(county.code, 'svg')).text();
    expect(zh).toContain(`>${stars(n)} 县级${n}星 · ${year}</text>`);
    const en = await (await badge(county.code, 'svg', '?locale=en')).text();
    expect(en).toContain(`aria-label="${county.name}: County ${n}-star ${stars(n)}, rated for ${year}" lang="en"`);
    expect(en).toContain('>Service centre</text>');
    expect(en).toContain(`>${stars(n)} County ${n}-star · ${year}</text>`);
  });

  it('should show a neutral "not rated" badge for a centre without a rating', async () => {
    const response = await badge(unrated.code, 'svg');
    expect(response.status).toBe(200);
    const svg = await response.text();
    expect(svg).toContain(`aria-label="${unrated.name}:暂未评星"`);
    expect(svg).toContain('>暂未评星</text>');
    expect(svg).not.toContain('★');
    expect(await (await badge(unrated.code, 'svg', '?locale=en')).text()).toContain('>Not rated yet</text>');
  });

  it('should answer an unknown or malformed code with a 404 badge', async () => {
    const unknown = await badge('530481901001-99', 'svg');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await unknown.text();
    expect(svg).toContain('aria-label="没有代码为 530481901001-99 的党群服务中心"');
    expect(svg).toContain('>未找到</text>');
    const malformed = await fetch(`${api.url}/badges/${encodeURIComponent('<b>"x"</b>')}.svg?locale=en`);
    expect(malformed.status).toBe(404);
    const text = await malformed.text();
    expect(text).toContain('No centre has the code &lt;b&gt;&quot;x&quot;&lt;/b&gt;');
    expectInert(text);
    expect((await fetch(`${api.url}/badges/${city.code}.png`)).status).toBe(404);
  });
});

describe('the JSON star badge', () => {
  it('should give the facts behind the badge to any origin', async () => {
    const response = await badge(city.code, 'json', '', { origin: 'https://portal.example' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const { year, stars: n, tier, awardedOn } = city.currentRating!;
    expect(await response.json()).toEqual({
      code: city.code,
      name: city.name,
      stars: n,
      tier,
      year,
      awardedOn,
      locale: 'zh-Hans',
      label: `${city.name}:市级五星 ★★★★★,${year}年度评定`,
      url: expect.stringMatching(new RegExp(`^http://.+/embed/centres/${city.code}$`)),
      image: expect.stringMatching(new RegExp(`^http://.+/badges/${city.code}\\.svg$`)),
    });
  });

  it('should say null for the rating of an unrated centre, and 404 for an unknown one', async () => {
    const body = await (await badge(unrated.code, 'json', '?locale=en')).json();
    expect(body).toMatchObject({ code: unrated.code, stars: null, tier: null, year: null, awardedOn: null, locale: 'en', label: `${unrated.name}: Not rated yet` });
    expect(body.url).toMatch(/\?locale=en$/);
    const unknown = await badge('530481901001-99', 'json');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('access-control-allow-origin')).toBe('*');
    expect(await unknown.json()).toEqual({ error: '没有代码为 530481901001-99 的党群服务中心' });
  });
});

describe('badge caching', () => {
  it('should be cacheable like the public GraphQL answers and tagged with its centre', async () => {
    for (const format of ['svg', 'json'] as const) {
      const response = await badge(county.code, format);
      expect(response.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
      expect(response.headers.get('surrogate-key')?.split(' ')).toContain(Tags.centre(county.code));
    }
  });

  it('should be served from the server-side cache until its centre is purged', async () => {
    await api.app.responseCache.purge([Tags.centre(city.code)]);
    expect((await badge(city.code, 'svg')).headers.get('x-cache')).toBe('MISS');
    expect((await badge(city.code, 'json')).headers.get('x-cache')).toBe('HIT');
    await api.app.responseCache.purge([Tags.centre(city.code)]);
    expect((await badge(city.code, 'svg')).headers.get('x-cache')).toBe('MISS');
  });

  it('should answer a matching If-None-Match with 304 and no body', async () => {
    const first = await badge(county.code, 'svg');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // As a browser revalidates; fetch would otherwise add Cache-Control: no-cache, which asks for the body.
    const revalidate = { 'if-none-match': etag!, 'cache-control': 'max-age=0' };
    const again = await badge(county.code, 'svg', '', revalidate);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Another language is another body, so its tag differs.
    expect((await badge(county.code, 'svg', '?locale=en', revalidate)).status).toBe(200);
  });
});

describe('badge rate limits', () => {
  let tight: TestApp;
  beforeAll(async () => {
    tight = await createTestApp({ env: { ANONYMOUS_RATE_PER_MINUTE: '10' } });
  });
  afterAll(() => tight.stop());

  it('should count badges against the caller and say 429 in the badge, uncached, past the limit', async () => {
    let response: Response | undefined;
    for (let i = 0; i < 10 && response?.status !== 429; i++) {
      response = await fetch(`${tight.url}/badges/${city.code}.svg`);
    }
    expect(response!.status).toBe(429);
    expect(response!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(response!.headers.get('cache-control')).toBe('no-store');
    expect(response!.headers.get('surrogate-key')).toBeNull();
    expect(await response!.text()).toContain('>暂不可用</text>');
  });
});
