import { createHash } from 'node:crypto';
import { helper, type EntityName, UniqueConstraintViolationException, Utils, wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { AppError, ErrorCode } from '../errors/app-error';
import type { Actor } from './actor';
import { AuditEntry } from './audit-entry.entity';
import { requireActor } from './authorize';
import { IdempotencyRecord } from './idempotency-record.entity';

export interface MutationOutcome<T extends object> {
  /** A MikroORM entity: a replay with the same idempotency key reloads it by class and primary key. */
  result: T;
  audit: {
    action: string;
    targetType: string;
    targetId: string;
    /** The target's region path, so administrators read the entries of their subtree; the actor's when absent. */
    regionPath?: string;
    before?: unknown;
    after?: unknown;
  };
  /** Cache tags (cache/cache-tags.ts) of what the write changed; purged once it is committed. */
  purgeTags: string[];
}

export interface MutationRequest {
  /** The mutation's name: idempotency keys are per mutation and account. */
  name: string;
  idempotencyKey?: string | null;
  input: unknown;
}

/**
 * Every staff write goes through here: it authenticates, answers a retry (same idempotency
 * key) with the first result, runs the work in one transaction together with its audit
 * entry, and purges the cache tags after the commit. Work that throws writes nothing.
 */
export async function runStaffMutation<T extends object>(
  context: Context,
  request: MutationRequest,
  work: (em: EntityManager, actor: Actor) => Promise<MutationOutcome<T>>,
): Promise<T> {
  const actor = requireActor(context);
  const key = request.idempotencyKey?.trim() || undefined;
  if (key && key.length > 200) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Argument "idempotencyKey" must have at most 200 characters.', { argument: 'idempotencyKey' });
  const inputHash = createHash('sha256')
    .update(JSON.stringify(request.input ?? null))
    .digest('hex');
  if (key) {
    const replay = await findReplay<T>(context.em, actor, key, request.name, inputHash);
    if (replay) return replay;
  }
  let purgeTags: string[] = [];
  let result: T;
  try {
    result = await context.em.transactional(async (em) => {
      const outcome = await work(em, actor);
      const { audit } = outcome;
      em.create(AuditEntry, {
        actorId: actor.accountId,
        actorEmail: actor.email,
        actorRole: actor.role,
        action: audit.action,
        targetType: audit.targetType,
        targetId: audit.targetId,
        regionPath: audit.regionPath ?? actor.regionPath,
        before: toAuditJson(audit.before),
        after: toAuditJson(audit.after),
      });
      if (key) {
        em.create(IdempotencyRecord, {
          accountId: actor.accountId,
          key,
          operation: request.name,
          inputHash,
          resultEntity: helper(outcome.result).__meta.className,
          resultId: helper(outcome.result).getPrimaryKey(),
        });
      }
      await em.flush();
      purgeTags = outcome.purgeTags;
      return outcome.result;
    });
  } catch (error) {
    // Two retries raced: the other one committed first, so answer with its result.
    if (key && error instanceof UniqueConstraintViolationException) {
      const replay = await findReplay<T>(context.em.fork(), actor, key, request.name, inputHash);
      if (replay) return replay;
    }
    throw error;
  }
  await context.purge(purgeTags);
  return result;
}

async function findReplay<T extends object>(em: EntityManager, actor: Actor, key: string, name: string, inputHash: string): Promise<T | undefined> {
  const record = await em.findOne(IdempotencyRecord, { accountId: actor.accountId, key });
  if (!record) return undefined;
  if (record.operation !== name || record.inputHash !== inputHash) {
    throw new AppError(ErrorCode.CONFLICT, `The idempotency key "${key}" was used for another request (${record.operation} with other input). Use a new key for a new request.`, {
      argument: 'idempotencyKey',
    });
  }
  return (await em.findOneOrFail(record.resultEntity as EntityName<T>, record.resultId as never)) as T;
}

/** Entities become plain data (relations by key, hidden properties left out); anything else is copied as JSON. */
export function toAuditJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  // toObject leaves out hidden properties (password hashes, key hashes, one-time secrets).
  if (Utils.isEntity(value)) return JSON.parse(JSON.stringify(wrap(value).toObject()));
  return JSON.parse(JSON.stringify(value));
}
