/**
 * Strapi 5.54's admin asks for its AI features (a paid add-on this project does not use) on
 * every edit page, and the server answers 404 when they are off: the browser console and any
 * check of the editor's session then show failing requests. While AI is off, these two reads
 * are answered with "nothing configured, no job" instead.
 */
const AI_READS = [/^\/admin\/ai-feature-config$/, /^\/i18n\/ai-localization-jobs\/(collection-types|single-types)\//];

export default (_config: unknown, { strapi }: { strapi: any }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method !== 'GET' || !AI_READS.some((pattern) => pattern.test(ctx.path)) || (await aiIsEnabled(strapi))) {
      return next();
    }
    ctx.body = { data: null };
  };

async function aiIsEnabled(strapi: any): Promise<boolean> {
  const adminAi = strapi.ai?.admin?.isEnabled?.() ?? false;
  const i18nAi = (await strapi.plugin('i18n')?.service('ai-localizations')?.isEnabled?.()) ?? false;
  return adminAi || i18nAi;
}
