import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::centre-profile.centre-profile');
