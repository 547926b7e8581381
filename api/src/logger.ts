import pino, { type Logger } from 'pino';
import type { Config } from './config';

/** Headers that carry credentials, never written out even if a serializer logs headers. */
const SECRET_HEADERS = ['authorization', 'x-api-key', 'x-star-centres-secret', 'cookie', 'set-cookie'];

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  // Synchronous writes keep log lines in order with the ready banner printed on stdout.
  return pino(
    {
      level: config.logLevel,
      base: { service: 'star-centres-api' },
      redact: { paths: SECRET_HEADERS.flatMap((name) => [`req.headers["${name}"]`, `res.headers["${name}"]`]), censor: '[redacted]' },
    },
    pino.destination({ sync: true }),
  );
}

// Query parameters that carry credentials (embed ?key=, preview ?token=), also when the URL
// sits URL-encoded inside another one (/oembed?url=…%3Fkey%3D…).
const SECRET_PARAMETER = /((?:^|[?&;]|%3F|%26)(?:key|api_?key|token|access_token|secret|password)(?:=|%3D))(?:[^&#;%\s]|%(?!26)[0-9A-F]{2})*/gi;
// API keys, staff tokens and residents' order and report tokens wherever else they appear.
const SECRET_TOKEN = /(sst_|sc_|pk_|sor_|rpt_)[A-Za-z0-9_-]{8,}/g;

/** A URL (or any text) with keys, tokens and secrets replaced, for logs. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_PARAMETER, '$1[redacted]').replace(SECRET_TOKEN, '$1[redacted]');
}
