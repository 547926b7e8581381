import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RatingTier } from './rating-result.entity';
import { Node } from '../../shared/node';

@ObjectType('RatingResult', { implements: Node, simpleResolvers: true, description: "A centre's star rating for one work year." })
export class RatingResultView {
  centreCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: '3, 4 or 5.' })
  stars!: number;

  @Field(() => RatingTier)
  tier!: RatingTier;

  @Field(() => Float, { nullable: true })
  totalScore!: number | null;

  /** Score per dimension key; exposed through RatingResult.dimensionScores. */
  scoresByDimension!: Record<string, number>;

  @Field(() => String, { nullable: true, description: 'Date the rating was published (YYYY-MM-DD).' })
  awardedOn!: string | null;

  @Field({ description: 'True when the row was made by the seed generator, not taken from a source.' })
  isSynthetic!: boolean;
}

/** The columns of a RatingResultView, from `rating_result rr` (a `date` comes back as 'YYYY-MM-DD', jsonb parsed). */
export const RATING_RESULT_COLUMNS = `rr.centre_code as "centreCode", rr.year, rr.stars, rr.tier, rr.total_score as "totalScore",
  rr.scores_by_dimension as "scoresByDimension", rr.awarded_on as "awardedOn", rr.is_synthetic as "isSynthetic"`;

/** A result's own key inside its global id: the centre and the work year. */
export function ratingKey(result: Pick<RatingResultView, 'centreCode' | 'year'>): string {
  return `${result.centreCode}:${result.year}`;
}
