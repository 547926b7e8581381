import type { Core, Modules } from '@strapi/strapi';
import { pinyin } from 'pinyin-pro';

/**
 * The admin fills a uid field (an article's or programme's slug) from its title through the
 * content manager's uid service, whose slugify drops Chinese characters and falls back to the
 * type's name ("showcase-article"). The title is given to it in pinyin instead; uniqueness
 * (a -1, -2 suffix) and editing the slug stay Strapi's.
 */
export function generateSlugsInPinyin(strapi: Core.Strapi): void {
  const uid = strapi.plugin('content-manager').service('uid');
  const generate = uid.generateUIDField.bind(uid);
  uid.generateUIDField = (args: { contentTypeUID: string; field: string; data: Record<string, unknown>; locale?: string }) => {
    const attribute = strapi.contentTypes[args.contentTypeUID as never]?.attributes[args.field] as { targetField?: string } | undefined;
    const targetField = attribute?.targetField;
    const title = targetField ? args.data?.[targetField] : undefined;
    if (typeof title !== 'string') {
      return generate(args);
    }
    return generate({ ...args, data: { ...args.data, [targetField!]: toPinyin(title) } });
  };
}

/** 星级党群服务中心展播4 → "xing ji dang qun fu wu zhong xin zhan bo 4"; other text stays as it is. ü is written v, as pinyin keyboards do. */
export function toPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' ');
}

const SLUGGED: Record<string, { slug: string; from: string; placeholder: RegExp }> = {
  'api::showcase-article.showcase-article': { slug: 'slug', from: 'title', placeholder: /^showcase-article(-\d+)?$/ },
  'api::brand-programme.brand-programme': { slug: 'slug', from: 'name', placeholder: /^brand-programme(-\d+)?$/ },
};

/**
 * The admin proposes a slug when a new entry opens, before there is a title, so it is the
 * type's name ("showcase-article-2") unless the editor presses 重新生成. A slug still equal to
 * that placeholder is replaced at save by the pinyin of the title.
 */
export function replacePlaceholderSlugs(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const fields = SLUGGED[context.uid];
    const params = context.params as { data?: Record<string, unknown>; locale?: string };
    const data = params.data;
    if (fields && data && (context.action === 'create' || context.action === 'update')) {
      const slug = data[fields.slug];
      const title = data[fields.from];
      if (typeof slug === 'string' && fields.placeholder.test(slug) && typeof title === 'string' && title.trim() !== '') {
        data[fields.slug] = await strapi
          .plugin('content-manager')
          .service('uid')
          .generateUIDField({ contentTypeUID: context.uid, field: fields.slug, data, locale: params.locale });
      }
    }
    return next();
  };
}
