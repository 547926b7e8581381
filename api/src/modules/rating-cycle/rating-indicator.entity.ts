import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { RatingDimension } from '../rating/rating-dimension.entity';
import { RatingScheme } from '../rating/rating-scheme.entity';
import type { ScoreBand } from './rating-indicator.view';

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
  description:
    'CHECKLIST: 0..max against listed items. MET_UNMET: full score, 0, or not applicable. NUMERIC_BAND: a measured value scored by bands. DERIVED: the value comes from operational data at submission.',
});

@Entity({ tableName: 'rating_indicator' })
@Unique({ properties: ['scheme', 'code'] })
export class RatingIndicator {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => RatingScheme, { fieldName: 'year', deleteRule: 'cascade' })
  scheme!: Rel<RatingScheme>;

  @ManyToOne(() => RatingDimension, { deleteRule: 'cascade' })
  dimension!: Rel<RatingDimension>;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'double' })
  maxScore!: number;

  @Enum({ items: () => IndicatorRule, nativeEnumName: 'indicator_rule' })
  rule!: IndicatorRule;

  @Property({ type: 'text[]', default: '{}' })
  checklist: string[] = [];

  @Property({ type: 'jsonb', default: '[]' })
  bands: ScoreBand[] = [];

  @Property({ type: 'text', nullable: true })
  figureKey?: string;

  @Property({ type: 'boolean', default: false })
  requiresEvidence: boolean = false;

  @Property({ type: 'boolean', default: false })
  requiresJustification: boolean = false;

  @Property({ type: 'boolean', default: false })
  isVeto: boolean = false;

  @Property({ type: 'integer' })
  position!: number;
}
