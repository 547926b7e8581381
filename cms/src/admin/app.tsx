import type { StrapiApp } from '@strapi/strapi/admin';
import publisherZhHans from './translations/publisher-zh-Hans.json';

export default {
  config: {
    // Publicity editors work in Chinese; English stays available in each user's profile.
    locales: ['zh-Hans'],
    translations: { 'zh-Hans': publisherZhHans },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
