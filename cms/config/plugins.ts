export default ({ env }: { env: any }) => ({
  // Local: the centre picker field and the coverage page (src/plugins/centre-picker).
  'centre-picker': { enabled: true, resolve: './src/plugins/centre-picker' },
  // Strapi's own GraphQL endpoint is not part of the product (the API is): it is switched on
  // only by `npm run bench`, which measures it as the peer a team would otherwise use.
  graphql: {
    enabled: env.bool('CMS_GRAPHQL_ENABLED', false),
    config: { defaultLimit: 100, maxLimit: 100, playgroundAlways: false },
  },
});
