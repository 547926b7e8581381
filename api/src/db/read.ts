import type { EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '../shared/region-subtree';

/**
 * The read side's one door to the database. Public reads fill plain view types from plain
 * rows: no entities, no identity map, no change-tracking snapshots (which cost more than the
 * SQL itself on a 100-centre list). Writes keep MikroORM's unit of work (runStaffMutation).
 */
export interface Reader {
  /**
   * Plain rows of one statement, with `?` placeholders. Columns come back as PostgreSQL
   * names them: alias them to the view's property names (`region_code as "regionCode"`).
   * `tagsOf` names the cache tag each row carries: the answer is purged when that row changes.
   */
  rows<T extends object>(sql: string, params?: readonly unknown[], tagsOf?: (row: T) => string): Promise<T[]>;
  /** Declares what the answer being built shows (cache/cache-tags.ts), for purges. */
  tag(...tags: string[]): void;
  /** Present for keys limited to a region: nothing outside it exists for them. */
  scope?: Scope;
}

export function createReader(em: EntityManager, tags: Set<string>, scope: Scope | undefined): Reader {
  const connection = em.getConnection('read');
  return {
    rows: async <T extends object>(sql: string, params: readonly unknown[] = [], tagsOf?: (row: T) => string) => {
      const rows = await connection.execute<T[]>(sql, params as unknown[], 'all');
      if (tagsOf) for (const row of rows) tags.add(tagsOf(row));
      return rows;
    },
    tag: (...values: string[]) => {
      for (const value of values) tags.add(value);
    },
    scope,
  };
}
