import type { Core, Modules } from '@strapi/strapi';

const ARTICLE = 'api::showcase-article.showcase-article';

/**
 * An article's date is the day it first went live unless the editor gave one: "newest first"
 * then never puts an undated article last. The day is Yuxi's (China Standard Time).
 */
export function defaultPublishedDate(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const documentId = (context.params as { documentId?: string }).documentId;
    if (context.uid === ARTICLE && context.action === 'publish' && documentId) {
      // publishedDate is shared by all locales; publishing copies the draft, so the draft gets it.
      await strapi.db.query(ARTICLE).updateMany({
        where: { documentId, publishedAt: null, publishedDate: null },
        data: { publishedDate: chinaDate(new Date()) },
      });
    }
    return next();
  };
}

/** YYYY-MM-DD in China Standard Time. */
export function chinaDate(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}
