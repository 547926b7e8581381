import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode, badInput } from '../../errors/app-error';
import { assertInEnum, assertText, newRecordId } from '../../shared/records';
import { tokenHashOf } from '../service-order/resident.service';
import { accountIds, assertPoints, ensureAccount, postTransfer, residentKeyOf, sqlOf } from './ledger.service';
import { PointsRedemption, RewardItem } from './points.entity';
import { PointsAccountKind, PointsActor, PointsTransferKind, RedemptionStatus, RewardChannel } from './points.types';

export const MAX_RESTOCK = 10_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The resident a service-order token belongs to, as a points key (the phone is hashed here and goes no further). NOT_FOUND otherwise; the token is never echoed. */
export async function residentKeyByToken(em: EntityManager, token: string): Promise<string> {
  const tokenHash = tokenHashOf(token);
  const [order] = tokenHash ? await sqlOf(em)<{ phone: string }>(`select contact_phone as phone from service_order where token_hash = ?`, [tokenHash]) : [];
  if (!order) throw new AppError(ErrorCode.NOT_FOUND, 'No service order has this token: check it was copied whole.', { argument: 'token' });
  return residentKeyOf(order.phone);
}

export interface NewReward {
  centreCode: string;
  name: string;
  pointsCost: number;
  stock: number;
  channel: RewardChannel;
}

export async function createReward(em: EntityManager, input: NewReward): Promise<RewardItem> {
  assertText(input.name, 'input.name', 100);
  assertPoints(input.pointsCost, 'input.pointsCost');
  assertStock(input.stock, 'input.stock', 0);
  assertInEnum(RewardChannel, input.channel, 'input.channel');
  const item = em.create(RewardItem, {
    id: newRecordId(),
    centreCode: input.centreCode,
    name: input.name.trim(),
    pointsCost: input.pointsCost,
    stock: input.stock,
    channel: input.channel,
  });
  await em.flush();
  return item;
}

/** Adds to an item's stock (never sets it: a redemption racing a restock keeps its unit). */
export async function restockReward(em: EntityManager, item: RewardItem, count: number): Promise<RewardItem> {
  assertStock(count, 'count', 1);
  await sqlOf(em)(`update reward_item set stock = stock + ? where id = ?`, [count, item.id]);
  return em.findOneOrFail(RewardItem, { id: item.id }, { refresh: true });
}

function assertStock(value: number, argument: string, min: number): void {
  if (!Number.isInteger(value) || value < min || value > MAX_RESTOCK) throw badInput(argument, `must be a whole number from ${min} to ${MAX_RESTOCK}, got ${value}.`);
}

/**
 * A resident redeems an item with any of their order tokens: one unit of stock taken and the
 * points moved RESIDENT → HOLD, in one transaction. The stock is taken by a conditional update
 * (`stock > 0`), whose row lock makes a second redemption of the last unit wait and then find
 * none (CONFLICT, nothing written). The same key and input answer the first redemption again.
 */
export async function redeemReward(em: EntityManager, token: string, itemId: string, key: string): Promise<string> {
  if (typeof key !== 'string' || key.trim().length < 16 || key.length > 200) {
    throw badInput('idempotencyKey', 'must be 16 to 200 characters long: a fresh random value (a UUID) per redemption.');
  }
  return redeemAsResident(em, await residentKeyByToken(em, token), itemId, key);
}

/** redeemReward once the resident is known by their key (the property test calls it directly). */
export async function redeemAsResident(em: EntityManager, residentKey: string, itemId: string, key: string): Promise<string> {
  const keyHash = sha256(`redeem:${key}`);
  const inputHash = sha256(JSON.stringify({ residentKey, itemId }));
  const replay = await findRedemption(em, keyHash, inputHash);
  if (replay) return replay;
  try {
    return await em.transactional(async (tx) => {
      const sql = sqlOf(tx);
      const [item] = await sql<{ centreCode: string; pointsCost: number }>(
        `update reward_item set stock = stock - 1 where id = ? and is_active and stock > 0 returning centre_code as "centreCode", points_cost as "pointsCost"`,
        [itemId],
      );
      if (!item) {
        const [found] = await sql<{ stock: number; isActive: boolean }>(`select stock, is_active as "isActive" from reward_item where id = ?`, [itemId]);
        if (!found) throw new AppError(ErrorCode.NOT_FOUND, `No reward item has the id "${itemId}".`, { argument: 'itemId' });
        throw new AppError(ErrorCode.CONFLICT, found.isActive ? 'This reward is out of stock: no points were taken.' : 'This reward is no longer offered: no points were taken.', {
          argument: 'itemId',
        });
      }
      const resident = accountIds.resident(residentKey);
      const hold = accountIds.hold(item.centreCode);
      await ensureAccount(tx, resident, PointsAccountKind.RESIDENT, { residentKey });
      await ensureAccount(tx, hold, PointsAccountKind.HOLD, { centreCode: item.centreCode });
      const holdId = await postTransfer(
        tx,
        {
          kind: PointsTransferKind.HOLD,
          centreCode: item.centreCode,
          reference: `reward:${itemId}`,
          actor: PointsActor.RESIDENT,
          movements: [
            { accountId: resident, amount: -item.pointsCost },
            { accountId: hold, amount: item.pointsCost },
          ],
        },
        (account) => new AppError(ErrorCode.CONFLICT, `You have ${account.balance} points; this reward costs ${item.pointsCost}. Nothing was taken.`, { argument: 'itemId' }),
      );
      const id = newRecordId();
      await sql(`insert into points_redemption (id, item_id, account_id, points, key_hash, input_hash, hold_transfer_id) values (?, ?, ?, ?, ?, ?, ?)`, [
        id,
        itemId,
        resident,
        item.pointsCost,
        keyHash,
        inputHash,
        holdId,
      ]);
      return id;
    });
  } catch (error) {
    // A double tap: both got past the look-up, the second insert lost. Answer the first.
    if ((error as { code?: string }).code === '23505' || (error as { name?: string }).name === 'UniqueConstraintViolationException') {
      const first = await findRedemption(em.fork(), keyHash, inputHash);
      if (first) return first;
    }
    throw error;
  }
}

