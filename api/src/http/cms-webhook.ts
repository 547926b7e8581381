import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import type { EditorialSyncRunner } from '../modules/editorial/editorial-sync.runner';
import { CmsUnavailableError } from '../modules/editorial/strapi-client';

export const WEBHOOK_SECRET_HEADER = 'x-star-centres-secret';

/**
 * POST /webhooks/cms. Strapi webhooks are unsigned, so a shared secret in a header proves
 * the sender; it is compared in constant time, and the body only names what to re-read.
 */
export function cmsWebhookRouter({ secret, runner, logger }: { secret: string | undefined; runner: EditorialSyncRunner | undefined; logger: Logger }): Router {
  const router = express.Router();
  router.post('/webhooks/cms', express.json({ limit: '1mb' }), async (req, res) => {
    if (!secret || !runner) {
      res.status(503).json({ error: 'The CMS connection is not configured (CMS_WEBHOOK_SECRET, CMS_API_TOKEN).' });
      return;
    }
    if (!isSameSecret(req.get(WEBHOOK_SECRET_HEADER), secret)) {
      logger.warn({ from: req.ip }, 'CMS webhook refused: wrong or missing secret');
      res.status(401).json({ error: 'Wrong or missing webhook secret.' });
      return;
    }
    try {
      res.json(await runner.handleWebhook(req.body ?? {}));
    } catch (error) {
      // The reconcile pass repairs what this event could not apply.
      const status = error instanceof CmsUnavailableError ? 502 : 500;
      if (error instanceof CmsUnavailableError) {
        // Normal while the CMS is still booting (its first seed fires webhooks before it listens).
        logger.warn({ reason: error.message }, 'CMS webhook not applied yet: the reconcile pass will pick it up');
      } else {
        logger.error({ err: error }, 'CMS webhook could not be applied');
      }
      res.status(status).json({ error: status === 502 ? 'The CMS could not be read; the reconcile pass will retry.' : 'Internal error' });
    }
  });
  return router;
}

function isSameSecret(given: string | undefined, expected: string): boolean {
  // Hashing first gives equal-length buffers, so timingSafeEqual never throws or leaks length.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}
