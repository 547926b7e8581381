import { Entity, Enum, Index, PrimaryKey, Property , type Opt } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { StaffRole } from '../../auth/actor';

/** One write, as it happened: who, in which role, what, on what, when, before and after. */
@ObjectType({ description: 'One write by a staff member: who, in which role, what, on what, when, and the data before and after.' })
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['targetType', 'targetId'] })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => Date)
  @Index()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Opt<Date> = new Date();

  /** Kept as values, not a foreign key: the log outlives accounts and regions. */
  @Field(() => ID)
  @Property({ type: 'uuid' })
  actorId!: string;

  @Field()
  @Property({ type: 'text' })
  actorEmail!: string;

  @Field(() => StaffRole)
  @Enum({ items: () => StaffRole, nativeEnumName: 'staff_role' })
  actorRole!: StaffRole;

  @Field({ description: 'The mutation, e.g. submitAssessment.' })
  @Property({ type: 'text' })
  action!: string;

  @Field()
  @Property({ type: 'text' })
  targetType!: string;

  @Field()
  @Property({ type: 'text' })
  targetId!: string;

  /** The region path the target belongs to, so administrators read only their subtree. */
  @Field({ description: 'Region codes from 玉溪市 down to the region of the target, joined by "/".' })
  @Index({ name: 'audit_entry_region_path_idx', expression: 'create index "audit_entry_region_path_idx" on "audit_entry" ("region_path" text_pattern_ops)' })
  @Property({ type: 'text' })
  regionPath!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  before?: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  after?: unknown;
}
