import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::showcase-article.showcase-article');
