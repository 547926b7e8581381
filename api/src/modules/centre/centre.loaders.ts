import { Tags } from '../../cache/cache-tags';
import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { type LoaderOptions, manyByKey, oneByKey } from '../../shared/loader';
import { type Scope, subtreeFilter, subtreeSql } from '../../shared/region-subtree';
import { CENTRE_COLUMNS, CENTRE_FROM, type CentreView } from './centre.view';

/** Centres a key limited to a region may see: those in its subtree (`r` is the centre's region). */
export function centreScopeSql(scope: Scope | undefined): { sql: string; params: string[] } {
  if (!scope) return { sql: 'true', params: [] };
  return subtreeSql('r.path', scope.path);
}

export const centreTag = (centre: { code: string }) => Tags.centre(centre.code);

export function createCentreLoaders(read: Reader, options: LoaderOptions) {
  const scope = centreScopeSql(read.scope);
  return {
    centreByCode: oneByKey<string, CentreView>(
      (codes) => read.rows<CentreView>(`select ${CENTRE_COLUMNS} from ${CENTRE_FROM} where c.code = any(?::text[]) and ${scope.sql}`, [pgArray(codes), ...scope.params], centreTag),
      (centre) => centre.code,
      options,
    ),
    centresByParentCode: manyByKey<string, CentreView>(
      (codes) =>
        read.rows<CentreView>(
          `select ${CENTRE_COLUMNS} from ${CENTRE_FROM} where c.parent_code = any(?::text[]) and ${scope.sql} order by c.code`,
          [pgArray(codes), ...scope.params],
          centreTag,
        ),
      (centre) => centre.parentCode!,
      options,
    ),
  };
}

/** The same scope as a MikroORM filter on a centre, for write-side rules that still load entities. */
export function inScope(scope: Scope | undefined) {
  return scope ? { region: subtreeFilter('path', scope.path) } : {};
}
