import { seedDatabase } from '../../../seeds/api/seed';
import { withOrm } from './with-orm';

void withOrm(async (orm) => {
  await orm.getMigrator().up();
  const summary = await seedDatabase(orm.em.fork(), { onProgress: (line) => console.log(line) });
  console.log(
    `Seeded (upserted) ${summary.regions} regions, ${summary.centres} centres, ${summary.ratings} ratings, ${summary.figures} figures, ${summary.listRecords} operational list records.`,
  );
});
