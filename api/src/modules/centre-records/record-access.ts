import { assertMayManageCentre, forbidden, requireActor } from '../../auth/authorize';
import { markPrivate } from '../../cache/cache.plugin';
import type { Context } from '../../context';

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
