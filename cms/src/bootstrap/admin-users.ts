import type { Core } from '@strapi/strapi';
import { DEVELOPMENT_PASSWORDS, type Settings } from './settings';

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
 * The super-admin, the publicity-editor role with exactly the editorial permissions, and
 * (outside production) the demo editor account.
 *
 * Development creates the super-admin on first start. Production gives the account named by
 * CMS_ADMIN_EMAIL the password CMS_ADMIN_PASSWORD (creating it as a super-admin when missing),
 * and deactivates every other account that still signs in with a development password: a data
 * folder first used in development brings the demo editor and the development super-admin along.
 */
export async function ensureAdminUsers(strapi: Core.Strapi, config: Settings): Promise<void> {
  const roles = strapi.service('admin::role');
  const users = strapi.service('admin::user');
  await roles.createRolesIfNoneExist();

  if (config.isProduction) {
    await ensureSuperAdminFromEnvironment(strapi, config);
  } else if (!(await users.exists({}))) {
    await createSuperAdmin(strapi, config);
  }

  const editorRole = (await roles.findOne({ code: EDITOR_ROLE.code })) ?? (await roles.create(EDITOR_ROLE));
  await roles.assignPermissions(editorRole.id, editorPermissions(strapi));

  if (config.isProduction) {
    await deactivateDevelopmentPasswords(strapi, config);
  } else if (!(await users.exists({ email: config.editorEmail }))) {
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

async function createSuperAdmin(strapi: Core.Strapi, config: Settings): Promise<void> {
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
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

async function ensureSuperAdminFromEnvironment(strapi: Core.Strapi, config: Settings): Promise<void> {
  const account = await findAccount(strapi, config.adminEmail);
  if (!account) {
    await createSuperAdmin(strapi, config);
    return;
  }
  const isCurrent = account.password && (await strapi.service('admin::auth').validatePassword(config.adminPassword, account.password));
  if (!isCurrent || !account.isActive) {
    await strapi.service('admin::user').updateById(account.id, { password: config.adminPassword, isActive: true });
    strapi.log.info(`Set the password of the super-admin ${config.adminEmail} from CMS_ADMIN_PASSWORD`);
  }
}

async function deactivateDevelopmentPasswords(strapi: Core.Strapi, config: Settings): Promise<void> {
  const auth = strapi.service('admin::auth');
  const accounts: Array<{ id: number; email: string; password: string | null; isActive: boolean }> = await strapi.db
    .query('admin::user')
    .findMany({ select: ['id', 'email', 'password', 'isActive'], where: { email: { $ne: config.adminEmail.toLowerCase() } } });
  for (const account of accounts) {
    if (!account.isActive || !account.password) {
      continue;
    }
    const matches = await Promise.all(DEVELOPMENT_PASSWORDS.map((password) => auth.validatePassword(password, account.password)));
    if (matches.some(Boolean)) {
      // Strapi's sign-in refuses inactive accounts (it does not look at `blocked`).
      await strapi.service('admin::user').updateById(account.id, { isActive: false });
      strapi.log.warn(
        `Deactivated the CMS account ${account.email}: it still signs in with a development password. ` +
          'To use it in production, give it a new password and make it active again in Settings → Users.',
      );
    }
  }
}

async function findAccount(strapi: Core.Strapi, email: string): Promise<{ id: number; password: string | null; isActive: boolean } | null> {
  return strapi.db.query('admin::user').findOne({ select: ['id', 'password', 'isActive'], where: { email: email.toLowerCase() } });
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
