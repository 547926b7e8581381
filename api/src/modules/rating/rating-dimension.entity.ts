import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RatingScheme } from './rating-scheme.entity';

@ObjectType({ description: 'One of the six evaluated dimensions, e.g. 基础运行 or 政治功能.' })
@Entity({ tableName: 'rating_dimension' })
@Unique({ properties: ['scheme', 'key'] })
export class RatingDimension {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => RatingScheme, { fieldName: 'year', deleteRule: 'cascade' })
  scheme!: Rel<RatingScheme>;

  @Field({ description: 'Stable English key, e.g. BASIC_OPERATION.' })
  @Property({ type: 'text' })
  key!: string;

  @Field({ description: 'Chinese name, e.g. 基础运行.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Float, { description: 'Share of the total score, between 0 and 1.' })
  @Property({ type: 'double' })
  weight!: number;

  @Field(() => Float)
  @Property({ type: 'double' })
  maxScore!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  position!: number;
}
