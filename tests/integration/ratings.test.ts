import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.stop());

const STATISTICS = `query Stats($year: Int!, $regionCode: ID) {
  ratingStatistics(year: $year, regionCode: $regionCode) {
    year countyFiveStar countyFourStar countyThreeStar cityFiveStar totalRated
    region { code name }
    byRegion { region { code name level } countyFiveStar countyFourStar countyThreeStar cityFiveStar totalRated }
  }
}`;

describe('ratingStatistics', () => {
  it('should report the counts the article gives for the 2024 work year', async () => {
    const { data, errors } = await api.gql(STATISTICS, { year: 2024 });
    expect(errors).toBeUndefined();
    expect(data.ratingStatistics).toMatchObject({
      year: 2024,
      countyFiveStar: 36,
      countyFourStar: 83,
      countyThreeStar: 163,
      cityFiveStar: 20,
      totalRated: 282,
      region: { code: '530400000000', name: '玉溪市' },
    });
  });

  it('should give one row per county whose counts add up to the city total', async () => {
    const { data } = await api.gql(STATISTICS, { year: 2024 });
    const rows = data.ratingStatistics.byRegion;
    expect(rows.map((row: any) => row.region.name)).toEqual([
      '红塔区',
      '江川区',
      '通海县',
      '华宁县',
      '易门县',
      '峨山彝族自治县',
      '新平彝族傣族自治县',
      '元江哈尼族彝族傣族自治县',
      '澄江市',
    ]);
    for (const key of ['countyFiveStar', 'countyFourStar', 'countyThreeStar', 'cityFiveStar', 'totalRated']) {
      expect(rows.reduce((sum: number, row: any) => sum + row[key], 0)).toBe(data.ratingStatistics[key]);
    }
  });

  it('should count only the subtree of the region asked for', async () => {
    const city = (await api.gql(STATISTICS, { year: 2024 })).data.ratingStatistics;
    const chengjiang = city.byRegion.find((row: any) => row.region.name === '澄江市');
    const { data } = await api.gql(STATISTICS, { year: 2024, regionCode: '530481' });
    expect(data.ratingStatistics.region.name).toBe('澄江市');
    expect(data.ratingStatistics.totalRated).toBe(chengjiang.totalRated);
    expect(data.ratingStatistics.byRegion.every((row: any) => row.region.level === 'STREET')).toBe(true);
  });

  it('should answer zeros for a year nobody was rated', async () => {
    const { data } = await api.gql(STATISTICS, { year: 2010 });
    expect(data.ratingStatistics).toMatchObject({ countyFiveStar: 0, cityFiveStar: 0, totalRated: 0 });
  });

  it('should refuse an unknown region with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await api.gql(STATISTICS, { year: 2024, regionCode: '530499' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toContain('530499');
    const malformed = await api.gql(STATISTICS, { year: 2024, regionCode: '53-04' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.message).toContain('regionCode');
  });
});
