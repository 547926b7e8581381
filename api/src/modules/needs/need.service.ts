import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../errors/app-error';
import { assertInEnum, assertText, findOrFail, newRecordId, todayInChina } from '../../shared/records';
import { assertTransition, type TransitionTable } from '../../shared/transitions';
import { centreForWrite, guardCentreOf, type CentreGuard } from '../centre/centre.service';
import { Need, NeedCategory, NeedSource, NeedStatus } from './need.entity';

export const NEED_TRANSITIONS: TransitionTable<NeedStatus> = {
  SUBMITTED: [NeedStatus.EVALUATING, NeedStatus.REJECTED, NeedStatus.MERGED, NeedStatus.WITHDRAWN],
  EVALUATING: [NeedStatus.ACCEPTED, NeedStatus.REJECTED, NeedStatus.MERGED, NeedStatus.WITHDRAWN],
  ACCEPTED: [],
  REJECTED: [],
  MERGED: [],
  WITHDRAWN: [],
};

/** Needs still waiting for an answer: what "open needs" means in lists and filters. */
export const OPEN_NEED_STATUSES = [NeedStatus.SUBMITTED, NeedStatus.EVALUATING, NeedStatus.ACCEPTED];

export interface NewNeed {
  centreCode: string;
  source: NeedSource;
  category: NeedCategory;
  title: string;
  description?: string;
  requesterCount?: number;
  submittedOn?: string;
}

export async function createNeed(em: EntityManager, input: NewNeed, guard: CentreGuard): Promise<Need> {
  assertInEnum(NeedCategory, input.category, 'category');
  assertInEnum(NeedSource, input.source, 'source');
  assertText(input.title, 'title', 200);
  if (input.requesterCount !== undefined && input.requesterCount < 1) {
    throw badInput('requesterCount', `must be at least 1, got ${input.requesterCount}.`);
  }
  const centre = await centreForWrite(em, input.centreCode, guard);
  const need = em.create(Need, {
    id: newRecordId(),
    centre,
    source: input.source,
    category: input.category,
    title: input.title.trim(),
    description: input.description,
    requesterCount: input.requesterCount ?? 1,
    submittedOn: input.submittedOn ?? todayInChina(),
  });
  await em.flush();
  return need;
}

/** "Me too": more residents raise the same need. */
export async function addNeedRequesters(em: EntityManager, { needId, count }: { needId: string; count: number }, guard: CentreGuard): Promise<Need> {
  if (!Number.isInteger(count) || count < 1) throw badInput('count', `must be a whole number of at least 1, got ${count}.`);
  const need = await findOrFail(em, Need, needId, 'needId');
  await guardCentreOf(em, need, guard);
  need.requesterCount += count;
  await em.flush();
  return need;
}

export interface NeedDecision {
  needId: string;
  status: NeedStatus;
  /** Staff's reasoning, kept internal. */
  internalNote?: string;
  /** The answer residents will see once the decision is published. */
  answer?: string;
  /** For MERGED: the need this one duplicates. */
  mergedIntoId?: string;
}

/** Moves a need along its workflow; residents see nothing of it until it is published. */
export async function decideNeed(em: EntityManager, input: NeedDecision, guard: CentreGuard): Promise<Need> {
  assertInEnum(NeedStatus, input.status, 'status');
  const need = await findOrFail(em, Need, input.needId, 'needId');
  await guardCentreOf(em, need, guard);
  assertTransition(NEED_TRANSITIONS, 'a need', need.status, input.status);
  if (input.status === NeedStatus.MERGED) {
    if (!input.mergedIntoId) throw badInput('mergedIntoId', 'is required to merge a need: name the need it duplicates.');
    if (input.mergedIntoId === need.id) throw badInput('mergedIntoId', 'must name another need, not the need itself.');
    const target = await findOrFail(em, Need, input.mergedIntoId, 'mergedIntoId');
    if (target.centre.code !== need.centre.code) throw badInput('mergedIntoId', 'must name a need of the same centre.');
    if (!OPEN_NEED_STATUSES.includes(target.status)) throw badInput('mergedIntoId', `must name an open need; that one is ${target.status}.`);
    need.mergedInto = target;
    target.requesterCount += need.requesterCount;
  } else if (input.mergedIntoId) {
    throw badInput('mergedIntoId', 'is only for status MERGED.');
  }
  need.status = input.status;
  if (input.internalNote !== undefined) need.internalNote = input.internalNote;
  if (input.answer !== undefined) need.draftAnswer = input.answer;
  await em.flush();
  return need;
}

/** Announces the current decision and answer: from now on residents see them. */
export async function publishNeedDecision(em: EntityManager, { needId }: { needId: string }, guard: CentreGuard, now = new Date()): Promise<Need> {
  const need = await findOrFail(em, Need, needId, 'needId');
  await guardCentreOf(em, need, guard);
  if (need.status === NeedStatus.SUBMITTED) throw badInput('needId', 'has no decision to publish yet: move it to EVALUATING or decide it first.');
  need.publishedStatus = need.status;
  need.publicAnswer = need.draftAnswer;
  need.answerPublishedAt = now;
  await em.flush();
  return need;
}
