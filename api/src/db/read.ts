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
   */
  rows<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Declares what the answer being built shows (cache/cache-tags.ts), for purges. */
  tag(...tags: string[]): void;
  /** Present for keys limited to a region: nothing outside it exists for them. */
  scope?: Scope;
}

export function createReader(em: EntityManager, tags: Set<string>, scope: Scope | undefined): Reader {
  const connection = em.getConnection('read');
  return {
    rows: <T extends object>(sql: string, params: readonly unknown[] = []) => connection.execute<T[]>(sql, params as unknown[], 'all'),
    tag: (...values: string[]) => {
      for (const value of values) tags.add(value);
    },
    scope,
  };
}
