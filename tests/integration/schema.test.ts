import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema as buildSchemaFromSdl, parse, validate } from 'graphql';
import { createSchema, printSchemaFile } from '../../api/src/schema';
import { createIsolatedTestApp, type TestApp } from '../helpers/test-app';

const schemaDir = path.resolve(__dirname, '../../schema');
const committedSdl = readFileSync(path.join(schemaDir, 'schema.graphql'), 'utf8');
const operationsDir = path.join(schemaDir, 'operations');
const operationFiles = readdirSync(operationsDir).filter((file) => file.endsWith('.graphql'));
const staffOperationFiles = readdirSync(path.join(operationsDir, 'staff')).filter((file) => file.endsWith('.graphql'));

describe('schema/schema.graphql', () => {
  it('should be exactly what the code emits (run `npm run schema:emit` after changing the API)', async () => {
    expect(printSchemaFile(await createSchema())).toBe(committedSdl);
  });

  it('should keep the public contract root fields that portals depend on', () => {
    const query = buildSchemaFromSdl(committedSdl).getQueryType()!.getFields();
    for (const field of ['region', 'regions', 'centre', 'centres', 'ratingStatistics']) {
      expect(query[field]).toBeDefined();
    }
  });
});

describe('schema/operations', () => {
  let api: TestApp;
  beforeAll(async () => {
    // Its own database: the editorial operations need a published programme and article.
    api = await createIsolatedTestApp('operations');
    await insertEditorialExamples(api);
  });
  afterAll(() => api.stop());

  it('should hold example operations', () => {
    expect(operationFiles.length).toBeGreaterThanOrEqual(3);
  });

  // Staff operations need a token and variables: the rating-cycle test runs them; here they must at least fit the schema.
  it.each(staffOperationFiles)('staff/%s should validate against the committed schema', (file) => {
    const source = readFileSync(path.join(operationsDir, 'staff', file), 'utf8');
    expect(validate(buildSchemaFromSdl(committedSdl), parse(source))).toEqual([]);
  });

  it.each(operationFiles)('%s should validate against the committed schema and run without errors', async (file) => {
    const source = readFileSync(path.join(operationsDir, file), 'utf8');
    expect(validate(buildSchemaFromSdl(committedSdl), parse(source))).toEqual([]);
    const { data, errors } = await api.gql(source);
    expect(errors).toBeUndefined();
    for (const value of Object.values(data ?? {})) {
      expect(value).not.toBeNull();
    }
  });
});

/** The documents the editorial operations name by default (liuxin-fuwu, xingji-zhanbo-3), as the sync stores them. */
async function insertEditorialExamples(app: TestApp): Promise<void> {
  const connection = app.app.orm.em.getConnection();
  const now = '2025-04-22T00:00:00Z';
  await connection.execute(
    `insert into editorial_brand_programme (document_id, locale, published_at, source_updated_at, search_text, slug, name, summary, body_blocks, module_items, centre_codes)
     values ('example-programme', 'zh-Hans', ?, ?, '六心服务', 'liuxin-fuwu', '六心服务', '以六心服务群众。', '[]'::jsonb, '[{"name":"红心铸魂"}]'::jsonb, '{530402901000-01}')`,
    [now, now],
  );
  await connection.execute(
    `insert into editorial_showcase_article (document_id, locale, published_at, source_updated_at, search_text, slug, title, summary, body_blocks, series, episode, centre_codes, programme_document_ids, published_date)
     values ('example-article', 'zh-Hans', ?, ?, '星级展播', 'xingji-zhanbo-3', '星级党群服务中心展播3', '', '[]'::jsonb, '星级党群服务中心展播', 3, '{530402901000-01}', '{example-programme}', '2025-04-22')`,
    [now, now],
  );
}
