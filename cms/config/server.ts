export default ({ env }: { env: any }) => ({
  host: env('CMS_HOST', '127.0.0.1'),
  port: env.int('CMS_PORT', 1337),
  url: env('CMS_PUBLIC_URL', ''),
  app: { keys: env.array('APP_KEYS') },
  // No update checks: nothing may call out to the internet.
  logger: { updates: { enabled: false } },
  // The publisher plugin runs scheduled publications as cron jobs (config/plugins.ts).
  cron: { enabled: true },
});
