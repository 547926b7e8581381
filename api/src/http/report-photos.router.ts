import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { assertMayManageCentre } from '../auth/authorize';
import { Tags } from '../cache/cache-tags';
import type { StaffIdentity } from '../context';
import { ErrorCode } from '../errors/app-error';
import { refuse } from './client-identity';
import type { RateLimiter } from '../limits/rate-limiter';
import { newRecordId } from '../shared/records';
import { reportTokenHash } from '../modules/report/report-resident.service';
import { Report, ReportPhoto } from '../modules/report/report.entity';
import { PUBLIC_STATUSES } from '../modules/report/report.loaders';
import { photoTypeOf, PhotoFormatError, stripMetadata } from '../modules/report/report-photo.strip';
import type { PhotoStore } from '../modules/report/report-photo.store';
import { lockReport } from '../modules/report/report.states';
import { isPublicKind, ReportStatus, type ReportKind } from '../modules/report/report.types';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_REPORT = 6;
/** Photos are added while the case is open. */
const OPEN = new Set<string>([ReportStatus.SUBMITTED, ReportStatus.ACCEPTED, ReportStatus.IN_HANDLING]);
const NOT_FOUND = 'No such report or photo (or this token does not open it).';

export interface ReportPhotoRouterOptions {
  orm: MikroORM;
  store: PhotoStore;
  limiter: RateLimiter;
  /** Photo uploads an address may make an hour. */
  uploadsPerAddressPerHour: number;
  purge(tags: string[]): Promise<void>;
}

/**
 * Photos of reports over plain HTTP, because GraphQL here takes JSON only (base64 would cost a
 * third more and be read whole before any check). `POST /reports/:id/photos` takes the image as
 * the raw body with the report's token in `X-Report-Token`; the token, the photo count and the
 * address's budget are checked, and a Content-Length over 5 MB refused, before the body is read,
 * and express.raw stops reading at 5 MB whatever the length claimed. `GET /reports/photos/:id`
 * serves public kinds to anyone once listed, and private ones only to the token or to staff of
 * the centre: a 404 for everyone else, the same as for a photo that does not exist.
 */
