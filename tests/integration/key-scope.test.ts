import { createApiKey } from '../../api/src/modules/api-key/api-key.service';
import { createTestApp, type TestApp } from '../helpers/test-app';

let api: TestApp;
let chengjiang: Record<string, string>;
beforeAll(async () => {
  api = await createTestApp();
  const { secret } = await createApiKey(api.app.orm.em.fork(), { name: '澄江市门户 (cycles)', allowedOrigins: [], ratePerMinute: 100_000, regionCode: '530481' });
  chengjiang = { 'x-api-key': secret };
});
afterAll(() => api.stop());

describe('rating cycles seen through a key limited to 澄江市', () => {
  it('should list only 澄江市’s cycle, where an anonymous caller sees all nine counties', async () => {
    const query = '{ ratingCycles(year: 2024) { id region { code } } }';
    const anonymous = await api.gql(query);
    expect(anonymous.data.ratingCycles).toHaveLength(9);
    const scoped = await api.gql(query, undefined, chengjiang);
    expect(scoped.data.ratingCycles.map((cycle: { region: { code: string } }) => cycle.region.code)).toEqual(['530481000000']);
  });

  it('should not find another county’s cycle by its id', async () => {
    const { data } = await api.gql('{ ratingCycles(year: 2024) { id region { code } } }');
    const hongta = data.ratingCycles.find((cycle: { region: { code: string } }) => cycle.region.code === '530402000000');
    const own = data.ratingCycles.find((cycle: { region: { code: string } }) => cycle.region.code === '530481000000');
    const query = 'query Cycle($id: ID!) { ratingCycle(id: $id) { id } }';
    expect((await api.gql(query, { id: hongta.id }, chengjiang)).data.ratingCycle).toBeNull();
    expect((await api.gql(query, { id: own.id }, chengjiang)).data.ratingCycle).toEqual({ id: own.id });
  });
});
