import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const PROFILE = 'api::centre-profile.centre-profile';

/**
 * A centre has one profile (its translations are locales of that one document). Strapi checks
 * `unique` only when publishing, in English; this refuses a second profile when it is saved,
 * in Chinese, naming the profile that exists and where to open it.
 */
export function oneProfilePerCentre(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const params = context.params as { documentId?: string; data?: { centreCode?: unknown } };
    const code = params.data?.centreCode;
    if (context.uid === PROFILE && (context.action === 'create' || context.action === 'update') && typeof code === 'string' && code !== '') {
      const existing = await strapi.db.query(PROFILE).findOne({
        select: ['documentId', 'title', 'locale'],
        where: { centreCode: code, ...(params.documentId ? { documentId: { $ne: params.documentId } } : {}) },
      });
      if (existing) {
        const message = duplicateProfileMessage(code, existing);
        throw new errors.ValidationError(message, { errors: [{ path: ['centreCode'], message, name: 'ValidationError' }] });
      }
    }
    return next();
  };
}

export function profileAdminPath(documentId: string, locale: string): string {
  return `/admin/content-manager/collection-types/${PROFILE}/${documentId}?plugins[i18n][locale]=${locale}`;
}

function duplicateProfileMessage(code: string, existing: { documentId: string; title: string; locale: string }): string {
  return `中心 ${code} 已有简介「${existing.title}」,一个中心只能有一份简介,请打开它修改:${profileAdminPath(existing.documentId, existing.locale)}`;
}
