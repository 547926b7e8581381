import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::showcase-article.showcase-article');
