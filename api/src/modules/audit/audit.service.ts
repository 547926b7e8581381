import type { Actor } from '../../auth/actor';
import type { Reader } from '../../db/read';
import type { Page } from '../../shared/pagination';
import { subtreeSql } from '../../shared/region-subtree';
import { AUDIT_COLUMNS, type AuditEntryView } from './audit.view';

export interface AuditQuery {
  targetType?: string;
  targetId?: string;
  action?: string;
  actorId?: string;
  first: number;
  offset: number;
}

/** The entries about the actor's region subtree, newest first. */
export async function listAuditEntries(read: Reader, actor: Actor, query: AuditQuery): Promise<Page<AuditEntryView>> {
  const subtree = subtreeSql('a.region_path', actor.regionPath);
  const where = [subtree.sql];
  const params: unknown[] = [...subtree.params];
  for (const [column, value] of [
    ['a.target_type', query.targetType],
    ['a.target_id', query.targetId],
    ['a.action', query.action],
    ['a.actor_id::text', query.actorId],
  ] as const) {
    if (value) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  const from = `audit_entry a where ${where.join(' and ')}`;
  const [items, [count]] = await Promise.all([
    query.first === 0
      ? Promise.resolve([])
      : read
          .rows<AuditEntryView & { at: string }>(`select ${AUDIT_COLUMNS} from ${from} order by a.id desc limit ? offset ?`, [...params, query.first, query.offset])
          // The driver hands timestamps over as text (MikroORM's setting); the scalar wants a Date.
          .then((rows) => rows.map((row) => ({ ...row, at: new Date(row.at) }))),
    read.rows<{ count: string }>(`select count(*) as count from ${from}`, params),
  ]);
  return { items, totalCount: Number(count.count), offset: query.offset };
}
