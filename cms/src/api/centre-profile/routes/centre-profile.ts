import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::centre-profile.centre-profile');
