import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import type { ResponseCache } from '../../cache/response-cache';
import { articlePageRouter } from './article-page';
import { centrePageRouter } from './centre-page';
import type { PageDeps } from './page-answer';
import { showcaseRouter } from './showcase-page';
import { sitemapRouter } from './sitemap';

/**
 * The public site: / (every centre), /centres/<code>, /articles/<slug>, /sitemap.xml and
 * /robots.txt. Each view is charged as one page and runs its GraphQL in-process, through the
 * same limits, response cache and purges as any client.
 */
export function pagesRouter(deps: PageDeps & { orm: MikroORM; responseCache: ResponseCache }): Router {
  const router = express.Router();
  router.use(showcaseRouter(deps), centrePageRouter(deps), articlePageRouter(deps), sitemapRouter(deps));
  return router;
}
