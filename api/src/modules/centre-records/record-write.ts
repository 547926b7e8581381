import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayManageCentre } from '../../auth/authorize';
import { type MutationOutcome, runStaffMutation, toAuditJson } from '../../auth/staff-mutation';
import { Tags } from '../../cache/cache-tags';
import type { Context } from '../../context';
import type { Reader } from '../../db/read';
import type { Centre } from '../centre/centre.entity';
import type { CentreGuard } from '../centre/centre.service';

/** Options of every staff mutation's idempotencyKey argument. */
export const IDEMPOTENCY = { nullable: true, description: 'A retry with the same key returns the first result instead of writing twice.' } as const;

/** A record a centre owns, as the write side holds it: its centre is loaded with its region by the guard. */
export interface CentreRecordEntity {
  id: string;
  centre: Centre;
}

/** What writes to one kind of record share (a CentreRecordList has it): the entity, the audit's target type, and how to read the answer. */
export interface CentreRecordKind<E extends CentreRecordEntity, View> {
  entity: EntityClass<E>;
  targetType: string;
  readOne: (read: Reader, id: string) => Promise<View | null>;
}

export interface CentreRecordWrite<E> {
  /** The mutation's name: the audit's action, and the scope of its idempotency keys. */
  name: string;
  idempotencyKey: string | null | undefined;
  input: unknown;
  /** The record changed, for the audit's "before" (a creation has none). */
  beforeId?: string;
  /** What the audit keeps as "after": the record itself when absent. */
  after?: (record: E) => unknown;
  /** The rules (a service): may call the guard, must return the record written. */
  work: (em: EntityManager, guard: CentreGuard) => Promise<E>;
}

/**
 * Every staff write to a centre's record: the caller must manage that centre; the record as it
 * was and as it is are audited under the centre's region; the centre's answers and the root
 * lists are purged; the answer is the record's view, read afresh once the write committed.
 */
export async function writeCentreRecord<E extends CentreRecordEntity, View>(context: Context, kind: CentreRecordKind<E, View>, write: CentreRecordWrite<E>): Promise<View> {
  const record = await runStaffMutation(context, { name: write.name, idempotencyKey: write.idempotencyKey, input: write.input }, async (em, actor) => {
    // A copy as it is now: the service changes the entity in place.
    const before = write.beforeId ? toAuditJson(await em.findOne(kind.entity, { id: write.beforeId } as never)) : undefined;
    const written = await write.work(em, (centre) => assertMayManageCentre(actor, centre));
    return centreRecordOutcome(write.name, kind.targetType, written, { before, after: write.after ? write.after(written) : written });
  });
  return (await kind.readOne(context.read, record.id))!;
}

/**
 * What a write to one of a centre's records changed: the record (audited before and after,
 * under the centre's region) and the answers that showed it (the centre and the root lists).
 */
function centreRecordOutcome<T extends CentreRecordEntity>(
  action: string,
  targetType: string,
  record: T,
  { before, after }: { before?: unknown; after: unknown },
): MutationOutcome<T> {
  return {
    result: record,
    audit: { action, targetType, targetId: record.id, regionPath: record.centre.region.path, before, after },
    purgeTags: [Tags.centre(record.centre.code), Tags.operationalLists],
  };
}
