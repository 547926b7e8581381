import { refuseUnlistedUpload } from '../../uploads/upload-types';

type UploadedFile = { filepath: string; originalFilename?: string | null };

/**
 * Every way a file enters the media library (admin upload, replace, "from URL", the REST
 * upload) goes through the upload service's upload or replace; both check the file first.
 */
export default (plugin: any) => {
  const createUploadService = plugin.services.upload;
  plugin.services.upload = ({ strapi }: { strapi: unknown }) => {
    const service = createUploadService({ strapi });
    return {
      ...service,
      async upload(input: { data: unknown; files: UploadedFile | UploadedFile[] }, opts?: unknown) {
        for (const file of [input.files].flat()) {
          await refuseUnlistedUpload(file);
        }
        return service.upload(input, opts);
      },
      async replace(id: unknown, input: { data: unknown; file: UploadedFile }, opts?: unknown) {
        await refuseUnlistedUpload(input.file);
        return service.replace(id, input, opts);
      },
    };
  };
  readSettingsWithMediaAccess(plugin);
  return plugin;
};

/**
 * The media library reads its settings (image optimisation, AI captions) whenever it opens; the
 * route asks for the settings permission, so an editor's session showed a 403 each time. Reading
 * them needs media access only; changing them still needs the settings permission.
 */
function readSettingsWithMediaAccess(plugin: any): void {
  const route = plugin.routes.admin.routes.find((candidate: any) => candidate.method === 'GET' && candidate.path === '/settings');
  const permissions = route.config.policies.find((policy: any) => policy?.name === 'admin::hasPermissions');
  permissions.config.actions = ['plugin::upload.read'];
  // The controller checks the settings permission again; this is its read with the media check.
  plugin.controllers['admin-settings'].getSettings = async (ctx: any) => {
    if (ctx.state.userAbility.cannot('plugin::upload.read', 'plugin::upload.file')) {
      return ctx.forbidden();
    }
    const settings = await strapi.plugin('upload').service('upload').getSettings();
    const { concurrentUploadRequests = 1 } = strapi.config.get('plugin::upload') as { concurrentUploadRequests?: number };
    ctx.body = { data: { ...settings, concurrentUploadRequests } };
  };
}
