import type { EntityManager } from '@mikro-orm/postgresql';
import type { Reader } from '../db/read';
import type { LoaderOptions } from '../shared/loader';
import type { Scope } from '../shared/region-subtree';

/** What a module's loaders are made from, once per request. */
export interface LoaderDeps {
  /** Plain-row reads that declare their cache tags: the only door public reads use. */
  read: Reader;
  /** The request's entity manager, for staff-only reads inside a write's rules. */
  em: EntityManager;
  scope: Scope | undefined;
  /** Batched, but for the benchmark's N+1 floor. */
  options: LoaderOptions;
}

/**
 * One feature, as the app sees it. `modules/index.ts` lists every module; the schema, the
 * request context's loaders, the ORM's entities and the cache's list tags derive from that
 * list, so a new feature touches its own folder and one line there.
 */
export interface FeatureModule<L extends object = object> {
  name: string;
  /** MikroORM entities: the write side (staff mutations, the CMS sync, seeds, migrations). */
  entities?: ReadonlyArray<abstract new (...args: never[]) => object>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: ReadonlyArray<Function>;
  loaders?: (deps: LoaderDeps) => L;
  /**
   * Fields (at any depth) whose answer is a list or lookup that a new or removed record may
   * change, with the tag that purges it: an answer that found nothing is purged when a
   * matching record appears.
   */
  listTags?: Readonly<Record<string, string>>;
  /** The module's types that implement Node, by GraphQL type name: how node(id:) finds them. */
  nodes?: Readonly<Record<string, NodeSource>>;
}

/**
 * How `node(id:)` reads one type: by the key inside the id, as the type's own root query would
 * (scope included). `load` gets the request's whole Context; it is typed here by the part every
 * module may rely on, because Context itself is derived from this list of modules.
 */
export interface NodeSource {
  load(key: string, context: { read: Reader }): Promise<object | null>;
  /** What purges an answer that found nothing, once such an object appears (a list tag); none for fixed data. */
  missingTag?: string;
}

export function defineModule<L extends object = object>(module: FeatureModule<L>): FeatureModule<L> {
  return module;
}