export function reportPhotoRouter({ orm, store, limiter, uploadsPerAddressPerHour, purge }: ReportPhotoRouterOptions) {
  const router = express.Router();

  const checkBeforeReading: RequestHandler = async (req, res, next) => {
    const claimed = Number(req.get('content-length') ?? 'NaN');
    if (claimed > MAX_PHOTO_BYTES) {
      res.set('Connection', 'close');
      refuse(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `A photo may have at most ${MAX_PHOTO_BYTES} bytes.`, { maxBytes: MAX_PHOTO_BYTES });
      return;
    }
    const tokenHash = reportTokenHash(req.get('x-report-token'));
    const [report] = tokenHash
      ? await orm.em
          .getConnection()
          .execute<Array<{ status: string; count: number }>>(
            'select r.status, (select count(*)::int from report_photo p where p.report_id = r.id) as count from report r where r.id = ? and r.token_hash = ?',
            [String(req.params.id), tokenHash],
          )
      : [];
    if (!report) return refuseUnread(res, 404, ErrorCode.NOT_FOUND, NOT_FOUND);
    if (!OPEN.has(report.status)) return refuseUnread(res, 409, ErrorCode.CONFLICT, `Photos are added while the report is open; it is ${report.status}.`);
    if (report.count >= MAX_PHOTOS_PER_REPORT) return refuseUnread(res, 409, ErrorCode.CONFLICT, `A report may have at most ${MAX_PHOTOS_PER_REPORT} photos.`);
    const budget = await limiter.consume(`report-photo:address:${req.ip}`, 1, uploadsPerAddressPerHour, 3600);
    if (!budget.allowed)
      return refuseUnread(res, 429, ErrorCode.RATE_LIMITED, `Too many photos from this address. Try again in ${budget.retryAfterSeconds} s.`, budget.retryAfterSeconds);
    next();
  };

  router.post('/reports/:id/photos', checkBeforeReading, express.raw({ type: () => true, limit: MAX_PHOTO_BYTES }), async (req: Request, res: Response, next: NextFunction) => {
    try {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const type = photoTypeOf(bytes);
      if (!type) return refuse(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'A photo must be a JPEG, PNG or WebP image (checked by its content, not its name or header).', {});
      let clean: Buffer;
      try {
        clean = stripMetadata(bytes, type);
      } catch (error) {
        if (error instanceof PhotoFormatError) return refuse(res, 400, ErrorCode.BAD_REQUEST, `The image could not be read: ${error.message}.`, {});
        throw error;
      }
      const reportId = String(req.params.id);
      const saved = await orm.em.fork().transactional(async (em) => {
        // The count again under the report's lock: two uploads at once cannot pass the limit together.
        const report = await lockReport(em, reportId);
        if ((await em.count(ReportPhoto, { report })) >= MAX_PHOTOS_PER_REPORT) return undefined;
        const photo = em.create(ReportPhoto, { id: newRecordId(), report, contentType: type, byteSize: clean.length, storageKey: '' });
        photo.storageKey = photo.id;
        await store.put(photo.storageKey, clean);
        await em.flush();
        return { photo, centreCode: (report as Report).centre.code };
      });
      if (!saved) return refuse(res, 409, ErrorCode.CONFLICT, `A report may have at most ${MAX_PHOTOS_PER_REPORT} photos.`, {});
      await purge([Tags.centre(saved.centreCode)]);
      res
        .status(201)
        .set('Cache-Control', 'no-store')
        .json({ id: saved.photo.id, contentType: type, byteSize: clean.length, url: `/reports/photos/${saved.photo.id}` });
    } catch (error) {
      next(error);
    }
  });

  router.get('/reports/photos/:id', async (req, res) => {
    const [photo] = await orm.em
      .getConnection()
      .execute<
        Array<{ storageKey: string; contentType: string; kind: ReportKind; status: ReportStatus; isHidden: boolean; tokenHash: string; centreCode: string; regionPath: string }>
      >(
        `select p.storage_key as "storageKey", p.content_type as "contentType", r.kind, r.status, r.is_hidden as "isHidden", r.token_hash as "tokenHash",
         r.centre_code as "centreCode", g.path as "regionPath"
       from report_photo p join report r on r.id = p.report_id join centre c on c.code = r.centre_code join region g on g.code = c.region_code where p.id = ?`,
        [String(req.params.id)],
      );
    res.vary('X-Report-Token').vary('Authorization');
    const isPublic = !!photo && isPublicKind(photo.kind) && PUBLIC_STATUSES.includes(photo.status) && !photo.isHidden;
    const mayRead = photo && (isPublic || reportTokenHash(req.get('x-report-token')) === photo.tokenHash || isStaffOf(res.locals.staff as StaffIdentity | undefined, photo));
    const bytes = mayRead ? await store.get(photo.storageKey) : null;
    if (!photo || !bytes) return refuse(res, 404, ErrorCode.NOT_FOUND, NOT_FOUND, {});
    res
      .status(200)
      .set({
        'Content-Type': photo.contentType,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': isPublic ? 'public, max-age=300' : 'private, no-store',
        ...(isPublic ? { 'Surrogate-Key': Tags.centre(photo.centreCode) } : {}),
      })
      .send(bytes);
  });

  return router;
}

function isStaffOf(staff: StaffIdentity | undefined, photo: { centreCode: string; regionPath: string }): boolean {
  if (!staff) return false;
  try {
    assertMayManageCentre(staff.actor, { code: photo.centreCode, regionPath: photo.regionPath });
    return true;
  } catch {
    return false;
  }
}

/** A refusal before the body was read: the connection is closed rather than drained. */
function refuseUnread(res: Response, status: number, code: string, message: string, retryAfterSeconds?: number): void {
  res.set('Connection', 'close');
  if (retryAfterSeconds !== undefined) res.set('Retry-After', String(retryAfterSeconds));
  refuse(res, status, code, message, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
}
