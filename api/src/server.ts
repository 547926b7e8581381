import type { Logger } from 'pino';
import { seedDatabase } from '../../seeds/api/seed';
import { createApp } from './app';
import type { Config } from './config';
import { openDatabase } from './database-setup';
import { Region } from './modules/region/region.entity';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Everything `npm start` does: database, migrations, first-run seed, HTTP server. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const startedAt = Date.now();
  const db = await openDatabase(config, logger);
  try {
    const app = await createApp(config, { databaseUrl: db.database.url, logger });
    const applied = await app.orm.getMigrator().up();
    if (applied.length > 0) {
      logger.info({ migrations: applied.map((migration) => migration.name) }, 'applied migrations');
    }
    if (config.seedOnStart && (await app.orm.em.fork().count(Region)) === 0) {
      logger.info('empty database: loading the seed data');
      const summary = await seedDatabase(app.orm.em.fork(), { onProgress: (line) => logger.info(line) });
      logger.info(summary, 'seed data loaded');
    }
    await app.listen();
    printReady(config, db.isEmbedded, Date.now() - startedAt);
    return {
      url: config.publicUrl,
      stop: async () => {
        await app.stop();
        await db.stop();
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}

function printReady(config: Config, isEmbedded: boolean, elapsedMs: number): void {
  const lines = [
    '',
    `  Star Centres is ready (${(elapsedMs / 1000).toFixed(1)} s)`,
    '',
    `  GraphQL API       ${config.publicUrl}/graphql`,
    `  Explorer          ${config.publicUrl}/graphql  (open in a browser)`,
    `  Health            ${config.publicUrl}/healthz   ${config.publicUrl}/readyz`,
    `  Database          ${isEmbedded ? `embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort}, data in ${config.dataDir}/postgres` : 'the server named by DATABASE_URL'}`,
    '',
    '  Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
