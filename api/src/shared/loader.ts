import DataLoader from 'dataloader';

/**
 * `batch: false` is for the benchmark only (createApp's `loaders`, passed by bench/api-server.ts):
 * every load runs its own query, the N+1 floor the batched loaders are compared with.
 */
export interface LoaderOptions {
  batch: boolean;
}

/** Loaders outside the benchmark's List and Deep workloads are always batched. */
const BATCHED: LoaderOptions = { batch: true };

/**
 * A per-request loader for rows that have one key each. The batch function runs one
 * query for all keys; results come back in key order, null where nothing matched.
 */
export function oneByKey<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K, { batch }: LoaderOptions = BATCHED) {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), row] as const));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { batch },
  );
}

/** Like oneByKey, for rows grouped under a key; rows keep the order fetch returned them in. */
export function manyByKey<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K, { batch }: LoaderOptions = BATCHED) {
  return new DataLoader<K, V[]>(
    async (keys) => {
      const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
      for (const row of await fetch(keys)) {
        groups.get(keyOf(row))?.push(row);
      }
      return keys.map((key) => groups.get(key) ?? []);
    },
    { batch },
  );
}

/**
 * Loaders that depend on field arguments (a filter, a page) are made on first use and
 * kept per request under a key naming those arguments, so sibling fields with the same
 * arguments share one batch.
 */
export function loaderCache() {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return <K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> => {
    let loader = loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = create();
      loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  };
}
