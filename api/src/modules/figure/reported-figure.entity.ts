import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Centre } from '../centre/centre.entity';

@Entity({ tableName: 'reported_figure' })
@Unique({ properties: ['centre', 'year', 'key'] })
export class ReportedFigure {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  label!: string;

  @Property({ type: 'double' })
  value!: number;

  @Property({ type: 'text' })
  unit!: string;

  @Property({ type: 'boolean', default: false })
  isLowerBound: boolean = false;

  @Property({ type: 'boolean', default: false })
  isCumulative: boolean = false;

  @Property({ type: 'text' })
  source!: string;
}
