import path from 'node:path';

/**
 * Settings of this project's own code (bootstrap, validation, seeding), read from the
 * environment like the rest of config/. `npm start` sets every one of them.
 */
export const DEVELOPMENT_DEFAULTS = {
  adminEmail: 'admin@example.com',
  adminPassword: 'Admin-Star-2024',
  editorEmail: 'editor@example.com',
  editorPassword: 'Editor-Star-2024',
};

export default ({ env }: { env: any }) => ({
  isProduction: env('NODE_ENV') === 'production',
  // Where the CMS reaches the API from the server side (validation, webhook).
  apiInternalUrl: env('API_INTERNAL_URL', 'http://127.0.0.1:4000'),
  apiToken: env('CMS_API_TOKEN'),
  webhookSecret: env('CMS_WEBHOOK_SECRET'),
  adminEmail: env('CMS_ADMIN_EMAIL', DEVELOPMENT_DEFAULTS.adminEmail),
  adminPassword: env('CMS_ADMIN_PASSWORD', DEVELOPMENT_DEFAULTS.adminPassword),
  editorEmail: env('CMS_EDITOR_EMAIL', DEVELOPMENT_DEFAULTS.editorEmail),
  editorPassword: env('CMS_EDITOR_PASSWORD', DEVELOPMENT_DEFAULTS.editorPassword),
  seedOnStart: env.bool('CMS_SEED_ON_START', true),
  seedDir: env('CMS_SEED_DIR', path.resolve(__dirname, '..', '..', '..', 'seeds', 'cms')),
  // `npm run bench` only: count SQL statements and report them over IPC.
  benchCountSql: env.bool('CMS_BENCH_COUNT_SQL', false),
});
