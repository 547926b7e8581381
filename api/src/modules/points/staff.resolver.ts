import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { StaffRole } from '../../auth/actor';
import { assertMayManageCentre, assertRole, forbidden } from '../../auth/authorize';
import type { Actor } from '../../auth/actor';
import { runStaffMutation } from '../../auth/staff-mutation';
import type { Context } from '../../context';
import { AppError, ErrorCode, badInput } from '../../errors/app-error';
import { assertStaffMayRead } from '../centre-records/record-access';
import { IDEMPOTENCY } from '../centre-records/record-write';
import { centreForWrite } from '../centre/centre.service';
import { grantBudget } from './ledger.service';
import { CreateRewardItemInput, SetPointsRuleInput } from './points.inputs';
import { PointsRedemption, PointsRule, PointsTransfer, RewardItem } from './points.entity';
import { readCentrePoints, readRedemption, readReward, readRewards, readRules, readTransfers } from './points.loaders';
import { PointsTransferKind } from './points.types';
import { reverseTransfer, setRule, transferCentre } from './reversal.service';
import { createReward, redemptionCentre, restockReward, settleRedemption } from './reward.service';
import { CentrePointsView, PointsRedemptionView, PointsRuleView, PointsTransferView, RewardItemView } from './points.view';

type Entity = PointsTransfer | PointsRule | RewardItem | PointsRedemption;

/**
 * One staff write to the points of a centre: the caller must manage it (centre staff theirs,
 * administrators their subtree; `adminsOnly` leaves centre staff out). Audited without any
 * resident's key; nothing public is cached from the ledger, so nothing to purge.
 */
async function writePoints<T extends Entity>(
  context: Context,
  request: { name: string; idempotencyKey: string | null; input: unknown; centreOf: (em: EntityManager) => Promise<string>; adminsOnly?: (em: EntityManager) => Promise<boolean> },
  work: (em: EntityManager, actor: Actor) => Promise<T>,
): Promise<T> {
  return runStaffMutation(context, request, async (em, actor) => {
    const centre = await centreForWrite(em, await request.centreOf(em), (place) => assertMayManageCentre(actor, place));
    if (actor.role === StaffRole.CENTRE_STAFF && (await request.adminsOnly?.(em))) throw forbidden(actor, `${request.name}: administrators only`);
    const result = await work(em, actor);
    const id = 'key' in result ? result.key : result.id;
    return {
      result,
      audit: { action: request.name, targetType: result.constructor.name, targetId: id, regionPath: centre.region.path, after: { centreCode: centre.code } },
      purgeTags: [],
    };
  });
}

@Resolver()
export class PointsStaffResolver {
  @Query(() => CentrePointsView, { description: 'Staff only: a centre’s points budget, holds, redeemed total, latest transfers and redemptions.' })
  async centrePoints(@Arg('centreCode', () => ID) centreCode: string, @Ctx() context: Context): Promise<CentrePointsView> {
    await assertStaffMayRead(context, centreCode);
    return readCentrePoints(context.read, centreCode);
  }

  @Query(() => [RewardItemView], { description: 'Staff only: all of a centre’s rewards, withdrawn ones included.' })
  async centreRewardItems(@Arg('centreCode', () => ID) centreCode: string, @Ctx() context: Context): Promise<RewardItemView[]> {
    await assertStaffMayRead(context, centreCode);
    return readRewards(context.read, centreCode, false);
  }

  @Mutation(() => PointsTransferView, { description: 'Grants points to a centre’s budget, from which rules issue them (administrators of the centre’s region; not centre staff).' })
  async grantPointsBudget(
    @Arg('centreCode', () => ID) centreCode: string,
    @Arg('points', () => Int) points: number,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ): Promise<PointsTransferView> {
    // An omitted argument arrives undefined, a null one null: both mean no note.
    const text = note ?? undefined;
    const input = { centreCode, points, note: text ?? null };
    const request = { name: 'grantPointsBudget', idempotencyKey, input, centreOf: async () => centreCode, adminsOnly: async () => true };
    const transfer = await writePoints(context, request, async (em, actor) => {
      if (text !== undefined && (text.trim().length === 0 || text.length > 500)) throw badInput('note', 'must be 1 to 500 characters long.');
      return em.findOneOrFail(PointsTransfer, { id: await grantBudget(em, centreCode, points, actor.accountId, text?.trim()) });
    });
    return (await readTransfers(context.read, { id: transfer.id }))[0]!;
  }

