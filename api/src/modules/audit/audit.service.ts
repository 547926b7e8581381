import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../auth/actor';
import type { Page } from '../../shared/pagination';
import { AuditEntry } from './audit-entry.entity';

export interface AuditQuery {
  targetType?: string;
  targetId?: string;
  action?: string;
  actorId?: string;
  first: number;
  offset: number;
}

/** The entries about the actor's region subtree, newest first. */
export async function listAuditEntries(em: EntityManager, actor: Actor, query: AuditQuery): Promise<Page<AuditEntry>> {
  const where = {
    $or: [{ regionPath: actor.regionPath }, { regionPath: { $like: `${actor.regionPath}/%` } }],
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.actorId ? { actorId: query.actorId } : {}),
  };
  const [items, totalCount] = await em.findAndCount(AuditEntry, where, { orderBy: { id: 'desc' }, limit: query.first, offset: query.offset });
  return { items, totalCount, offset: query.offset };
}
