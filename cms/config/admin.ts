import { previewUrl } from '../src/preview';

export default ({ env }: { env: any }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  preview: {
    enabled: true,
    config: {
      allowedOrigins: [env('API_PUBLIC_URL', 'http://localhost:4000')],
      // The admin's Preview button opens the API's rendering of the draft.
      async handler(uid: string, { documentId, locale, status }: { documentId: string; locale?: string; status: string }) {
        return previewUrl({ apiUrl: env('API_PUBLIC_URL', 'http://localhost:4000'), secret: env('PREVIEW_SECRET'), uid, documentId, locale, status });
      },
    },
  },
});