  @Mutation(() => PointsTransferView, {
    description:
      'Corrects an ISSUE or BUDGET_GRANT with a new REVERSAL transfer (never an edit). Once per transfer; refused when the points were spent since. Grants: administrators only.',
  })
  async reversePointsTransfer(
    @Arg('transferId', () => ID) transferId: string,
    @Arg('reason') reason: string,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ): Promise<PointsTransferView> {
    const request = {
      name: 'reversePointsTransfer',
      idempotencyKey,
      input: { transferId, reason },
      centreOf: async (em: EntityManager) => (await transferCentre(em, transferId)).centreCode,
      adminsOnly: async (em: EntityManager) => (await transferCentre(em, transferId)).kind === PointsTransferKind.BUDGET_GRANT,
    };
    const reversal = await writePoints(context, request, async (em, actor) =>
      em.findOneOrFail(PointsTransfer, { id: await reverseTransfer(em, transferId, reason, actor.accountId) }),
    );
    return (await readTransfers(context.read, { id: reversal.id }))[0]!;
  }

  @Mutation(() => PointsRuleView, { description: 'Sets a points rule’s points and limits (city administrators). Later issues follow it.' })
  async setPointsRule(@Arg('input') input: SetPointsRuleInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    const rule = await runStaffMutation(context, { name: 'setPointsRule', idempotencyKey, input }, async (em, actor) => {
      assertRole(actor, [StaffRole.CITY_ADMIN], 'set points rules');
      const before = await em.findOne(PointsRule, { key: input.key });
      const beforeCopy = before ? { ...before } : null;
      const written = await setRule(em, input);
      return { result: written, audit: { action: 'setPointsRule', targetType: 'PointsRule', targetId: written.key, before: beforeCopy, after: written }, purgeTags: [] };
    });
    return (await readRules(context.read, rule.key))[0]!;
  }

  @Mutation(() => RewardItemView, { description: 'Offers a reward for points at a centre (its staff and administrators).' })
  async createRewardItem(@Arg('input') input: CreateRewardItemInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    const item = await writePoints(context, { name: 'createRewardItem', idempotencyKey, input, centreOf: async () => input.centreCode }, (em) => createReward(em, input));
    return (await readReward(context.read, item.id))!;
  }

  @Mutation(() => RewardItemView, { description: 'Adds units to a reward’s stock (1 to 10000).' })
  async restockRewardItem(
    @Arg('itemId', () => ID) itemId: string,
    @Arg('count', () => Int) count: number,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ) {
    const find = async (em: EntityManager) => {
      const item = await em.findOne(RewardItem, { id: itemId });
      if (!item) throw new AppError(ErrorCode.NOT_FOUND, `No reward item has the id "${itemId}".`, { argument: 'itemId' });
      return item;
    };
    const request = { name: 'restockRewardItem', idempotencyKey, input: { itemId, count }, centreOf: async (em: EntityManager) => (await find(em)).centreCode };
    const item = await writePoints(context, request, async (em) => restockReward(em, await find(em), count));
    return (await readReward(context.read, item.id))!;
  }

  @Mutation(() => PointsRedemptionView, { description: 'The resident got the reward: the held points go to the centre’s redeemed total. Once (CONFLICT after).' })
  fulfilRedemption(@Arg('redemptionId', () => ID) redemptionId: string, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return settle(context, 'fulfilRedemption', redemptionId, idempotencyKey, 'FULFIL');
  }

  @Mutation(() => PointsRedemptionView, { description: 'Cancels a held redemption: the points go back to the resident and the unit back to stock. Once (CONFLICT after).' })
  releaseRedemption(@Arg('redemptionId', () => ID) redemptionId: string, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return settle(context, 'releaseRedemption', redemptionId, idempotencyKey, 'RELEASE');
  }
}

async function settle(context: Context, name: string, redemptionId: string, idempotencyKey: string | null, outcome: 'FULFIL' | 'RELEASE'): Promise<PointsRedemptionView> {
  const request = { name, idempotencyKey, input: { redemptionId }, centreOf: (em: EntityManager) => redemptionCentre(em, redemptionId) };
  const redemption = await writePoints(context, request, (em, actor) => settleRedemption(em, redemptionId, outcome, actor.accountId));
  return (await readRedemption(context.read, redemption.id))!;
}
