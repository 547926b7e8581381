import { Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { StaffRole } from './actor';

/**
 * One write, as it happened: who, in which role, what, on what, when, before and after.
 * Written by runStaffMutation in the write's transaction; read by the audit module (AuditEntryView).
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['targetType', 'targetId'] })
export class AuditEntry {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Index()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Opt<Date> = new Date();

  /** Kept as values, not a foreign key: the log outlives accounts and regions. */
  @Property({ type: 'uuid' })
  actorId!: string;

  @Property({ type: 'text' })
  actorEmail!: string;

  @Enum({ items: () => StaffRole, nativeEnumName: 'staff_role' })
  actorRole!: StaffRole;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  targetType!: string;

  @Property({ type: 'text' })
  targetId!: string;

  /** The region path the target belongs to, so administrators read only their subtree. */
  @Index({ name: 'audit_entry_region_path_idx', expression: 'create index "audit_entry_region_path_idx" on "audit_entry" ("region_path" text_pattern_ops)' })
  @Property({ type: 'text' })
  regionPath!: string;

  @Property({ type: 'jsonb', nullable: true })
  before?: unknown;

  @Property({ type: 'jsonb', nullable: true })
  after?: unknown;
}
