import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode, badInput } from '../../errors/app-error';
import { assertText } from '../../shared/records';
import { accountIds, assertPoints, ensureAccount, limitWindows, lockAccounts, MAX_POINTS, postTransfer, residentKeyOf, sqlOf } from './ledger.service';
import { PointsRule } from './points.entity';
import { PointsAccountKind, PointsActor, PointsRuleKey, PointsTransferKind } from './points.types';

export interface IssueRequest {
  rule: PointsRuleKey;
  centreCode: string;
  residentKey: string;
  /** What earned it (`order:<id>`): one issue per rule, reference and resident, ever. */
  reference: string;
  /** Hours for VOLUNTEER_HOURS; 1 otherwise. */
  units?: number;
  actor: PointsActor;
  actorAccountId?: string;
  now?: Date;
}

/**
 * Issues a rule's points from the centre's budget to the resident: refused (CONFLICT, nothing
 * written by the ledger) when the rule is off, the budget would go below zero, or the
 * resident's daily or yearly limit for the rule would be passed. The resident's account is
 * locked first, so two issues to one resident count each other. Answers the transfer id; an
 * issue already made for this rule, reference and resident answers that one again.
 */
export async function issuePoints(em: EntityManager, request: IssueRequest): Promise<{ transferId: string; points: number; isReplay: boolean }> {
  const now = request.now ?? new Date();
  const units = request.units ?? 1;
  if (!(units > 0 && units <= 24)) throw badInput('units', `must be more than 0 and at most 24, got ${units}.`);
  assertText(request.reference, 'reference', 200);
  const sql = sqlOf(em);
  const [rule] = await sql<PointsRule>(`select key, points, daily_limit as "dailyLimit", yearly_limit as "yearlyLimit", is_active as "isActive" from points_rule where key = ?`, [
    request.rule,
  ]);
  if (!rule || !rule.isActive) throw new AppError(ErrorCode.CONFLICT, `The points rule ${request.rule} is switched off: no points were issued.`, { rule: request.rule });
  const points = Math.round(rule.points * units);
  assertPoints(Math.min(points, MAX_POINTS), 'units');
  const resident = accountIds.resident(request.residentKey);
  const budget = accountIds.budget(request.centreCode);
  const issueKey = `${request.rule}:${request.reference}:${resident}`;
  const [earlier] = await sql<{ id: string; amount: number }>(
    `select t.id, m.amount from points_transfer t join points_movement m on m.transfer_id = t.id and m.account_id = ? where t.issue_key = ?`,
    [resident, issueKey],
  );
  if (earlier) return { transferId: earlier.id, points: earlier.amount, isReplay: true };
  await ensureAccount(em, budget, PointsAccountKind.CENTRE_BUDGET, { centreCode: request.centreCode });
  await ensureAccount(em, resident, PointsAccountKind.RESIDENT, { residentKey: request.residentKey });
  await lockAccounts(em, [budget, resident]);
  const { dayStart, yearStart } = limitWindows(now);
  const [issued] = await sql<{ day: number; year: number }>(
    `select coalesce(sum(m.amount) filter (where t.at >= ?), 0)::int as day, coalesce(sum(m.amount), 0)::int as year
       from points_transfer t join points_movement m on m.transfer_id = t.id and m.account_id = ?
      where t.kind = 'ISSUE' and t.rule = ? and t.at >= ? and not exists (select 1 from points_transfer r where r.reverses_transfer_id = t.id)`,
    [dayStart, resident, request.rule, yearStart],
  );
  if (issued!.day + points > rule.dailyLimit) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `The resident already has ${issued!.day} of the ${rule.dailyLimit} points a day ${request.rule} may give: ${points} more would pass it.`,
      {
        limit: 'DAILY',
      },
    );
  }
  if (issued!.year + points > rule.yearlyLimit) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `The resident already has ${issued!.year} of the ${rule.yearlyLimit} points a year ${request.rule} may give: ${points} more would pass it.`,
      {
        limit: 'YEARLY',
      },
    );
  }
  const transferId = await postTransfer(
    em,
    {
      kind: PointsTransferKind.ISSUE,
      rule: request.rule,
      centreCode: request.centreCode,
      reference: request.reference,
      issueKey,
      actor: request.actor,
      actorAccountId: request.actorAccountId,
      at: now,
      movements: [
        { accountId: budget, amount: -points },
        { accountId: resident, amount: points },
      ],
    },
    (account) =>
      new AppError(
        ErrorCode.CONFLICT,
        `The points budget of centre ${request.centreCode} holds ${account.balance} points, fewer than the ${points} to issue: grant it more first.`,
        {
          budget: account.balance,
        },
      ),
  );
  return { transferId, points, isReplay: false };
}

/** What reviewing an order did about points: issued, or why not (a review is never refused for the centre's budget). */
export type ReviewPoints = { issued: true; points: number } | { issued: false; reason: string };

/**
 * ORDER_REVIEWED points for a reviewed order, inside the review's transaction. The review
 * stands whatever happens here: a refusal (no budget, a limit, the rule off) is answered, for
 * the order's internal timeline, instead of thrown. Once per order (the reference is its id).
 */
export async function issueForReviewedOrder(em: EntityManager, order: { id: string; centreCode: string; contactPhone: string }, now: Date): Promise<ReviewPoints> {
  try {
    const { points, isReplay } = await issuePoints(em, {
      rule: PointsRuleKey.ORDER_REVIEWED,
      centreCode: order.centreCode,
      residentKey: residentKeyOf(order.contactPhone),
      reference: `order:${order.id}`,
      actor: PointsActor.SYSTEM,
      now,
    });
    return isReplay ? { issued: false, reason: 'already issued for this order' } : { issued: true, points };
  } catch (error) {
    if (error instanceof AppError) return { issued: false, reason: error.message };
    throw error;
  }
}
