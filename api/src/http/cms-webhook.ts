import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors/app-error';
import type { CmsWebhookEvent, EditorialSyncRunner } from '../modules/editorial/editorial-sync.runner';

export const WEBHOOK_SECRET_HEADER = 'x-star-centres-secret';

// Strapi sends the whole entry: the source article alone is 45 KB as JSON. Only a sender
// that knows the secret gets this far, so the limit guards against mistakes, not strangers.
const WEBHOOK_BODY_LIMIT = '256kb';

/**
 * POST /webhooks/cms. Strapi webhooks are unsigned, so a shared secret in a header proves
 * the sender; it is compared in constant time before a byte of the body is read, and the
 * body only names what to re-read, in the background. Failures answer `{ error, code }` (http/error-handler.ts).
 */
export function cmsWebhookRouter({ secret, runner, logger }: { secret: string | undefined; runner: EditorialSyncRunner | undefined; logger: Logger }): Router {
  const router = express.Router();
  router.post(
    '/webhooks/cms',
    (req, res, next) => {
      if (!secret || !runner) {
        res.status(503).json({ error: 'The CMS connection is not configured (CMS_WEBHOOK_SECRET, CMS_API_TOKEN).', code: 'NOT_CONFIGURED' });
        return;
      }
      if (!isSameSecret(req.get(WEBHOOK_SECRET_HEADER), secret)) {
        logger.warn({ from: req.ip }, 'CMS webhook refused: wrong or missing secret');
        res.status(401).json({ error: 'Wrong or missing webhook secret.', code: ErrorCode.UNAUTHENTICATED });
        return;
      }
      next();
    },
    express.json({ limit: WEBHOOK_BODY_LIMIT }),
    async (req, res) => {
      if (!isWebhookEvent(req.body)) {
        res.status(400).json({ error: 'The body is not a Strapi webhook event (event, uid, entry.documentId, entry.locale as strings).', code: ErrorCode.BAD_REQUEST });
        return;
      }
      // Applied in the background (runner.acceptWebhook): 202 says it was taken, not yet done.
      res.status(202).json(runner!.acceptWebhook(req.body));
    },
  );
  return router;
}

function isSameSecret(given: string | undefined, expected: string): boolean {
  // Hashing first gives equal-length buffers, so timingSafeEqual never throws or leaks length.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}

function isWebhookEvent(body: unknown): body is CmsWebhookEvent {
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const isText = (value: unknown) => value === undefined || value === null || typeof value === 'string';
  if (!isRecord(body) || !isText(body.event) || !isText(body.uid)) return false;
  return body.entry === undefined || body.entry === null || (isRecord(body.entry) && isText(body.entry.documentId) && isText(body.entry.locale));
}