async function findRedemption(em: EntityManager, keyHash: string, inputHash: string): Promise<string | undefined> {
  const [row] = await sqlOf(em)<{ id: string; inputHash: string }>(`select id, input_hash as "inputHash" from points_redemption where key_hash = ?`, [keyHash]);
  if (!row) return undefined;
  if (row.inputHash !== inputHash) {
    throw new AppError(ErrorCode.CONFLICT, 'This idempotency key was used for another redemption (other input). Use a new key.', { argument: 'idempotencyKey' });
  }
  return row.id;
}

/** The redemption's centre, for the caller's guard, before anything is written. */
export async function redemptionCentre(em: EntityManager, redemptionId: string): Promise<string> {
  const [row] = await sqlOf(em)<{ centreCode: string }>(`select i.centre_code as "centreCode" from points_redemption r join reward_item i on i.id = r.item_id where r.id = ?`, [
    redemptionId,
  ]);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `No redemption has the id "${redemptionId}".`, { argument: 'redemptionId' });
  return row.centreCode;
}

/**
 * Staff settle a HELD redemption: FULFIL moves the held points to the centre's REDEEMED sink
 * (the resident got the item); RELEASE gives them back and returns the unit to stock. Locked,
 * so a redemption is settled once; settling it again is a CONFLICT.
 */
export async function settleRedemption(em: EntityManager, redemptionId: string, outcome: 'FULFIL' | 'RELEASE', actorAccountId: string): Promise<PointsRedemption> {
  const sql = sqlOf(em);
  const [redemption] = await sql<{ id: string; itemId: string; accountId: string; points: number; status: RedemptionStatus; centreCode: string }>(
    `select r.id, r.item_id as "itemId", r.account_id as "accountId", r.points, r.status, i.centre_code as "centreCode"
       from points_redemption r join reward_item i on i.id = r.item_id where r.id = ? for update of r`,
    [redemptionId],
  );
  if (!redemption) throw new AppError(ErrorCode.NOT_FOUND, `No redemption has the id "${redemptionId}".`, { argument: 'redemptionId' });
  if (redemption.status !== RedemptionStatus.HELD) {
    throw new AppError(ErrorCode.CONFLICT, `This redemption is already ${redemption.status}: it is settled once. Nothing was changed.`, { argument: 'redemptionId' });
  }
  const hold = accountIds.hold(redemption.centreCode);
  const target = outcome === 'FULFIL' ? accountIds.redeemed(redemption.centreCode) : redemption.accountId;
  if (outcome === 'FULFIL') await ensureAccount(em, target, PointsAccountKind.REDEEMED, { centreCode: redemption.centreCode });
  else await sql(`update reward_item set stock = stock + 1 where id = ?`, [redemption.itemId]);
  const transferId = await postTransfer(
    em,
    {
      kind: outcome === 'FULFIL' ? PointsTransferKind.FULFIL : PointsTransferKind.RELEASE,
      centreCode: redemption.centreCode,
      reference: `redemption:${redemption.id}`,
      actor: PointsActor.STAFF,
      actorAccountId,
      movements: [
        { accountId: hold, amount: -redemption.points },
        { accountId: target, amount: redemption.points },
      ],
    },
    () => new Error(`The hold account of ${redemption.centreCode} lacks the points of a HELD redemption: the ledger is inconsistent.`) as AppError,
  );
  await sql(`update points_redemption set status = ?, settle_transfer_id = ?, settled_at = now() where id = ?`, [
    outcome === 'FULFIL' ? RedemptionStatus.FULFILLED : RedemptionStatus.RELEASED,
    transferId,
    redemption.id,
  ]);
  return em.findOneOrFail(PointsRedemption, { id: redemption.id }, { refresh: true });
}
