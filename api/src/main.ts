import 'reflect-metadata';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startStack } from './stack/start-stack';

const config = loadConfig();
const logger = createLogger(config);

startStack(config, logger).then(
  (server) => {
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
  },
  (error) => {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  },
);
