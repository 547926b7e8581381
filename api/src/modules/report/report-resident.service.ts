import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode, badInput } from '../../errors/app-error';
import { assertInEnum, assertText, newRecordId } from '../../shared/records';
import { isWithin, type Scope } from '../../shared/region-subtree';
import { assertResidentKey, type OnceOnly, PHONE_PATTERN, phoneDigits, residentTokenFor, sha256, submitOnce } from '../../shared/resident-submission';
import { Centre } from '../centre/centre.entity';
import { EventActor, Satisfaction } from '../service-order/service-order.types';
import { Report, ReportEvent } from './report.entity';
import { applyMove, lockReport } from './report.states';
import { ReportAction as A, ReportKind, ReportStatus, ReportVisibility, VISIBILITY_OF } from './report.types';

export const REPORT_TOKEN_PREFIX = 'rpt_';
const TOKEN_PATTERN = /^rpt_[A-Za-z0-9_-]{43}$/;

export interface NewReport {
  centreCode: string;
  kind: ReportKind;
  description: string;
  locationText?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
}

const tokenFor = (key: string | undefined, inputHash: string) => residentTokenFor(REPORT_TOKEN_PREFIX, 'report-token', key, inputHash);

export function reportTokenHash(token: string | undefined): string | undefined {
  return token && TOKEN_PATTERN.test(token) ? sha256(token) : undefined;
}

/** A token's report id, or NOT_FOUND; the token is never echoed. */
export async function reportIdByToken(em: EntityManager, token: string): Promise<string> {
  const hash = reportTokenHash(token);
  const found = hash ? await em.findOne(Report, { tokenHash: hash }, { fields: ['id'] }) : null;
  if (!found) throw new AppError(ErrorCode.NOT_FOUND, 'No report has this token: check it was copied whole.', { argument: 'token' });
  return found.id;
}

export function normaliseReport(input: NewReport): NewReport {
  return {
    centreCode: input.centreCode.trim(),
    kind: input.kind,
    description: input.description.trim(),
    locationText: input.locationText?.trim() || null,
    contactName: input.contactName?.trim() || null,
    contactPhone: input.contactPhone ? phoneDigits(input.contactPhone) : null,
  };
}

function validate(input: NewReport, raw: NewReport): void {
  assertInEnum(ReportKind, input.kind, 'input.kind');
  assertText(input.description, 'input.description', 2000);
  if (!input.description) throw badInput('input.description', 'must say what was found.');
  assertText(input.locationText ?? undefined, 'input.locationText', 200);
  assertText(input.contactName ?? undefined, 'input.contactName', 50);
  // Never echo the number: it is personal data, and error messages reach logs and screens.
  if (raw.contactPhone != null && (!PHONE_PATTERN.test(raw.contactPhone) || input.contactPhone!.replace('+', '').length < 5))
    throw badInput('input.contactPhone', 'must be a phone number.');
  if (!input.contactName !== !input.contactPhone)
    throw badInput(input.contactName ? 'input.contactPhone' : 'input.contactName', 'must be given with the other half of the contact (name and phone).');
  if (VISIBILITY_OF[input.kind] !== ReportVisibility.PUBLIC && !input.contactPhone) {
    throw badInput('input.contactPhone', `is required for ${input.kind}: the centre calls back about private reports.`);
  }
}

/**
 * A resident's report (no sign-in): SUBMITTED with its first timeline entry. With a key, a double
 * tap answers the first report and its token; the same key with other input is a CONFLICT.
 */
export async function submitReport(em: EntityManager, raw: NewReport, key: string | undefined, scope?: Scope): Promise<{ reportId: string; token: string }> {
  assertResidentKey(key, 'report');
  const input = normaliseReport(raw);
  validate(input, raw);
  const inputHash = sha256(JSON.stringify(input));
  const { id, token } = await submitOnce(em, { key, inputHash }, REPORT_ONCE, async (tx, { token, keyHash }) => {
    const centre = await tx.findOne(Centre, { code: input.centreCode }, { populate: ['region'] });
    if (!centre || (scope && !isWithin(centre.region.path, scope.path)))
      throw new AppError(ErrorCode.NOT_FOUND, `No centre has the code "${input.centreCode}".`, { argument: 'input.centreCode' });
    const report = tx.create(Report, {
      id: newRecordId(),
      centre,
      kind: input.kind,
      description: input.description,
      locationText: input.locationText ?? undefined,
      contactName: input.contactName ?? undefined,
      contactPhone: input.contactPhone ?? undefined,
      tokenHash: sha256(token),
      submissionKeyHash: keyHash,
      submissionInputHash: keyHash ? inputHash : undefined,
    });
    tx.create(ReportEvent, { report, at: report.submittedAt, toStatus: ReportStatus.SUBMITTED, action: A.SUBMIT, isPublic: true, actor: EventActor.RESIDENT });
    await tx.flush();
    return report.id;
  });
  return { reportId: id, token };
}

const REPORT_ONCE: OnceOnly = {
  tokenFor,
  noun: 'report',
  findByKeyHash: (em, keyHash) => em.findOne(Report, { submissionKeyHash: keyHash }, { fields: ['id', 'submissionInputHash'], refresh: true }),
};

export interface ConfirmReport {
  satisfaction: Satisfaction;
  score: number;
  comment?: string | null;
}

/** The resident confirms the result (closing the case if staff have not) and rates it, once. */
export async function confirmReport(em: EntityManager, token: string, input: ConfirmReport, now = new Date()): Promise<{ id: string; centreCode: string }> {
  const id = await reportIdByToken(em, token);
  assertInEnum(Satisfaction, input.satisfaction, 'input.satisfaction');
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) throw badInput('input.score', `must be a whole number from 1 to 5, got ${input.score}.`);
  assertText(input.comment ?? undefined, 'input.comment', 2000);
  return em.transactional(async (tx) => {
    const report = await lockReport(tx, id, 'token');
    if (report.confirmedAt) throw new AppError(ErrorCode.CONFLICT, 'This report was already confirmed and rated. Nothing was changed.', { argument: 'token' });
    const closesIt = report.status !== ReportStatus.CLOSED;
    applyMove(tx, report, A.CONFIRM, { party: 'RESIDENT', isPublic: true, at: now });
    if (closesIt) report.closedAt = now;
    Object.assign(report, { satisfaction: input.satisfaction, score: input.score, ratingComment: input.comment?.trim() || undefined });
    await tx.flush();
    return { id, centreCode: report.centre.code };
  });
}
