import { toInstant } from '../../db/sql';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { RatingTier } from '../rating/rating-result.entity';
import { AssessmentStage } from './assessment.entity';
import { ObjectionStatus } from './rating-objection.entity';

/** Staff only (the resolvers mark such answers private): what a cycle's assessments are read as. */
@ObjectType('Assessment', { simpleResolvers: true, description: "One stage's full assessment of a centre: a score per indicator, with the resulting stars." })
export class AssessmentView {
  @Field(() => ID)
  id!: number;

  cycleId!: number;
  centreCode!: string;

  @Field(() => AssessmentStage)
  stage!: AssessmentStage;

  @Field(() => Float, { description: 'Weighted total out of 100.' })
  totalScore!: number;

  @Field({ description: 'A veto indicator (一票否决) scored zero: no star level.' })
  isVetoed!: boolean;

  @Field(() => Int, { nullable: true, description: 'Stars the scores earn (3–5), null below the three-star threshold or when vetoed.' })
  stars!: number | null;

  @Field(() => RatingTier, { nullable: true, description: 'CITY only on the city assessment of a county five-star centre.' })
  tier!: RatingTier | null;

  @Field(() => Date)
  submittedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'The final stars set by the city, overriding the scores.' })
  overrideStars!: number | null;

  @Field(() => RatingTier, { nullable: true })
  overrideTier!: RatingTier | null;

  @Field(() => String, { nullable: true })
  overrideReason!: string | null;

  @Field(() => Date, { nullable: true })
  overriddenAt!: Date | null;

  isOverridden!: boolean;
}

/** The columns of an AssessmentView, from `assessment a`. */
export const ASSESSMENT_COLUMNS = `a.id, a.cycle_id as "cycleId", a.centre_code as "centreCode", a.stage, a.total_score as "totalScore", a.is_vetoed as "isVetoed",
  a.stars, a.tier, a.submitted_at as "submittedAt", a.override_stars as "overrideStars", a.override_tier as "overrideTier",
  a.override_reason as "overrideReason", a.overridden_at as "overriddenAt", a.is_overridden as "isOverridden"`;

/** Rows come with timestamptz as text (the ORM's connection keeps it so): the view holds Dates. */
export function toAssessmentView(row: AssessmentView): AssessmentView {
  return Object.assign(row, { submittedAt: new Date(row.submittedAt), overriddenAt: toInstant(row.overriddenAt) });
}

@ObjectType('AssessmentScore', { simpleResolvers: true, description: 'The score of one indicator in an assessment.' })
export class AssessmentScoreView {
  id!: number;
  assessmentId!: number;
  indicatorId!: number;

  @Field(() => Float, { nullable: true, description: 'Null when not applicable.' })
  score!: number | null;

  @Field(() => Float, { nullable: true, description: 'NUMERIC_BAND and DERIVED: the value scored.' })
  measuredValue!: number | null;

  @Field(() => String, { nullable: true })
  justification!: string | null;

  @Field(() => [String])
  evidenceUrls!: string[];

  @Field(() => GraphQLJSON, { nullable: true, description: 'DERIVED: the data the value was taken from, as it was at submission.' })
  snapshot!: Record<string, unknown> | null;
}

/** The columns of an AssessmentScoreView, from `assessment_score s` (in indicator order: join `rating_indicator i`). */
export const ASSESSMENT_SCORE_COLUMNS = `s.id, s.assessment_id as "assessmentId", s.indicator_id as "indicatorId", s.score, s.measured_value as "measuredValue",
  s.justification, s.evidence_urls as "evidenceUrls", s.snapshot`;

@ObjectType('RatingObjection', { simpleResolvers: true, description: 'An objection (异议) lodged against a result during the public notice.' })
export class RatingObjectionView {
  @Field(() => ID)
  id!: number;

  @Field()
  text!: string;

  @Field(() => ObjectionStatus)
  status!: ObjectionStatus;

  @Field(() => String, { nullable: true })
  resolution!: string | null;

  @Field(() => Date)
  lodgedAt!: Date;
}

/** The columns of a RatingObjectionView, from `rating_objection o` (the contact stays private to the table). */
export const RATING_OBJECTION_COLUMNS = 'o.id, o.text, o.status, o.resolution, o.lodged_at as "lodgedAt"';

export function toObjectionView(row: RatingObjectionView): RatingObjectionView {
  return Object.assign(row, { lodgedAt: new Date(row.lodgedAt) });
}
