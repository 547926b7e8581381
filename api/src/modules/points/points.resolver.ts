import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { markPrivate } from '../../cache/cache.plugin';
import type { Context } from '../../context';
import { tokenHashOf } from '../service-order/resident.service';
import { residentKeyOf } from './ledger.service';
import { readRedemption, readResidentPoints, readRewards, readRules } from './points.loaders';
import { redeemReward } from './reward.service';
import { PointsRedemptionView, PointsRuleView, ResidentPointsView, RewardItemView } from './points.view';

const TOKEN = { description: 'Any residentToken submitServiceOrder answered the resident (sor_…): all their orders with one phone share one account.' } as const;

/** What residents and anyone see of points: a resident's own account (by token), rewards on offer and the rules. Never cached. */
@Resolver()
export class ResidentPointsResolver {
  @Query(() => ResidentPointsView, { nullable: true, description: 'The resident’s points balance, latest movements and redemptions; null for an unknown token.' })
  async residentPoints(@Arg('token', TOKEN) token: string, @Ctx() context: Context): Promise<ResidentPointsView | null> {
    markPrivate(context);
    const tokenHash = tokenHashOf(token);
    const [order] = tokenHash ? await context.read.rows<{ phone: string }>(`select contact_phone as phone from service_order where token_hash = ?`, [tokenHash]) : [];
    return order ? readResidentPoints(context.read, residentKeyOf(order.phone)) : null;
  }

  @Query(() => [RewardItemView], { description: 'The rewards a centre offers for points, cheapest first, with their stock.' })
  rewardItems(@Arg('centreCode', () => ID) centreCode: string, @Ctx() context: Context): Promise<RewardItemView[]> {
    markPrivate(context);
    return readRewards(context.read, centreCode, true);
  }

  @Query(() => [PointsRuleView], { description: 'What earns points, and the daily and yearly limits per resident.' })
  pointsRules(@Ctx() context: Context): Promise<PointsRuleView[]> {
    markPrivate(context);
    return readRules(context.read);
  }

  @Mutation(() => PointsRedemptionView, {
    description:
      '积分兑换: the resident redeems a reward with any of their order tokens. The points are held and one unit reserved until the centre fulfils or releases it. Out of stock or too few points: CONFLICT, nothing taken. The same idempotencyKey answers the first redemption.',
  })
  async redeemReward(
    @Arg('token', TOKEN) token: string,
    @Arg('itemId', () => ID) itemId: string,
    @Arg('idempotencyKey', { description: 'A fresh random value (a UUID) per redemption, 16 to 200 characters: a double tap then redeems once.' }) idempotencyKey: string,
    @Ctx() context: Context,
  ): Promise<PointsRedemptionView> {
    markPrivate(context);
    const id = await redeemReward(context.em, token, itemId, idempotencyKey);
    return (await readRedemption(context.read, id))!;
  }
}
