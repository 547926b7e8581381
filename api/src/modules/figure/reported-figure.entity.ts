import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Centre } from '../centre/centre.entity';

@ObjectType({ description: 'A yearly figure a centre reported, e.g. 服务群众 4738 人次, with the sentence it comes from.' })
@Entity({ tableName: 'reported_figure' })
@Unique({ properties: ['centre', 'year', 'key'] })
export class ReportedFigure {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field({ description: 'Stable English key, e.g. PEOPLE_SERVED.' })
  @Property({ type: 'text' })
  key!: string;

  @Field({ description: 'Chinese label, e.g. 服务群众.' })
  @Property({ type: 'text' })
  label!: string;

  @Field(() => Float)
  @Property({ type: 'double' })
  value!: number;

  @Field({ description: 'Unit as reported, e.g. 人次, 场, %.' })
  @Property({ type: 'text' })
  unit!: string;

  @Field({ description: 'True when the source says "more than" (余, 超, 突破).' })
  @Property({ type: 'boolean', default: false })
  isLowerBound: boolean = false;

  @Field({ description: 'True for a running total (累计) rather than a figure for the year alone.' })
  @Property({ type: 'boolean', default: false })
  isCumulative: boolean = false;

  @Field({ description: 'The sentence the figure was taken from.' })
  @Property({ type: 'text' })
  source!: string;
}
