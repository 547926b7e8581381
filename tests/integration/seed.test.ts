import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../api/src/db/mikro-orm.config';
import { seedDatabase } from '../../seeds/api/seed';
import { buildDataset } from '../../seeds/generate';
import { facts } from '../../seeds/facts';

const TABLES = [
  'region',
  'centre',
  'rating_scheme',
  'rating_dimension',
  'rating_result',
  'reported_figure',
  'alliance_unit',
  'alliance_membership',
  'volunteer_team',
  'volunteer_member',
  'need',
  'resource',
  'project',
  'project_need',
  'project_resource',
  'project_partner',
  'project_timeline_entry',
  'activity',
];

describe('seeds', () => {
  it('should generate the same dataset every time', () => {
    expect(buildDataset()).toEqual(buildDataset());
  });

  it('should mark every generated row synthetic and keep the facts as they are', () => {
    const dataset = buildDataset();
    const factCodes = new Set(facts.centres.map((centre) => centre.code));
    for (const centre of dataset.centres) {
      expect(centre.isSynthetic).toBe(!factCodes.has(centre.code));
    }
    expect(dataset.ratings.filter((rating) => !rating.isSynthetic)).toEqual(facts.ratings);
    expect(dataset.centres.length).toBeGreaterThanOrEqual(300);
  });

  it('should leave the database exactly as it was when run a second time', async () => {
    const orm = await MikroORM.init(createOrmConfig({ databaseUrl: process.env.TEST_DATABASE_URL! }));
    try {
      const snapshot = async () => {
        const connection = orm.em.getConnection();
        const rows: Record<string, unknown> = {};
        for (const table of TABLES) {
          rows[table] = await connection.execute(`select md5(string_agg(t::text, '|' order by t::text)) as digest, count(*)::int as count from ${table} t`);
        }
        return rows;
      };
      const before = await snapshot();
      await seedDatabase(orm.em.fork());
      expect(await snapshot()).toEqual(before);
    } finally {
      await orm.close(true);
    }
  });
});
