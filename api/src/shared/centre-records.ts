import type { Actor } from '../auth/actor';
import { assertMayManageCentre, forbidden, requireActor } from '../auth/authorize';
import type { MutationOutcome } from '../auth/staff-mutation';
import { toAuditJson } from '../auth/staff-mutation';
import { Tags } from '../cache/cache-tags';
import { markPrivate } from '../cache/cache.plugin';
import type { Context } from '../context';
import type { Centre } from '../modules/centre/centre.entity';
import type { CentreGuard } from '../modules/centre/centre.service';

/** The guard services call before writing a centre's records: the actor may manage that centre. */
export function mayManage(actor: Actor): CentreGuard {
  return (centre) => assertMayManageCentre(actor, centre);
}

/** A copy of an entity as it is now, for the audit's "before" (services change it in place). */
export function snapshot(entity: object | null | undefined): unknown {
  return toAuditJson(entity);
}

/**
 * What a write to one of a centre's records changed: the record (audited before and after,
 * under the centre's region) and the answers that showed it (the centre and the root lists).
 */
export function centreRecordOutcome<T extends { id: string; centre: Centre }>(
  action: string,
  targetType: string,
  record: T,
  { before, after = record }: { before?: unknown; after?: unknown } = {},
): MutationOutcome<T> {
  return {
    result: record,
    audit: { action, targetType, targetId: record.id, regionPath: record.centre.region.path, before, after },
    purgeTags: [Tags.centre(record.centre.code), Tags.operationalLists],
  };
}

/** Options of every staff mutation's idempotencyKey argument. */
export const IDEMPOTENCY = { nullable: true, description: 'A retry with the same key returns the first result instead of writing twice.' } as const;

/**
 * Staff-only fields (contacts, volunteers, internal notes) of a centre's records: the caller
 * must be signed in as staff who may manage that centre, and the answer is never cached.
 */
export async function assertStaffMayRead(context: Context, centreCode: string): Promise<void> {
  const actor = requireActor(context);
  const centre = await context.loaders.centreByCode.load(centreCode);
  if (!centre) throw forbidden(actor, `read staff data of centre ${centreCode}`);
  assertMayManageCentre(actor, { code: centre.code, regionPath: centre.regionPath });
  markPrivate(context);
}
