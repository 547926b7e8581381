import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { StaffRole } from '../../auth/actor';

@ObjectType('AuditEntry', { simpleResolvers: true, description: 'One write by a staff member: who, in which role, what, on what, when, and the data before and after.' })
export class AuditEntryView {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => ID)
  actorId!: string;

  @Field()
  actorEmail!: string;

  @Field(() => StaffRole)
  actorRole!: StaffRole;

  @Field({ description: 'The mutation, e.g. submitAssessment.' })
  action!: string;

  @Field()
  targetType!: string;

  @Field()
  targetId!: string;

  @Field({ description: 'Region codes from 玉溪市 down to the region of the target, joined by "/".' })
  regionPath!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;
}

export const AUDIT_COLUMNS = `a.id, a.at, a.actor_id as "actorId", a.actor_email as "actorEmail", a.actor_role as "actorRole", a.action,
  a.target_type as "targetType", a.target_id as "targetId", a.region_path as "regionPath", a.before, a.after`;
