import type { StrapiApp } from '@strapi/strapi/admin';
import { CoverAltTextPanel } from './cover-alt-text';
import { chineseLocalesColumn } from './locales-column';
import contentManagerZhHans from './translations/content-manager-zh-Hans.json';
import publisherZhHans from './translations/publisher-zh-Hans.json';
import zhHans from './translations/zh-Hans.json';

// Strapi keeps the interface language in this key; the login page reads it before anyone signs in.
const LANGUAGE_KEY = 'strapi-admin-language';
// The admin scopes remembered choices by the project's telemetry id, which is `false` with
// telemetry off (and undefined for a moment while the admin loads).
const SCOPES = ['false', 'undefined'];

/**
 * Publicity editors work in Chinese: the admin opens in 简体中文 (the login page too) unless
 * someone chose English in their profile or their browser asks for English first.
 */
function chooseChineseFirst(): void {
  if (localStorage.getItem(LANGUAGE_KEY) === null && !navigator.language.toLowerCase().startsWith('en')) {
    localStorage.setItem(LANGUAGE_KEY, 'zh-Hans');
  }
}

/** The "Introducing the new Media Library" announcement is news about Strapi, not for editors. */
function dismissMediaLibraryBanner(): void {
  for (const legacy of [true, false]) {
    for (const scope of SCOPES) {
      localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${scope}`, 'true');
    }
  }
}

// Labels and columns are set by the CMS on every start (src/bootstrap/editor-labels.ts), and the
// model is code: neither "configure the view" nor "edit the model" belongs in an editor's menu.
const HIDDEN_HEADER_ACTIONS = ['configure-the-view', 'edit-the-model'];

export default {
  config: {
    // English stays available in each user's profile.
    locales: ['zh-Hans'],
    // Strapi 5.54 ships the content manager's Chinese with its keys prefixed twice, so the admin
    // never finds them; they are given here under the ids the admin asks for, then ours and the
    // scheduling panel's.
    translations: { 'zh-Hans': { ...contentManagerZhHans, ...zhHans, ...publisherZhHans } },
    tutorials: false,
    notifications: { releases: false },
  },
  register(_app: StrapiApp) {
    chooseChineseFirst();
    dismissMediaLibraryBanner();
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as any;
    // Strapi keeps these two among the document actions (shown in the header's menu).
    contentManager.addDocumentAction((actions: Array<{ type?: string }>) =>
      actions.filter((action) => !HIDDEN_HEADER_ACTIONS.includes(action.type ?? '')),
    );
    contentManager.addEditViewSidePanel([CoverAltTextPanel]);
    // Runs after the i18n plugin's hook, which adds the column.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', chineseLocalesColumn);
  },
};
