import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

/**
 * Counts requests and cost per key and day in memory and writes them every few seconds,
 * so serving a keyed request costs no extra SQL statement.
 */
export class UsageRecorder {
  private pending = new Map<string, { keyId: number; day: string; requests: number; cost: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    flushSeconds = 10,
  ) {
    this.timer = setInterval(() => void this.flush(), flushSeconds * 1000);
    this.timer.unref();
  }

  record(keyId: number, cost: number, now = new Date()): void {
    const day = now.toISOString().slice(0, 10);
    const entry = this.pending.get(`${keyId}|${day}`) ?? { keyId, day, requests: 0, cost: 0 };
    entry.requests += 1;
    entry.cost += cost;
    this.pending.set(`${keyId}|${day}`, entry);
  }

  async flush(): Promise<void> {
    const entries = [...this.pending.values()];
    this.pending = new Map();
    if (entries.length === 0) return;
    try {
      await this.orm.em.getConnection().execute(
        `insert into api_key_usage (key_id, day, requests, cost)
         select * from unnest(?::int[], ?::date[], ?::int[], ?::int[])
         on conflict (key_id, day) do update
           set requests = api_key_usage.requests + excluded.requests, cost = api_key_usage.cost + excluded.cost`,
        [
          `{${entries.map((entry) => entry.keyId).join(',')}}`,
          `{${entries.map((entry) => entry.day).join(',')}}`,
          `{${entries.map((entry) => entry.requests).join(',')}}`,
          `{${entries.map((entry) => entry.cost).join(',')}}`,
        ],
      );
    } catch (error) {
      this.logger.error({ err: error }, 'could not record API key usage');
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
