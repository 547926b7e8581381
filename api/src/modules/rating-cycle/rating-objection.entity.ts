import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Centre } from '../centre/centre.entity';
import { RatingCycle } from './rating-cycle.entity';

export enum ObjectionStatus {
  OPEN = 'OPEN',
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}

registerEnumType(ObjectionStatus, { name: 'ObjectionStatus' });

@ObjectType({ description: 'An objection (异议) lodged against a result during the public notice.' })
@Entity({ tableName: 'rating_objection' })
export class RatingObjection {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => RatingCycle, { deleteRule: 'cascade' })
  cycle!: Rel<RatingCycle>;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  /** Private: how to reach whoever lodged it; staff only. */
  @Property({ type: 'text', nullable: true })
  contact?: string | null;

  @Field(() => ObjectionStatus)
  @Enum({ items: () => ObjectionStatus, nativeEnumName: 'objection_status' })
  status: Opt<ObjectionStatus> = ObjectionStatus.OPEN;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  resolution?: string | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  lodgedAt: Opt<Date> = new Date();
}
