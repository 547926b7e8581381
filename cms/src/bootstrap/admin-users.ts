import type { Core } from '@strapi/strapi';
import type { Settings } from './settings';

export const EDITOR_ROLE = {
  code: 'publicity-editor',
  name: '宣传编辑 / Publicity editor',
  description: '撰写、预览并发布中心简介、服务品牌和展播文章,上传媒体。Writes, previews and publishes profiles, programmes and showcases; uploads media.',
};

export const EDITORIAL_TYPES = [
  'api::centre-profile.centre-profile',
  'api::brand-programme.brand-programme',
  'api::showcase-article.showcase-article',
];

const EDITORIAL_LOCALES = ['zh-Hans', 'en'];

const CONTENT_ACTIONS = ['create', 'read', 'update', 'delete', 'publish'].map((action) => `plugin::content-manager.explorer.${action}`);

// Media library use, without its settings (configure-view).
const UPLOAD_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

/**
 * A super-admin on first start, the publicity-editor role with exactly the editorial
 * permissions, and (outside production) the demo editor account.
 */
export async function ensureAdminUsers(strapi: Core.Strapi, config: Settings): Promise<void> {
  const roles = strapi.service('admin::role');
  const users = strapi.service('admin::user');
  await roles.createRolesIfNoneExist();

  if (!(await users.exists({}))) {
    const superAdmin = await roles.getSuperAdmin();
    await users.create({
      email: config.adminEmail,
      firstname: 'Star Centres',
      lastname: 'Admin',
      password: config.adminPassword,
      isActive: true,
      registrationToken: null,
      roles: [superAdmin.id],
    });
    strapi.log.info(`Created the super-admin ${config.adminEmail}`);
  }

  const editorRole = (await roles.findOne({ code: EDITOR_ROLE.code })) ?? (await roles.create(EDITOR_ROLE));
  await roles.assignPermissions(editorRole.id, editorPermissions(strapi));

  if (!config.isProduction && !(await users.exists({ email: config.editorEmail }))) {
    await users.create({
      email: config.editorEmail,
      firstname: '宣传',
      lastname: '编辑',
      password: config.editorPassword,
      // Editors write in Chinese; the admin speaks it to them (English stays in their profile).
      preferedLanguage: 'zh-Hans',
      isActive: true,
      registrationToken: null,
      roles: [editorRole.id],
    });
    strapi.log.info(`Created the demo editor ${config.editorEmail}`);
  }
}

/** Every field of the three editorial types, in every locale, plus the media library. */
function editorPermissions(strapi: Core.Strapi) {
  const { actionProvider } = strapi.service('admin::permission');
  const contentActions = actionProvider.values().filter((action: { actionId: string }) => CONTENT_ACTIONS.includes(action.actionId));
  const contentPermissions = strapi
    .service('admin::content-type')
    .getPermissionsWithNestedFields(contentActions, { restrictedSubjects: [] })
    .filter((permission: { subject: string }) => EDITORIAL_TYPES.includes(permission.subject))
    // i18n checks a locales property on localized types; without it no locale may be written.
    .map((permission: { properties?: Record<string, unknown> }) => ({
      ...permission,
      properties: { ...permission.properties, locales: EDITORIAL_LOCALES },
    }));
  return [...contentPermissions, ...UPLOAD_ACTIONS.map((action) => ({ action, subject: null, properties: {}, conditions: [] }))];
}
