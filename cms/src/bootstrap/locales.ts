import type { Core } from '@strapi/strapi';

export const DEFAULT_LOCALE = 'zh-Hans';
const LOCALES = [
  // Names as the admin's language menus show them to editors.
  { code: 'zh-Hans', name: '中文(简体)' },
  { code: 'en', name: '英文 English' },
];

/** Content is written in Chinese first; English translations are optional per document. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    const existing = await locales.findByCode(locale.code);
    if (!existing) {
      await locales.create(locale);
    } else if (existing.name !== locale.name) {
      await locales.update({ code: locale.code }, { name: locale.name });
    }
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
