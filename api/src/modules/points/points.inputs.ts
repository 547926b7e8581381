import { Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CENTRE_CODE_MESSAGE, CENTRE_CODE_PATTERN } from '../centre/centre.inputs';
import { PointsRuleKey, RewardChannel } from './points.types';

@InputType({ description: 'A rule’s points and limits (city administrators).' })
export class SetPointsRuleInput {
  @Field(() => PointsRuleKey)
  key!: PointsRuleKey;

  @Field(() => Int, { description: 'Per order, report, activity or volunteer hour: 1 to 1000000.' })
  points!: number;

  @Field(() => Int, { description: 'The most points a resident may get by this rule in one day (China time).' })
  dailyLimit!: number;

  @Field(() => Int, { description: 'The most points a resident may get by this rule in one calendar year.' })
  yearlyLimit!: number;

  @Field({ defaultValue: true })
  isActive!: boolean;
}

@InputType({ description: 'A reward the centre offers for points.' })
export class CreateRewardItemInput {
  @Field(() => ID)
  @Matches(CENTRE_CODE_PATTERN, { message: CENTRE_CODE_MESSAGE })
  centreCode!: string;

  @Field()
  @Length(1, 100, { message: '$property must be 1 to 100 characters long' })
  name!: string;

  @Field(() => Int)
  pointsCost!: number;

  @Field(() => Int, { description: 'Units on offer now: 0 to 10000.' })
  stock!: number;

  @Field(() => RewardChannel)
  channel!: RewardChannel;
}
