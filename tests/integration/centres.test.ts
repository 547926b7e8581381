import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.stop());

const YIFENG = '530481901001-01';

describe('centre', () => {
  it("should return a featured centre with the article's figures and its rating", async () => {
    const { data, errors } = await api.gql(
      `query ($code: ID!) {
      centre(code: $code) {
        name level isSynthetic region { name }
        currentRating { year stars tier }
        rating(year: 2024) { stars }
        figures(year: 2024) { key label value unit isLowerBound source }
      }
    }`,
      { code: YIFENG },
    );
    expect(errors).toBeUndefined();
    expect(data.centre).toMatchObject({
      name: '澄江市凤麓街道仪凤社区党群服务中心',
      level: 'COMMUNITY',
      isSynthetic: false,
      region: { name: '仪凤社区' },
      currentRating: { year: 2024, stars: 5, tier: 'COUNTY' },
      rating: { stars: 5 },
    });
    expect(data.centre.figures).toContainEqual(
      expect.objectContaining({ label: expect.any(String), value: 42, unit: '人', source: expect.stringContaining('资助贫困大学生42人') }),
    );
  });

  it('should keep the facilities and sizes the article gives for 兴文街社区', async () => {
    const { data } = await api.gql(`{ centre(code: "530425901001-01") { floorArea residentsCovered serviceWindows yearOpened facilities } }`);
    expect(data.centre).toMatchObject({ floorArea: 800, residentsCovered: 6000, serviceWindows: 13, yearOpened: 2017 });
    expect(data.centre.facilities).toEqual(expect.arrayContaining(['新时代讲习所', '党建书屋', '健康e站']));
  });

  it('should answer null for an unknown code and BAD_USER_INPUT for a malformed one', async () => {
    expect((await api.gql(`{ centre(code: "530481901001-99") { name } }`)).data.centre).toBeNull();
    const malformed = await api.gql(`{ centre(code: "yifeng") { name } }`);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.message).toContain('"code"');
  });
});

describe('centres', () => {
  const CENTRES = `query ($filter: CentreFilter, $orderBy: CentreOrder, $first: Int, $after: String) {
    centres(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { code name level currentRating { year stars tier totalScore } region { ancestors { code } } } }
    }
  }`;

  it('should default to 20 centres a page and count them all', async () => {
    const { data } = await api.gql(CENTRES);
    expect(data.centres.edges).toHaveLength(20);
    expect(data.centres.totalCount).toBe(320);
    expect(data.centres.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('should walk every page with cursors without repeating or skipping a centre', async () => {
    const filter = { regionCode: '530481' };
    const seen: string[] = [];
    let after: string | undefined;
    let totalCount = 0;
    for (let page = 0; page < 20; page += 1) {
      const { data } = await api.gql(CENTRES, { filter, first: 7, after });
      totalCount = data.centres.totalCount;
      seen.push(...data.centres.edges.map((edge: any) => edge.node.code));
      if (!data.centres.pageInfo.hasNextPage) break;
      after = data.centres.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(totalCount);
    expect(seen).toEqual([...seen].sort());
  });

  it('should filter by stars and tier of a year, and find exactly the 20 city five-star centres', async () => {
    const city = await api.gql(CENTRES, { filter: { tier: 'CITY', year: 2024 }, first: 100 });
    expect(city.data.centres.totalCount).toBe(20);
    expect(city.data.centres.edges.every((edge: any) => edge.node.currentRating.tier === 'CITY')).toBe(true);
    const fourOrFive = await api.gql(CENTRES, { filter: { stars: [4, 5] } });
    expect(fourOrFive.data.centres.totalCount).toBe(36 + 83);
  });

  it('should combine a region subtree with a level filter', async () => {
    const { data } = await api.gql(CENTRES, { filter: { regionCode: '530402', level: ['STREET'] }, first: 100 });
    expect(data.centres.totalCount).toBeGreaterThan(0);
    for (const { node } of data.centres.edges) {
      expect(node.level).toBe('STREET');
      expect(node.region.ancestors.map((a: any) => a.code)).toContain('530402000000');
    }
  });

  it('should order by stars, best first, then by code', async () => {
    const { data } = await api.gql(CENTRES, { orderBy: { field: 'STARS', direction: 'DESC' }, first: 100 });
    const stars = data.centres.edges.map((edge: any) => edge.node.currentRating?.stars ?? 0);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));
    expect(stars[0]).toBe(5);
  });

  it('should search names and addresses, treating % and _ as plain text', async () => {
    const { data } = await api.gql(CENTRES, { filter: { search: '兴文街' } });
    expect(data.centres.edges.map((edge: any) => edge.node.name)).toContain('易门县龙泉街道兴文街社区党群服务中心');
    const wildcard = await api.gql(CENTRES, { filter: { search: '%' } });
    expect(wildcard.data.centres.totalCount).toBe(0);
  });

  it.each([
    [{ first: 101 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ filter: { stars: [6] } }, 'stars'],
    [{ filter: { regionCode: 'abc' } }, 'regionCode'],
    [{ after: 'not-a-cursor' }, 'after'],
  ])('should reject %j with BAD_USER_INPUT naming %s', async (variables, argument) => {
    const { data, errors } = await api.gql(CENTRES, variables);
    expect(data?.centres ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain(argument);
  });

  it('should reject an unknown enum literal with BAD_USER_INPUT naming the argument', async () => {
    const { errors } = await api.gql(`{ centres(filter: { level: [PALACE] }) { totalCount } }`);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain('"filter.level"');
  });
});
