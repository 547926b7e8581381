import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode, badInput } from '../../errors/app-error';
import { assertText } from '../../shared/records';
import { MAX_POINTS, postTransfer, sqlOf } from './ledger.service';
import { PointsRule } from './points.entity';
import { PointsActor, PointsRuleKey, PointsTransferKind } from './points.types';

/** Transfers a reversal may correct: a redemption's own transfers are corrected by releasing it. */
const REVERSIBLE = new Set([PointsTransferKind.ISSUE, PointsTransferKind.BUDGET_GRANT]);

/** The transfer's centre, for the caller's guard, before anything is written. */
export async function transferCentre(em: EntityManager, transferId: string): Promise<{ centreCode: string; kind: PointsTransferKind }> {
  const [row] = await sqlOf(em)<{ centreCode: string; kind: PointsTransferKind }>(`select centre_code as "centreCode", kind from points_transfer where id = ?`, [transferId]);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `No points transfer has the id "${transferId}".`, { argument: 'transferId' });
  return row;
}

/**
 * A correction: a new REVERSAL transfer with the original's movements negated. The original is
 * never changed. Each transfer is reversed at most once (its row is locked while this runs,
 * and a unique index backs it), and a reversal that would take an account below zero (the
 * resident already spent the points) is refused, nothing written.
 */
export async function reverseTransfer(em: EntityManager, transferId: string, reason: string, actorAccountId: string): Promise<string> {
  assertText(reason, 'reason', 500);
  const sql = sqlOf(em);
  const [original] = await sql<{ id: string; kind: PointsTransferKind; centreCode: string }>(
    `select id, kind, centre_code as "centreCode" from points_transfer where id = ? for update`,
    [transferId],
  );
  if (!original) throw new AppError(ErrorCode.NOT_FOUND, `No points transfer has the id "${transferId}".`, { argument: 'transferId' });
  if (!REVERSIBLE.has(original.kind)) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `A ${original.kind} transfer is not reversed: ${original.kind === PointsTransferKind.REVERSAL ? 'issue or grant again instead' : 'release or fulfil the redemption instead'}. Nothing was changed.`,
      { argument: 'transferId' },
    );
  }
  const [reversal] = await sql<{ id: string }>(`select id from points_transfer where reverses_transfer_id = ?`, [transferId]);
  if (reversal) throw new AppError(ErrorCode.CONFLICT, `This transfer was already reversed (by ${reversal.id}). Nothing was changed.`, { argument: 'transferId' });
  const movements = await sql<{ accountId: string; amount: number }>(`select account_id as "accountId", amount from points_movement where transfer_id = ?`, [transferId]);
  return postTransfer(
    em,
    {
      kind: PointsTransferKind.REVERSAL,
      centreCode: original.centreCode,
      reversesId: transferId,
      actor: PointsActor.STAFF,
      actorAccountId,
      note: reason.trim(),
      movements: movements.map((movement) => ({ accountId: movement.accountId, amount: -movement.amount })),
    },
    (account, needed) =>
      new AppError(
        ErrorCode.CONFLICT,
        `Reversing takes ${needed} points from a ${account.kind} account that holds ${account.balance}: the points were spent or held since. Nothing was changed.`,
        { argument: 'transferId' },
      ),
  );
}

export interface RuleSettings {
  key: PointsRuleKey;
  points: number;
  dailyLimit: number;
  yearlyLimit: number;
  isActive: boolean;
}

/** City administrators set a rule's points and limits; later issues follow them, earlier ones stay. */
export async function setRule(em: EntityManager, settings: RuleSettings): Promise<PointsRule> {
  const rule = await em.findOne(PointsRule, { key: settings.key });
  if (!rule) throw badInput('input.key', `must be one of ${Object.values(PointsRuleKey).join(', ')}.`);
  for (const name of ['points', 'dailyLimit', 'yearlyLimit'] as const) {
    const value = settings[name];
    if (!Number.isInteger(value) || value < (name === 'points' ? 1 : 0) || value > MAX_POINTS) {
      throw badInput(`input.${name}`, `must be a whole number from ${name === 'points' ? 1 : 0} to ${MAX_POINTS}, got ${value}.`);
    }
  }
  if (settings.dailyLimit > settings.yearlyLimit) throw badInput('input.dailyLimit', 'must not be more than the yearly limit.');
  Object.assign(rule, { points: settings.points, dailyLimit: settings.dailyLimit, yearlyLimit: settings.yearlyLimit, isActive: settings.isActive, updatedAt: new Date() });
  await em.flush();
  return rule;
}
