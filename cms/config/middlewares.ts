export default ({ env }: { env: any }) => [
  'strapi::logger',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // The preview pane frames the API's draft preview page.
          'frame-src': ["'self'", env('API_PUBLIC_URL', 'http://localhost:4000')],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'data:', 'blob:'],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  // After the security headers, which it overrides for /uploads.
  'global::upload-headers',
  // Before the router: answers the admin's AI reads while AI is off (see the middleware).
  'global::quiet-disabled-ai',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
