import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { RatingScheme } from './rating-scheme.entity';

@Entity({ tableName: 'rating_dimension' })
@Unique({ properties: ['scheme', 'key'] })
export class RatingDimension {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => RatingScheme, { fieldName: 'year', deleteRule: 'cascade' })
  scheme!: Rel<RatingScheme>;

  @Property({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'double' })
  weight!: number;

  @Property({ type: 'double' })
  maxScore!: number;

  @Property({ type: 'integer' })
  position!: number;
}
