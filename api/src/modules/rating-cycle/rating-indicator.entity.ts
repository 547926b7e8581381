import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RatingDimension } from '../rating/rating-dimension.entity';
import { RatingScheme } from '../rating/rating-scheme.entity';

export enum IndicatorRule {
  /** The evaluator scores 0..max against a list of items. */
  CHECKLIST = 'CHECKLIST',
  /** Met (full score), unmet (0) or not applicable (left out of the maximum). */
  MET_UNMET = 'MET_UNMET',
  /** The evaluator enters a measured value; the bands turn it into a score. */
  NUMERIC_BAND = 'NUMERIC_BAND',
  /** Like NUMERIC_BAND, with the value taken from the centre's figures when the assessment is submitted. */
  DERIVED = 'DERIVED',
}

registerEnumType(IndicatorRule, {
  name: 'IndicatorRule',
  description: 'CHECKLIST: 0..max against listed items. MET_UNMET: full score, 0, or not applicable. NUMERIC_BAND: a measured value scored by bands. DERIVED: the value comes from operational data at submission.',
});

@ObjectType({ description: 'A band of a numeric indicator: values of at least `min` earn `score`.' })
export class ScoreBand {
  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  score!: number;
}

@ObjectType({ description: 'One scored item under a dimension of the rating scheme.' })
@Entity({ tableName: 'rating_indicator' })
@Unique({ properties: ['scheme', 'code'] })
export class RatingIndicator {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => RatingScheme, { fieldName: 'year', deleteRule: 'cascade' })
  scheme!: Rel<RatingScheme>;

  @ManyToOne(() => RatingDimension, { deleteRule: 'cascade' })
  dimension!: Rel<RatingDimension>;

  @Field({ description: 'Stable code within the scheme, e.g. B1.' })
  @Property({ type: 'text' })
  code!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Float)
  @Property({ type: 'double' })
  maxScore!: number;

  @Field(() => IndicatorRule)
  @Enum({ items: () => IndicatorRule, nativeEnumName: 'indicator_rule' })
  rule!: IndicatorRule;

  @Field(() => [String], { description: 'CHECKLIST: the items checked.' })
  @Property({ type: 'text[]', default: '{}' })
  checklist: string[] = [];

  @Field(() => [ScoreBand], { description: 'NUMERIC_BAND and DERIVED: bands, highest `min` first applies.' })
  @Property({ type: 'jsonb', default: '[]' })
  bands: ScoreBand[] = [];

  @Field(() => String, { nullable: true, description: 'DERIVED: the figure key (e.g. TRAININGS_HELD) the value is taken from.' })
  @Property({ type: 'text', nullable: true })
  figureKey?: string;

  @Field()
  @Property({ type: 'boolean', default: false })
  requiresEvidence: boolean = false;

  @Field()
  @Property({ type: 'boolean', default: false })
  requiresJustification: boolean = false;

  @Field({ description: '一票否决: a zero here means no star level at all, whatever the total.' })
  @Property({ type: 'boolean', default: false })
  isVeto: boolean = false;

  @Field(() => Int)
  @Property({ type: 'integer' })
  position!: number;
}
