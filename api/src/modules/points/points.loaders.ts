import type { Reader } from '../../db/read';
import { pgArray, toInstant } from '../../db/sql';
import { accountIds } from './ledger.service';
import type { CentrePointsView, PointsMovementView, PointsRedemptionView, PointsRuleView, PointsTransferView, ResidentPointsView, RewardItemView } from './points.view';

/** Plain-row reads of the ledger. None are cached: balances and stock change with every write, and residents' answers are personal. */
const REDEMPTION_COLUMNS = `r.id, r.item_id as "itemId", i.name as "itemName", i.centre_code as "centreCode", i.channel, r.points, r.status, r.created_at as "createdAt", r.settled_at as "settledAt"`;
export const REWARD_COLUMNS = `i.id, i.centre_code as "centreCode", i.name, i.points_cost as "pointsCost", i.stock, i.channel, i.is_active as "isActive"`;
const RULE_COLUMNS = `key, name, points, daily_limit as "dailyLimit", yearly_limit as "yearlyLimit", is_active as "isActive"`;

const redemptionView = (row: PointsRedemptionView): PointsRedemptionView => ({ ...row, createdAt: toInstant(row.createdAt)!, settledAt: toInstant(row.settledAt) });

export async function readResidentPoints(read: Reader, residentKey: string): Promise<ResidentPointsView> {
  const account = accountIds.resident(residentKey);
  const [balance, movements, redemptions] = await Promise.all([
    read.rows<{ balance: number }>(`select balance from points_account where id = ?`, [account]),
    read.rows<PointsMovementView>(
      `select t.id as "transferId", t.at, m.amount, t.kind, t.rule, t.note from points_movement m join points_transfer t on t.id = m.transfer_id
        where m.account_id = ? order by t.at desc, m.id desc limit 50`,
      [account],
    ),
    read.rows<PointsRedemptionView>(
      `select ${REDEMPTION_COLUMNS} from points_redemption r join reward_item i on i.id = r.item_id where r.account_id = ? order by r.created_at desc limit 50`,
      [account],
    ),
  ]);
  return {
    balance: balance[0]?.balance ?? 0,
    movements: movements.map((row) => ({ ...row, at: toInstant(row.at)! })),
    redemptions: redemptions.map(redemptionView),
  };
}

export async function readRedemption(read: Reader, id: string): Promise<PointsRedemptionView | null> {
  const [row] = await read.rows<PointsRedemptionView>(`select ${REDEMPTION_COLUMNS} from points_redemption r join reward_item i on i.id = r.item_id where r.id = ?`, [id]);
  return row ? redemptionView(row) : null;
}

export function readRewards(read: Reader, centreCode: string, activeOnly: boolean): Promise<RewardItemView[]> {
  return read.rows<RewardItemView>(
    `select ${REWARD_COLUMNS} from reward_item i where i.centre_code = ? ${activeOnly ? 'and i.is_active' : ''} order by i.points_cost, i.name, i.id`,
    [centreCode],
  );
}

export async function readReward(read: Reader, id: string): Promise<RewardItemView | null> {
  const [row] = await read.rows<RewardItemView>(`select ${REWARD_COLUMNS} from reward_item i where i.id = ?`, [id]);
  return row ?? null;
}

export const readRules = (read: Reader, key?: string): Promise<PointsRuleView[]> =>
  read.rows<PointsRuleView>(`select ${RULE_COLUMNS} from points_rule ${key ? 'where key = ?' : ''} order by key`, key ? [key] : []);

export async function readTransfers(read: Reader, where: { id: string } | { centreCode: string }): Promise<PointsTransferView[]> {
  const [condition, value] = 'id' in where ? ['t.id = ?', where.id] : ['t.centre_code = ?', where.centreCode];
  const transfers = await read.rows<PointsTransferView>(
    `select t.id, t.kind, t.rule, t.centre_code as "centreCode", t.reference, t.reverses_transfer_id as "reversesTransferId", x.id as "reversedByTransferId", t.at, t.note
       from points_transfer t left join points_transfer x on x.reverses_transfer_id = t.id where ${condition} order by t.at desc, t.id limit 50`,
    [value],
  );
  if (transfers.length === 0) return [];
  const lines = await read.rows<{ transferId: string; accountKind: string; amount: number }>(
    `select m.transfer_id as "transferId", a.kind as "accountKind", m.amount from points_movement m join points_account a on a.id = m.account_id
      where m.transfer_id = any(?::text[]) order by m.id`,
    [pgArray(transfers.map((transfer) => transfer.id))],
  );
  return transfers.map((transfer) => ({
    ...transfer,
    at: toInstant(transfer.at)!,
    lines: lines.filter((line) => line.transferId === transfer.id).map(({ accountKind, amount }) => ({ accountKind, amount })),
  }));
}

export async function readCentrePoints(read: Reader, centreCode: string): Promise<CentrePointsView> {
  const ids = [accountIds.budget(centreCode), accountIds.hold(centreCode), accountIds.redeemed(centreCode)];
  const [balances, transfers, redemptions] = await Promise.all([
    read.rows<{ id: string; balance: number }>(`select id, balance from points_account where id = any(?::text[])`, [pgArray(ids)]),
    readTransfers(read, { centreCode }),
    read.rows<PointsRedemptionView>(
      `select ${REDEMPTION_COLUMNS} from points_redemption r join reward_item i on i.id = r.item_id where i.centre_code = ? order by r.created_at desc limit 50`,
      [centreCode],
    ),
  ]);
  const balance = (id: string) => balances.find((row) => row.id === id)?.balance ?? 0;
  return { centreCode, budget: balance(ids[0]!), held: balance(ids[1]!), redeemed: balance(ids[2]!), transfers, redemptions: redemptions.map(redemptionView) };
}
