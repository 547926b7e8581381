import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
beforeAll(async () => {
  api = await createTestApp();
});
afterAll(() => api.stop());

describe('regions', () => {
  it('should list the nine county-level divisions of Yuxi with their real codes', async () => {
    const { data } = await api.gql(`{ regions(parentCode: "530400", level: COUNTY) { code name } }`);
    expect(data.regions.map((region: any) => region.code.slice(0, 6))).toEqual(['530402', '530403', '530423', '530424', '530425', '530426', '530427', '530428', '530481']);
  });

  it('should accept 6- and 12-digit codes for the same region and walk its family', async () => {
    const { data } = await api.gql(`{
      short: region(code: "530481") { code }
      full: region(code: "530481901001") { name level parent { name } ancestors { name } children { name } }
    }`);
    expect(data.short.code).toBe('530481000000');
    expect(data.full).toEqual({
      name: '仪凤社区',
      level: 'COMMUNITY',
      parent: { name: '凤麓街道' },
      ancestors: [{ name: '玉溪市' }, { name: '澄江市' }, { name: '凤麓街道' }],
      children: [],
    });
  });

  it('should list the centres anywhere below a region', async () => {
    const { data } = await api.gql(`{ region(code: "530425") { centres(first: 100) { totalCount edges { node { name region { code ancestors { code } } } } } } }`);
    const { centres } = data.region;
    expect(centres.totalCount).toBeGreaterThan(1);
    expect(centres.edges.map((edge: any) => edge.node.name)).toContain('易门县龙泉街道兴文街社区党群服务中心');
    for (const edge of centres.edges) {
      const { region } = edge.node;
      expect([region.code, ...region.ancestors.map((a: any) => a.code)]).toContain('530425000000');
    }
  });

  it('should answer null for an unknown code and BAD_USER_INPUT naming the argument for a malformed one', async () => {
    expect((await api.gql(`{ region(code: "530499") { name } }`)).data.region).toBeNull();
    const malformed = await api.gql(`{ region(code: "yuxi") { name } }`);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.message).toContain('"code"');
  });

  it('should reject an unknown level with BAD_USER_INPUT naming the argument', async () => {
    const inline = await api.gql(`{ regions(level: PROVINCE) { name } }`);
    expect(inline.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inline.errors?.[0]?.message).toContain('"level"');
    const variable = await api.gql(`query ($level: RegionLevel) { regions(level: $level) { name } }`, { level: 'PROVINCE' });
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.errors?.[0]?.message).toContain('$level');
  });
});
