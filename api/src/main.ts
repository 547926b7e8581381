import 'reflect-metadata';
import { type Config, loadConfig } from './config';
import { createLogger } from './logger';
import type { DevelopmentStart } from './server';
import { startStack } from './stack/start-stack';

/**
 * What a development start-up adds (SEED_ON_START outside production): the seed data and the
 * development staff. Loaded only then, so production never loads seed code or development accounts.
 */
export async function developmentStart(config: Config): Promise<DevelopmentStart | undefined> {
  if (config.env === 'production' || !config.seedOnStart) return undefined;
  const { developmentStart: start } = await import('../../seeds/api/development-start');
  return start();
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  try {
    const server = await startStack(config, logger, await developmentStart(config));
    let isStopping = false;
    const stop = (signal: string) => {
      if (isStopping) {
        logger.warn('second signal: exiting without a clean shutdown');
        process.exit(1);
      }
      isStopping = true;
      logger.info({ signal }, 'stopping');
      server.stop().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, 'error while stopping');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    // A closed terminal sends SIGHUP: stop everything rather than leave PostgreSQL behind.
    process.on('SIGHUP', () => stop('SIGHUP'));
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}

// The process entry (`npm start`); tests load this module to see what production loads.
if (require.main === module) void main();
