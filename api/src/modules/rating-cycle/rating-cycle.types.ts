import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CentreView } from '../centre/centre.view';
import { RatingTier } from '../rating/rating-result.entity';
import { RatingIndicatorView } from './rating-indicator.view';

@ObjectType({ simpleResolvers: true, description: 'How far a later stage scored an indicator from the self-assessment.' })
export class IndicatorDeviation {
  @Field(() => RatingIndicatorView)
  indicator!: RatingIndicatorView;

  @Field(() => Float, { nullable: true })
  selfScore!: number | null;

  @Field(() => Float, { nullable: true })
  score!: number | null;

  @Field(() => Float, { nullable: true, description: 'score − selfScore; null when either is not applicable.' })
  difference!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'A line of the public notice (公示): the result the city intends to publish.' })
export class NoticeEntry {
  @Field(() => CentreView)
  centre!: CentreView;

  @Field(() => Int, { nullable: true })
  stars!: number | null;

  @Field(() => RatingTier, { nullable: true })
  tier!: RatingTier | null;

  @Field(() => Float)
  totalScore!: number;
}
