import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parse, print } from 'graphql';
import { repoRoot } from '../paths';

/**
 * The registered operations a safelist-mode key may run: the files in schema/operations, by
 * the SHA-256 of their text (the hash automatic persisted queries use) → the text. Each is
 * registered twice: as the file is written, and as graphql-js prints it (`print(parse())`: no
 * comments, one layout), which is the text Apollo Client's persisted-query link and
 * graphql-codegen's persisted documents send and hash.
 */
export function loadSafelist(directory = path.join(repoRoot(), 'schema', 'operations')): Map<string, string> {
  const entries = readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(path.join(directory, file), 'utf8'))
    .flatMap((text) => [text, print(parse(text))])
    .map((text) => [sha256(text), text] as const);
  return new Map(entries);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// A registration removed by `replace` stops working on every replica within this time.
const REMEMBER_MS = 60_000;
const REMEMBER_MAX = 10_000;

/**
 * Who may run what: the documented operations (the files) for every safelist-mode key, plus
 * each key's own registered operations (api_key_operation, from its client's manifest).
 */
export class OperationSafelist {
  private readonly remembered = new Map<string, number>();

  constructor(
    readonly files: ReadonlyMap<string, string>,
    private readonly orm: MikroORM,
  ) {}

  /** Any caller but a safelist-mode key runs anything; such a key only what is registered for it. */
  async isAllowed(grant: { keyId: number; safelistOnly: boolean } | undefined, queryHash: string): Promise<boolean> {
    if (!grant?.safelistOnly || this.files.has(queryHash)) return true;
    const id = `${grant.keyId}:${queryHash}`;
    if ((this.remembered.get(id) ?? 0) > Date.now()) return true;
    const rows = await this.orm.em.getConnection().execute('select 1 from api_key_operation where key_id = ? and hash = ?', [grant.keyId, queryHash], 'all');
    if (rows.length === 0) return false;
    if (this.remembered.size >= REMEMBER_MAX) this.remembered.clear();
    this.remembered.set(id, Date.now() + REMEMBER_MS);
    return true;
  }

  /**
   * Apollo's persisted-query store: what clients sent with its hash, and every registered
   * operation by its hash from the start, so a client may send the hash alone (Apollo's
   * persisted-query link, codegen's persisted documents) without sending the text first.
   */
  persistedQueries(memory: KeyValueCache<string>): KeyValueCache<string> {
    const { files, orm } = this;
    return {
      async get(key) {
        const known = (await memory.get(key)) ?? files.get(key.replace(/^apq:/, ''));
        if (known !== undefined || !key.startsWith('apq:')) return known;
        const rows = await orm.em.getConnection().execute<Array<{ document: string }>>('select document from api_key_operation where hash = ? limit 1', [key.slice(4)], 'all');
        if (rows[0]) await memory.set(key, rows[0].document);
        return rows[0]?.document;
      },
      set: (key: string, value: string, options?: KeyValueCacheSetOptions) => memory.set(key, value, options),
      delete: (key: string) => memory.delete(key),
    };
  }
}
