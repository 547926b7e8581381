import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PointsRuleKey, PointsTransferKind, RedemptionStatus, RewardChannel } from './points.types';

@ObjectType('PointsMovement', { simpleResolvers: true, description: 'One line of an account: points in (positive) or out (negative) by one transfer.' })
export class PointsMovementView {
  @Field(() => ID)
  transferId!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => Int)
  amount!: number;

  @Field(() => PointsTransferKind)
  kind!: PointsTransferKind;

  @Field(() => PointsRuleKey, { nullable: true })
  rule!: PointsRuleKey | null;

  @Field(() => String, { nullable: true, description: 'A reversal’s reason.' })
  note!: string | null;
}

@ObjectType('PointsRedemption', { simpleResolvers: true, description: 'A reward redeemed with points: HELD until the centre fulfils or releases it.' })
export class PointsRedemptionView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  itemId!: string;

  @Field()
  itemName!: string;

  @Field()
  centreCode!: string;

  @Field(() => RewardChannel)
  channel!: RewardChannel;

  @Field(() => Int)
  points!: number;

  @Field(() => RedemptionStatus)
  status!: RedemptionStatus;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  settledAt!: Date | null;
}

@ObjectType('ResidentPoints', { simpleResolvers: true, description: 'A resident’s points, as any of their order tokens opens them: no contact details.' })
export class ResidentPointsView {
  @Field(() => Int)
  balance!: number;

  @Field(() => [PointsMovementView], { description: 'The latest 50 movements, newest first.' })
  movements!: PointsMovementView[];

  @Field(() => [PointsRedemptionView], { description: 'The latest 50 redemptions, newest first.' })
  redemptions!: PointsRedemptionView[];
}

@ObjectType('RewardItem', { simpleResolvers: true, description: 'A reward a centre offers for points (积分兑换), online or at the centre.' })
export class RewardItemView {
  @Field(() => ID)
  id!: string;

  @Field()
  centreCode!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  pointsCost!: number;

  @Field(() => Int)
  stock!: number;

  @Field(() => RewardChannel)
  channel!: RewardChannel;

  @Field()
  isActive!: boolean;
}

@ObjectType('PointsRule', { simpleResolvers: true, description: 'What a rule issues, and the most a resident may get by it a day and a year (China time).' })
export class PointsRuleView {
  @Field(() => PointsRuleKey)
  key!: PointsRuleKey;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Per order, report, activity or volunteer hour.' })
  points!: number;

  @Field(() => Int)
  dailyLimit!: number;

  @Field(() => Int)
  yearlyLimit!: number;

  @Field()
  isActive!: boolean;
}

@ObjectType('PointsTransferLine', { simpleResolvers: true, description: 'A movement as staff see it: the kind of account, never whose.' })
export class PointsTransferLineView {
  @Field()
  accountKind!: string;

  @Field(() => Int)
  amount!: number;
}

@ObjectType('PointsTransfer', { simpleResolvers: true, description: 'One double-entry transfer: its lines sum to zero. Never changed; corrected by a reversal.' })
export class PointsTransferView {
  @Field(() => ID)
  id!: string;

  @Field(() => PointsTransferKind)
  kind!: PointsTransferKind;

  @Field(() => PointsRuleKey, { nullable: true })
  rule!: PointsRuleKey | null;

  @Field()
  centreCode!: string;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => ID, { nullable: true })
  reversesTransferId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The reversal that corrected it, if any.' })
  reversedByTransferId!: string | null;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [PointsTransferLineView])
  lines!: PointsTransferLineView[];
}

@ObjectType('CentrePoints', {
  simpleResolvers: true,
  description: 'Staff only: a centre’s points budget, what its rewards hold and have redeemed, its latest transfers and redemptions.',
})
export class CentrePointsView {
  @Field()
  centreCode!: string;

  @Field(() => Int)
  budget!: number;

  @Field(() => Int)
  held!: number;

  @Field(() => Int)
  redeemed!: number;

  @Field(() => [PointsTransferView], { description: 'The latest 50, newest first.' })
  transfers!: PointsTransferView[];

  @Field(() => [PointsRedemptionView], { description: 'The latest 50, newest first.' })
  redemptions!: PointsRedemptionView[];
}
