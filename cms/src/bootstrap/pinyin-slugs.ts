import type { Core } from '@strapi/strapi';
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
