import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('ReportedFigure', { simpleResolvers: true, description: 'A yearly figure a centre reported, e.g. 服务群众 4738 人次, with the sentence it comes from.' })
export class ReportedFigureView {
  centreCode!: string;

  @Field(() => Int)
  year!: number;

  @Field({ description: 'Stable English key, e.g. PEOPLE_SERVED.' })
  key!: string;

  @Field({ description: 'Chinese label, e.g. 服务群众.' })
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field({ description: 'Unit as reported, e.g. 人次, 场, %.' })
  unit!: string;

  @Field({ description: 'True when the source says "more than" (余, 超, 突破).' })
  isLowerBound!: boolean;

  @Field({ description: 'True for a running total (累计) rather than a figure for the year alone.' })
  isCumulative!: boolean;

  @Field({ description: 'The sentence the figure was taken from.' })
  source!: string;
}

/** The columns of a ReportedFigureView, from `reported_figure f`. */
export const REPORTED_FIGURE_COLUMNS = `f.centre_code as "centreCode", f.year, f.key, f.label, f.value, f.unit,
  f.is_lower_bound as "isLowerBound", f.is_cumulative as "isCumulative", f.source`;
