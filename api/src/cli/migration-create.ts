import path from 'node:path';
import { createOrmConfig } from '../db/mikro-orm.config';
import { withOrm } from './with-orm';

/**
 * Diffs the entities against the migrated database and writes the TypeScript migration
 * to api/src/db/migrations. Register it in migrations/index.ts (the command prints how).
 */
const migrationsDir = path.resolve(__dirname, '../../../../api/src/db/migrations');

void withOrm(
  async (orm) => {
    const migrator = orm.getMigrator();
    await migrator.up();
    const result = await migrator.createMigration(migrationsDir, false, false, process.argv[2]);
    if (!result.fileName) {
      console.log('No changes: the entities match the migrated schema.');
      return;
    }
    const className = result.fileName.replace(/\.ts$/, '');
    console.log(`Wrote api/src/db/migrations/${result.fileName}. Add it to migrations/index.ts:`);
    console.log(`  import { ${className} } from './${className}';`);
    console.log(`  { name: '${className}', class: ${className} },`);
  },
  { migrations: { ...createOrmConfig({ databaseUrl: '' }).migrations, emit: 'ts' } },
);
