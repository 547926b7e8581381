import { randomUUID } from 'node:crypto';
import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode, badInput } from '../errors/app-error';

/** Ids of records staff create; seeded records carry readable ids instead. */
export function newRecordId(): string {
  return randomUUID();
}

/** Today in China (UTC+8) as YYYY-MM-DD: the date staff would write on the record. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The record with this id, or NOT_FOUND naming the argument it came from. */
export async function findOrFail<T extends object>(em: EntityManager, entity: EntityName<T>, id: string, argument: string, populate: string[] = []): Promise<T> {
  const record = await em.findOne(entity, { id } as never, { populate: populate as never[] });
  if (!record) {
    const name = typeof entity === 'function' ? entity.name : String(entity);
    throw new AppError(ErrorCode.NOT_FOUND, `No ${name} has the id "${id}".`, { argument });
  }
  return record as T;
}

export function assertNotNegative(value: number | null | undefined, argument: string): void {
  if (value !== undefined && value !== null && (!Number.isFinite(value) || value < 0)) {
    throw badInput(argument, `must be zero or more, got ${value}.`);
  }
}

export function assertText(value: string | undefined, argument: string, max = 500): void {
  if (value !== undefined && (value.trim().length === 0 || value.length > max)) {
    throw badInput(argument, `must be 1 to ${max} characters long.`);
  }
}

export function assertDateOrder(from: string | Date | undefined | null, to: string | Date | undefined | null, argument: string): void {
  if (from && to && new Date(to).getTime() < new Date(from).getTime()) {
    throw badInput(argument, 'must not be before the start.');
  }
}

export function assertInEnum<E extends Record<string, string>>(enumObject: E, value: string, argument: string): void {
  if (!Object.values(enumObject).includes(value)) {
    throw badInput(argument, `must be one of ${Object.values(enumObject).join(', ')}; got "${value}".`);
  }
}
