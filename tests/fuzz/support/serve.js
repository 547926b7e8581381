// The compiled API (dist/, built by `npm run build`) in a process of its own, so a request
// that blocks its event loop shows as a late /healthz instead of freezing the fuzzer too.
// argv: a JSON object { databaseUrl, env, editorial }. Prints "listening <url>" when ready.
require('reflect-metadata');
const path = require('node:path');
const pino = require('pino');
const dist = path.resolve(__dirname, '../../../dist/api/src');
const { createApp } = require(path.join(dist, 'app'));
const { loadConfig } = require(path.join(dist, 'config'));

const { databaseUrl, env, editorial } = JSON.parse(process.argv[2]);

async function main() {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ANONYMOUS_RATE_PER_MINUTE: '1000000', ...env });
  const app = await createApp(config, { databaseUrl, logger: pino({ level: 'silent' }), editorial });
  const url = await app.listen();
  process.stdout.write(`listening ${url}\n`);
  process.on('SIGTERM', () => {
    app.stop().finally(() => process.exit(0));
  });
}

main().catch((error) => {
  process.stderr.write(`could not start: ${error && error.message}\n`);
  process.exit(1);
});
