import { toInstant } from '../../db/sql';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('RatingScheme', { simpleResolvers: true, description: 'The star-rating scheme of one work year: its six dimensions and their weights.' })
export class RatingSchemeView {
  @Field(() => Int, { description: 'The work year evaluated (the 2024 scheme rates 2024 work, published in 2025).' })
  year!: number;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => Float, { description: 'Lowest weighted total (of 100) for three stars.' })
  threeStarMin!: number;

  @Field(() => Float)
  fourStarMin!: number;

  @Field(() => Float)
  fiveStarMin!: number;

  @Field(() => Int, { description: 'Working days (Monday to Friday) the public notice (公示) lasts.' })
  noticeWorkingDays!: number;

  @Field(() => Date, { nullable: true, description: 'Set when the first cycle of the year opens; a frozen scheme cannot change.' })
  frozenAt!: Date | null;
}

/** A scheme row as read: `timestamptz` comes back as PostgreSQL's text, the scalar wants a Date. */
export type RatingSchemeRow = Omit<RatingSchemeView, 'frozenAt'> & { frozenAt: string | null };

/** The columns of a RatingSchemeRow, from `rating_scheme s`. */
export const RATING_SCHEME_COLUMNS = `s.year, s.name, s.source, s.three_star_min as "threeStarMin", s.four_star_min as "fourStarMin",
  s.five_star_min as "fiveStarMin", s.notice_working_days as "noticeWorkingDays", s.frozen_at as "frozenAt"`;

export function toRatingSchemeView({ frozenAt, ...scheme }: RatingSchemeRow): RatingSchemeView {
  // `new Date(text)` is how MikroORM reads the column too: the same instant, to the millisecond.
  return { ...scheme, frozenAt: toInstant(frozenAt) };
}

@ObjectType('RatingDimension', { simpleResolvers: true, description: 'One of the six evaluated dimensions, e.g. 基础运行 or 政治功能.' })
export class RatingDimensionView {
  /** Rating indicators refer to their dimension by id. */
  id!: number;

  year!: number;

  @Field({ description: 'Stable English key, e.g. BASIC_OPERATION.' })
  key!: string;

  @Field({ description: 'Chinese name, e.g. 基础运行.' })
  name!: string;

  @Field(() => Float, { description: 'Share of the total score, between 0 and 1.' })
  weight!: number;

  @Field(() => Float)
  maxScore!: number;

  @Field(() => Int)
  position!: number;
}

/** The columns of a RatingDimensionView, from `rating_dimension d`. */
export const RATING_DIMENSION_COLUMNS = `d.id, d.year, d.key, d.name, d.weight, d.max_score as "maxScore", d.position`;
