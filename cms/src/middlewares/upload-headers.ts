import path from 'node:path';
import { uploadTypeOf } from '../uploads/upload-types';

/**
 * Uploads are served from the admin's own origin, so nothing under /uploads may run there,
 * including files stored before the upload allowlist existed: a sandboxed CSP with no script
 * source, no MIME sniffing, and anything but images and video as a download. Files of a type
 * the allowlist does not know (an old .html, .svg or .js) are sent as opaque bytes, which a
 * browser will not run as a page or as a script.
 */
const UPLOADS_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

export default () => async (ctx: any, next: () => Promise<void>) => {
  await next();
  const requested = servedPath(ctx.path);
  if (requested === undefined || !requested.startsWith('/uploads/')) {
    return;
  }
  const type = uploadTypeOf(requested);
  ctx.set('Content-Security-Policy', UPLOADS_CSP);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Disposition', type?.inline ? 'inline' : 'attachment');
  if (ctx.status < 300) {
    ctx.type = type?.mime ?? 'application/octet-stream';
  }
};

/** The path the static server resolves (decoded, dot segments and doubled slashes gone), so /%75ploads/x.html counts too. */
function servedPath(rawPath: string): string | undefined {
  try {
    return path.posix.normalize(decodeURIComponent(rawPath));
  } catch {
    return undefined;
  }
}
