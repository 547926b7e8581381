import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const PROFILE = 'api::centre-profile.centre-profile';

/**
 * A highlight value outside what its column holds (decimal(10,2)) would reach PostgreSQL and
 * come back as a 500. Strapi checks a decimal's `max` on drafts but its `min` only on publish,
 * so the bounds declared on the component (shared.highlight) are checked here for drafts too.
 */
export function boundHighlightValues(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const data = (context.params as { data?: { highlights?: Array<{ value?: unknown }> } }).data;
    if (context.uid === PROFILE && (context.action === 'create' || context.action === 'update') && Array.isArray(data?.highlights)) {
      const { min, max } = strapi.getModel('shared.highlight').attributes.value as { min: number; max: number };
      data.highlights.forEach((highlight, index) => {
        const value = Number(highlight?.value);
        if (Number.isFinite(value) && (value < min || value > max)) {
          throw new errors.ValidationError(
            `亮点数值 ${highlight.value} 超出范围(${min} 至 ${max})。Highlight value ${highlight.value} is out of range (${min} to ${max}).`,
            { errors: [{ path: ['highlights', String(index), 'value'], message: `must be between ${min} and ${max}` }] },
          );
        }
      });
    }
    return next();
  };
}
