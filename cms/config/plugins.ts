export default ({ env }: { env: any }) => ({
  // Local: the centre picker field and the coverage page (src/plugins/centre-picker).
  'centre-picker': { enabled: true, resolve: './src/plugins/centre-picker' },
  // Strapi's own GraphQL endpoint is not part of the product (the API is): it is switched on
  // only by `npm run bench`, which measures it as the peer a team would otherwise use.
  graphql: {
    enabled: env.bool('CMS_GRAPHQL_ENABLED', false),
    config: { defaultLimit: 100, maxLimit: 100, playgroundAlways: false },
  },
  // Scheduled (un)publishing. Releases would do it too, but in 5.54 they need a paid licence.
  // Each scheduled date becomes a one-off cron job at that exact time (not a polling loop),
  // and publishing goes through the document service, so the API hears the usual entry.publish.
  // Who may schedule is checked in src/extensions/publisher/strapi-server.ts.
  publisher: {
    enabled: true,
    config: {
      contentTypes: [
        'api::centre-profile.centre-profile',
        'api::brand-programme.brand-programme',
        'api::showcase-article.showcase-article',
      ],
    },
  },
});
