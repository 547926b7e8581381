import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

/**
 * Secret keys are for servers (sent as a header, never in a URL). Publishable keys are for
 * pages that anyone can read (iframe URLs, the web component): they work only from their
 * origins and only for reads.
 */
export enum ApiKeyKind {
  SECRET = 'SECRET',
  PUBLISHABLE = 'PUBLISHABLE',
}

registerEnumType(ApiKeyKind, {
  name: 'ApiKeyKind',
  description: 'SECRET (sc_…): for servers, sent as a header, never in a URL. PUBLISHABLE (pk_…): for web pages, only from its origins, read-only.',
});

/**
 * A portal's key. Only a SHA-256 of the secret is stored: keys are 32 random bytes, so a
 * fast hash is enough, and the secret itself is shown once, when the key is created.
 */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => ApiKeyKind, nativeEnumName: 'api_key_kind', default: ApiKeyKind.SECRET })
  kind: ApiKeyKind = ApiKeyKind.SECRET;

  /** The first characters of the key, shown in lists so people can tell keys apart. */
  @Property({ type: 'text' })
  prefix!: string;

  /** Only in the answer of the mutation that creates the key; never stored. */
  @Property({ persist: false, hidden: true, type: 'text', nullable: true })
  secret?: string | null;

  @Unique()
  @Property({ type: 'text', hidden: true })
  keyHash!: string;

  /** Browser origins allowed to call with this key (CORS); empty: no browser origin. */
  @Property({ type: 'text[]', default: '{}' })
  allowedOrigins: string[] = [];

  /** Region subtree the key may read centres of; null: all of Yuxi. */
  @Property({ type: 'text', nullable: true })
  regionCode?: string;

  /** Cost points the key may spend per minute. */
  @Property({ type: 'integer' })
  ratePerMinute!: number;

  /** Safelist mode: the key may run only the registered operations (schema/operations). */
  @Property({ type: 'boolean', default: false })
  safelistOnly: boolean = false;

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** Requests and cost spent per key per day (UTC), for administrators. */
@Entity({ tableName: 'api_key_usage' })
@Index({ properties: ['day'] })
export class ApiKeyUsage {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  keyId!: number;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'integer', default: 0 })
  requests: number = 0;

  @Property({ type: 'integer', default: 0 })
  cost: number = 0;
}

/**
 * An operation a city administrator registered for one key from its client's manifest: the
 * key may run it by hash (safelist mode) as Apollo Client and graphql-codegen send it.
 */
@Entity({ tableName: 'api_key_operation' })
export class ApiKeyOperation {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  keyId!: number;

  /** SHA-256 (hex) of `document`: the id both manifest formats use. */
  @PrimaryKey({ type: 'text' })
  hash!: string;

  @Property({ type: 'text', nullable: true })
  name?: string;

  @Property({ type: 'text' })
  document!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  registeredAt: Date = new Date();
}
