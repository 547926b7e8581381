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
  /** Webhook events being applied, by document (and locale): `again` when more arrived meanwhile. */
  private readonly applying = new Map<string, { again: boolean; done: Promise<void> }>();

  constructor(
    private readonly orm: MikroORM,
    readonly client: StrapiClient,
    private readonly logger: Logger,
    private readonly reconcileSeconds: number,
    /** Purges cached responses by tag: every change applied here is purged. */
    private readonly purge: (tags: string[]) => Promise<unknown> = async () => undefined,
  ) {}

  /**
   * Takes a webhook event to apply in the background and answers at once. Re-reading a document
   * from Strapi takes hundreds of milliseconds while Strapi is busy, and its webhook runner should
   * not wait on that. A burst of events for one document is applied at most twice: the one
   * running, and once more after it (each application re-reads the document's current state,
   * so the events in between add nothing). A failure is logged; the reconcile pass repairs it.
   */
  acceptWebhook(event: CmsWebhookEvent): { accepted: true; coalesced: boolean } {
    const key = `${event.uid ?? ''}|${event.entry?.documentId ?? ''}|${event.entry?.locale ?? ''}|${event.event?.startsWith('media.') ? 'media' : ''}`;
    const current = this.applying.get(key);
    if (current) {
      current.again = true;
      return { accepted: true, coalesced: true };
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      do {
        entry.again = false;
        await this.handleWebhook(event).catch((error: unknown) => {
          if (error instanceof CmsUnavailableError) {
            // Normal while the CMS is still booting (its first seed fires webhooks before it listens).
            this.logger.warn({ reason: error.message }, 'CMS webhook not applied yet: the reconcile pass will pick it up');
          } else {
            this.logger.error({ err: error, event: event.event, uid: event.uid }, 'CMS webhook could not be applied: the reconcile pass will retry');
          }
        });
      } while (entry.again);
      this.applying.delete(key);
    })();
    this.applying.set(key, entry);
    return { accepted: true, coalesced: false };
  }

  /** Resolves once every accepted webhook event has been applied (or has failed). */
  async settled(): Promise<void> {
    while (this.applying.size > 0) await Promise.all([...this.applying.values()].map((entry) => entry.done));
  }

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
    await this.settled();
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
