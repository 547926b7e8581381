import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { StaffRole } from '../../auth/actor';
import { Centre } from '../centre/centre.entity';
import { Region } from '../region/region.entity';

@Entity({ tableName: 'staff_account' })
export class StaffAccount {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** Stored lower-cased, so sign-in ignores case. */
  @Index({ name: 'staff_account_email_unique', expression: 'create unique index "staff_account_email_unique" on "staff_account" ("email")' })
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @Enum({ items: () => StaffRole, nativeEnumName: 'staff_role' })
  role!: StaffRole;

  /** The subtree the role applies to. */
  @ManyToOne(() => Region, { fieldName: 'region_code', deleteRule: 'restrict' })
  region!: Rel<Region>;

  /** CENTRE_STAFF only: the one centre they keep. */
  @ManyToOne(() => Centre, { fieldName: 'centre_code', nullable: true, deleteRule: 'restrict' })
  centre?: Rel<Centre>;

  /** scrypt, as `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash. */
  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: 'timestamptz', nullable: true })
  disabledAt?: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
