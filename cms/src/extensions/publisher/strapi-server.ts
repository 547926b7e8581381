import type { Core } from '@strapi/strapi';

const PUBLISH = 'plugin::content-manager.explorer.publish';
const ACTION = 'plugin::publisher.action';

type Route = { method: string; path: string; handler: string; config?: { policies?: unknown[] } };
type PolicyContext = {
  state: { userAbility: { can(action: string, subject: string): boolean } };
  params: { id?: string };
  request: { body?: { data?: { entitySlug?: unknown } } };
};

/**
 * The publisher plugin checks nothing on its own routes: any signed-in admin (an Author with no
 * right to publish, say) could schedule a publication of any type, and any full-access API token
 * could too. Here a schedule may be made, moved or dropped only by someone who may publish that
 * type, and only for the types offered in config/plugins.ts; the content API routes are removed.
 */
export default (plugin: any) => {
  plugin.policies = { ...plugin.policies, 'may-schedule': mayScheduleThisType };
  plugin.routes.admin.routes = plugin.routes.admin.routes.map((route: Route) =>
    route.path.startsWith('/actions') && route.method !== 'GET'
      ? { ...route, config: { ...route.config, policies: [...(route.config?.policies ?? []), 'plugin::publisher.may-schedule'] } }
      : route,
  );
  plugin.routes['content-api'].routes = [];
  return plugin;
};

async function mayScheduleThisType(ctx: PolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }): Promise<boolean> {
  const offered = (strapi.config.get('plugin::publisher.contentTypes') as string[] | undefined) ?? [];
  const slugs: unknown[] = [ctx.request.body?.data?.entitySlug];
  if (ctx.params.id) {
    // Moving or dropping a schedule counts for the type it was made for (and any type it is moved to).
    const existing = await strapi.documents(ACTION).findOne({ documentId: ctx.params.id, fields: ['entitySlug'] });
    slugs.push(existing?.entitySlug);
  }
  const named = slugs.filter((slug) => slug !== undefined && slug !== null);
  return named.length > 0 && named.every((slug) => typeof slug === 'string' && offered.includes(slug) && ctx.state.userAbility.can(PUBLISH, slug));
}
