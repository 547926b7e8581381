import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * The first result of a mutation sent with an idempotency key, per account: a retry gets
 * the same object back instead of doing the write twice.
 */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  operation!: string;

  /** SHA-256 of the input: the same key with another input is a client bug (CONFLICT). */
  @Property({ type: 'text' })
  inputHash!: string;

  @Property({ type: 'text' })
  resultEntity!: string;

  @Property({ type: 'jsonb' })
  resultId!: unknown;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
