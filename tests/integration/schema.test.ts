import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema as buildSchemaFromSdl, parse, validate } from 'graphql';
import { createSchema, printSchemaFile } from '../../api/src/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';

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
    api = await createTestApp();
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
