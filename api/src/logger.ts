import pino, { type Logger } from 'pino';
import type { Config } from './config';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  // Synchronous writes keep log lines in order with the ready banner printed on stdout.
  return pino({ level: config.logLevel, base: { service: 'star-centres-api' } }, pino.destination({ sync: true }));
}
