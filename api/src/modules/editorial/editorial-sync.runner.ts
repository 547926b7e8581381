import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { editorialTypeByUid } from './editorial-types';
import { reconcile, type ReconcileReport, storedLocales, syncDocument, type SyncOutcome } from './editorial-sync.service';
import { CmsUnavailableError, type StrapiClient } from './strapi-client';

export interface CmsWebhookEvent {
  event?: string;
  uid?: string;
  entry?: { documentId?: string; locale?: string | null };
}

/** Keeps the editorial read model in step with the CMS: webhooks, plus a periodic reconcile. */
export class EditorialSyncRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ReconcileReport | null> | undefined;

  constructor(
    private readonly orm: MikroORM,
    readonly client: StrapiClient,
    private readonly logger: Logger,
    private readonly reconcileSeconds: number,
    /** Purges cached responses by tag: every change applied here is purged. */
    private readonly purge: (tags: string[]) => Promise<unknown> = async () => undefined,
  ) {}

  /** Applies one webhook event; the body only says what to re-read. */
  async handleWebhook(event: CmsWebhookEvent): Promise<{ outcomes: SyncOutcome[] } | { ignored: string }> {
    if (event.event?.startsWith('media.')) {
      // A file may be shown by any document: re-read everything, in the background.
      void this.reconcileNow('media changed');
      return { ignored: 'media change: reconcile scheduled' };
    }
    const type = editorialTypeByUid(event.uid);
    const documentId = event.entry?.documentId;
    if (!type || !documentId) {
      return { ignored: `not an editorial document (${event.uid ?? 'no uid'})` };
    }
    const em = this.orm.em.fork();
    const locales = event.entry?.locale ? [event.entry.locale] : await storedLocales(em, type, documentId);
    const outcomes: SyncOutcome[] = [];
    const tags = new Set<string>();
    for (const locale of locales) {
      const result = await syncDocument(em, this.client, type, { documentId, locale });
      outcomes.push(result.outcome);
      result.tags.forEach((tag) => tags.add(tag));
    }
    await this.purge([...tags]);
    this.logger.info({ event: event.event, uid: event.uid, documentId, locales, outcomes }, 'editorial webhook applied');
    return { outcomes };
  }

  /** One reconcile at a time; a failure (CMS down) is reported and reads carry on. */
  reconcileNow(reason: string): Promise<ReconcileReport | null> {
    this.running ??= this.runReconcile(reason).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  startSchedule(): void {
    if (this.reconcileSeconds > 0 && !this.timer) {
      this.timer = setInterval(() => void this.reconcileNow('scheduled'), this.reconcileSeconds * 1000);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async runReconcile(reason: string): Promise<ReconcileReport | null> {
    const startedAt = Date.now();
    try {
      const report = await reconcile(this.orm.em.fork(), this.client);
      await this.purge(report.tags);
      const fixed = report.upserted + report.deleted;
      const { tags: _tags, ...counts } = report;
      this.logger[fixed > 0 ? 'info' : 'debug']({ reason, ...counts, ms: Date.now() - startedAt }, `editorial reconcile: ${fixed} fixed`);
      return report;
    } catch (error) {
      if (error instanceof CmsUnavailableError) {
        this.logger.warn({ reason, err: error.message }, 'editorial reconcile skipped: the CMS is unavailable; serving what the API has');
        return null;
      }
      this.logger.error({ reason, err: error }, 'editorial reconcile failed');
      return null;
    }
  }
}
