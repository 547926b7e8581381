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
  return plugin;
};
