import { withOrm } from './with-orm';

void withOrm(async (orm) => {
  const applied = await orm.getMigrator().up();
  console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Database is up to date.');
});
