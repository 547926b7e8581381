import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::centre-profile.centre-profile');
