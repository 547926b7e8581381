import { Field, Float, Int, ObjectType } from 'type-graphql';
import { IndicatorRule } from './rating-indicator.entity';

@ObjectType({ simpleResolvers: true, description: 'A band of a numeric indicator: values of at least `min` earn `score`.' })
export class ScoreBand {
  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  score!: number;
}

@ObjectType('RatingIndicator', { simpleResolvers: true, description: 'One scored item under a dimension of the rating scheme.' })
export class RatingIndicatorView {
  id!: number;
  year!: number;

  @Field({ description: 'Stable code within the scheme, e.g. B1.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => Float)
  maxScore!: number;

  @Field(() => IndicatorRule)
  rule!: IndicatorRule;

  @Field(() => [String], { description: 'CHECKLIST: the items checked.' })
  checklist!: string[];

  @Field(() => [ScoreBand], { description: 'NUMERIC_BAND and DERIVED: bands, highest `min` first applies.' })
  bands!: ScoreBand[];

  @Field(() => String, { nullable: true, description: 'DERIVED: the figure key (e.g. TRAININGS_HELD) the value is taken from.' })
  figureKey!: string | null;

  @Field()
  requiresEvidence!: boolean;

  @Field()
  requiresJustification!: boolean;

  @Field({ description: '一票否决: a zero here means no star level at all, whatever the total.' })
  isVeto!: boolean;

  @Field(() => Int)
  position!: number;

  @Field({ description: 'The key of the dimension it belongs to.' })
  dimensionKey!: string;
}

/** The columns of a RatingIndicatorView, from `rating_indicator i left join rating_dimension d on d.id = i.dimension_id`. */
export const RATING_INDICATOR_COLUMNS = `i.id, i.year, i.code, i.name, i.max_score as "maxScore", i.rule, i.checklist, i.bands, i.figure_key as "figureKey",
  i.requires_evidence as "requiresEvidence", i.requires_justification as "requiresJustification", i.is_veto as "isVeto", i.position,
  coalesce(d.key, '') as "dimensionKey"`;

export const RATING_INDICATOR_FROM = 'rating_indicator i left join rating_dimension d on d.id = i.dimension_id';
