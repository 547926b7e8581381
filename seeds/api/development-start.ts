import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Region } from '../../api/src/modules/region/region.entity';
import type { DevelopmentStart } from '../../api/src/server';
import { seedDatabase } from './seed';
import { DEVELOPMENT_STAFF, DEVELOPMENT_STAFF_PASSWORD, seedDevelopmentStaff } from './staff';

/**
 * `npm start` outside production (with SEED_ON_START): the seed data in an empty database,
 * the development staff accounts, and their sign-ins in the banner.
 */
export function developmentStart(): DevelopmentStart {
  return {
    async prepare(orm: MikroORM, logger: Logger) {
      if ((await orm.em.fork().count(Region)) === 0) {
        logger.info('empty database: loading the seed data');
        const summary = await seedDatabase(orm.em.fork(), { onProgress: (line) => logger.info(line) });
        logger.info(summary, 'seed data loaded');
      }
      const created = await seedDevelopmentStaff(orm.em.fork());
      if (created > 0) logger.info({ created }, 'development staff accounts created');
    },
    banner: [
      `  Staff sign-in     mutation login(email, password), password ${DEVELOPMENT_STAFF_PASSWORD} for:`,
      ...DEVELOPMENT_STAFF.map((account) => `    ${account.role.padEnd(15)} ${account.email}`),
    ],
  };
}
