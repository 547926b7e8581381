import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Centre } from '../centre/centre.entity';
import { RatingCycle } from './rating-cycle.entity';

export enum ObjectionStatus {
  OPEN = 'OPEN',
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}

registerEnumType(ObjectionStatus, { name: 'ObjectionStatus' });

@Entity({ tableName: 'rating_objection' })
export class RatingObjection {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => RatingCycle, { deleteRule: 'cascade' })
  cycle!: Rel<RatingCycle>;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Property({ type: 'text' })
  text!: string;

  /** Private: how to reach whoever lodged it; staff only. */
  @Property({ type: 'text', nullable: true })
  contact?: string | null;

  @Enum({ items: () => ObjectionStatus, nativeEnumName: 'objection_status' })
  status: Opt<ObjectionStatus> = ObjectionStatus.OPEN;

  @Property({ type: 'text', nullable: true })
  resolution?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  lodgedAt: Opt<Date> = new Date();
}
