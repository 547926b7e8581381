import type { Context } from '../context';
import { AppError, ErrorCode } from '../errors/app-error';
import { isWithin } from '../shared/region-subtree';
import { type Actor, StaffRole } from './actor';

const ADMIN_ROLES = new Set([StaffRole.CITY_ADMIN, StaffRole.COUNTY_ADMIN, StaffRole.STREET_ADMIN]);

export function requireActor(context: Context): Actor {
  if (!context.actor) {
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first: send "Authorization: Bearer <token>" with a token from the login mutation.');
  }
  return context.actor;
}

export function isInSubtree(actor: Actor, regionPath: string): boolean {
  return isWithin(regionPath, actor.regionPath);
}

export function forbidden(actor: Actor, what: string): AppError {
  return new AppError(ErrorCode.FORBIDDEN, `A ${actor.role} of region ${actor.regionCode} may not ${what}.`, { role: actor.role });
}

/** Operational data of a centre: its own staff, or an administrator whose subtree holds it. */
export function assertMayManageCentre(actor: Actor, centre: { code: string; regionPath: string }): void {
  const allowed = actor.role === StaffRole.CENTRE_STAFF ? actor.centreCode === centre.code : ADMIN_ROLES.has(actor.role) && isInSubtree(actor, centre.regionPath);
  if (!allowed) throw forbidden(actor, `change centre ${centre.code}`);
}

/** Region-wide data (a county's rating cycle, accounts, keys): an administrator of that subtree. */
export function assertMayManageRegion(actor: Actor, regionPath: string, roles: ReadonlySet<StaffRole> = ADMIN_ROLES): void {
  if (!roles.has(actor.role) || !isInSubtree(actor, regionPath)) {
    throw forbidden(actor, `change data of region ${regionPath.split('/').at(-1)}`);
  }
}

export function assertRole(actor: Actor, roles: readonly StaffRole[], what: string): void {
  if (!roles.includes(actor.role)) throw forbidden(actor, what);
}
