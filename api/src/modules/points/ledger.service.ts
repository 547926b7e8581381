import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode, badInput } from '../../errors/app-error';
import { newRecordId, todayInChina } from '../../shared/records';
import { pgArray } from '../../db/sql';
import { PointsAccountKind, PointsActor, PointsRuleKey, PointsTransferKind } from './points.types';

/** The most points a single grant, rule or reward may move; and all points in circulation together (the source's floor). */
export const MAX_POINTS = 1_000_000;
export const MAX_CIRCULATION = 1_000_000_000;

export const SOURCE_ACCOUNT = 'source';
export const accountIds = {
  budget: (centreCode: string) => `budget:${centreCode}`,
  hold: (centreCode: string) => `hold:${centreCode}`,
  redeemed: (centreCode: string) => `redeemed:${centreCode}`,
  resident: (residentKey: string) => `resident:${residentKey}`,
};

/**
 * A resident's key: SHA-256 of the phone, normalised to its digits (a mainland mobile without
 * +86 / 0086), so every order the resident placed with that number reaches one account. The
 * phone itself is never stored in the points tables.
 */
export function residentKeyOf(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  const mainland = /^(?:0086|86)(1\d{10})$/.exec(digits);
  if (mainland) digits = mainland[1]!;
  return createHash('sha256').update(`phone:${digits}`).digest('hex');
}

export interface Movement {
  accountId: string;
  amount: number;
}

export interface NewTransfer {
  kind: PointsTransferKind;
  centreCode: string;
  movements: Movement[];
  actor: PointsActor;
  actorAccountId?: string;
  rule?: PointsRuleKey;
  reference?: string;
  issueKey?: string;
  reversesId?: string;
  note?: string;
  at?: Date;
}

export interface LockedAccount {
  id: string;
  kind: PointsAccountKind;
  balance: number;
}

/** Raw statements inside the entity manager's transaction. */
export const sqlOf =
  (em: EntityManager) =>
  <T extends object>(sql: string, params: unknown[] = []) =>
    em.execute<T[]>(sql, params, 'all');

/** Makes the account if it does not exist yet (one idempotent insert). */
export async function ensureAccount(em: EntityManager, id: string, kind: PointsAccountKind, owner: { centreCode?: string; residentKey?: string } = {}): Promise<void> {
  await sqlOf(em)(`insert into points_account (id, kind, centre_code, resident_key) values (?, ?, ?, ?) on conflict (id) do nothing`, [
    id,
    kind,
    owner.centreCode ?? null,
    owner.residentKey ?? null,
  ]);
}

/** The accounts, locked for the rest of the transaction in id order (every writer locks in that order, so two transfers cannot deadlock). */
export async function lockAccounts(em: EntityManager, ids: string[]): Promise<Map<string, LockedAccount>> {
  const rows = await sqlOf(em)<LockedAccount>(`select id, kind, balance from points_account where id = any(?::text[]) order by id for update`, [pgArray([...new Set(ids)].sort())]);
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Writes one transfer and its movements. The movements must sum to zero and name each account
 * once; every account they take points from must hold enough (checked under the accounts' row
 * locks, so two transfers racing for the same points cannot both pass). Else `short` says why,
 * and nothing is written. The database keeps the balances from the movements (a trigger), and
 * refuses a negative balance or an unbalanced transfer at commit, whatever the code does.
 */
export async function postTransfer(em: EntityManager, transfer: NewTransfer, short: (account: LockedAccount, needed: number) => AppError): Promise<string> {
  const { movements } = transfer;
  const sum = movements.reduce((total, movement) => total + movement.amount, 0);
  if (movements.length < 2 || sum !== 0 || movements.some((movement) => !Number.isInteger(movement.amount) || movement.amount === 0)) {
    throw new Error(`A points transfer needs two or more non-zero whole movements summing to zero (got ${JSON.stringify(movements)}).`);
  }
  if (new Set(movements.map((movement) => movement.accountId)).size !== movements.length) throw new Error('A points transfer names an account twice.');
  const accounts = await lockAccounts(
    em,
    movements.map((movement) => movement.accountId),
  );
  for (const movement of movements) {
    const account = accounts.get(movement.accountId);
    if (!account) throw new Error(`No points account ${movement.accountId}.`);
    if (account.kind === PointsAccountKind.SOURCE ? account.balance + movement.amount < -MAX_CIRCULATION : account.balance + movement.amount < 0) {
      throw short(account, -movement.amount);
    }
  }
  const id = newRecordId();
  const sql = sqlOf(em);
  await sql(
    `insert into points_transfer (id, kind, rule, centre_code, reference, issue_key, reverses_transfer_id, at, actor, actor_account_id, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      transfer.kind,
      transfer.rule ?? null,
      transfer.centreCode,
      transfer.reference ?? null,
      transfer.issueKey ?? null,
      transfer.reversesId ?? null,
      transfer.at ?? new Date(),
      transfer.actor,
      transfer.actorAccountId ?? null,
      transfer.note ?? null,
    ],
  );
  const sorted = [...movements].sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
  await sql(
    `insert into points_movement (transfer_id, account_id, amount) values ${sorted.map(() => '(?, ?, ?)').join(', ')}`,
    sorted.flatMap((m) => [id, m.accountId, m.amount]),
  );
  return id;
}

export function assertPoints(points: number, argument: string): void {
  if (!Number.isInteger(points) || points < 1 || points > MAX_POINTS) throw badInput(argument, `must be a whole number of points from 1 to ${MAX_POINTS}, got ${points}.`);
}

/** A centre's budget receives points (city or the centre's administrators): SOURCE → CENTRE_BUDGET. */
export async function grantBudget(em: EntityManager, centreCode: string, points: number, actorAccountId: string, note?: string): Promise<string> {
  assertPoints(points, 'points');
  await ensureAccount(em, SOURCE_ACCOUNT, PointsAccountKind.SOURCE);
  await ensureAccount(em, accountIds.budget(centreCode), PointsAccountKind.CENTRE_BUDGET, { centreCode });
  return postTransfer(
    em,
    {
      kind: PointsTransferKind.BUDGET_GRANT,
      centreCode,
      actor: PointsActor.STAFF,
      actorAccountId,
      note,
      movements: [
        { accountId: SOURCE_ACCOUNT, amount: -points },
        { accountId: accountIds.budget(centreCode), amount: points },
      ],
    },
    () => new AppError(ErrorCode.CONFLICT, `The city may have at most ${MAX_CIRCULATION} points in circulation: this grant would pass it. Nothing was granted.`),
  );
}

/** The first instant of the China day and year of `now`: where the daily and yearly limits count from. */
export function limitWindows(now: Date): { dayStart: Date; yearStart: Date } {
  const today = todayInChina(now);
  return { dayStart: new Date(`${today}T00:00:00+08:00`), yearStart: new Date(`${today.slice(0, 4)}-01-01T00:00:00+08:00`) };
}
