import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::showcase-article.showcase-article');
