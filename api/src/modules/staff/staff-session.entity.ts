import { Entity, Index, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { StaffAccount } from './staff-account.entity';

/**
 * A signed-in session. The token is opaque and only its SHA-256 is stored, so signing out
 * (or disabling an account) ends it at once; a JWT could not be taken back before it expires.
 */
@Entity({ tableName: 'staff_session' })
export class StaffSession {
  @PrimaryKey({ type: 'text' })
  tokenHash!: string;

  @Index()
  @ManyToOne(() => StaffAccount, { fieldName: 'account_id', deleteRule: 'cascade' })
  account!: Rel<StaffAccount>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;
}
