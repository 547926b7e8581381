export default ({ env }: { env: any }) => ({
  connection: {
    client: 'postgres',
    connection: {
      // Set by `npm start` (or the test harness): the CMS's own database on the shared server.
      connectionString: env('CMS_DATABASE_URL'),
    },
    pool: { min: 0, max: env.int('CMS_DATABASE_POOL_MAX', 10) },
    acquireConnectionTimeout: 60000,
  },
});
