import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, StaffRole } from '../../auth/actor';
import { assertMayManageCentre, forbidden, isInSubtree } from '../../auth/authorize';
import { AppError, badInput, ErrorCode } from '../../errors/app-error';
import { isWithin } from '../../shared/region-subtree';
import { Centre } from '../centre/centre.entity';
import { deriveFigures } from '../figure/figure.service';
import { ReportedFigure } from '../figure/reported-figure.entity';
import { RatingDimension } from '../rating/rating-dimension.entity';
import { RatingTier } from '../rating/rating-result.entity';
import { AssessmentScore } from './assessment-score.entity';
import { Assessment, AssessmentStage } from './assessment.entity';
import { EvaluatorAssignment } from './evaluator-assignment.entity';
import { CycleStage, RatingCycle } from './rating-cycle.entity';
import type { IndicatorScoreInput, SubmitAssessmentInput } from './rating-cycle.inputs';
import { IndicatorRule, RatingIndicator } from './rating-indicator.entity';
import { type IndicatorOutcome, scoreFromBands, totalAssessment } from './scoring';

/** The cycle stage in which each assessment stage is written. */
const OPEN_IN: Record<AssessmentStage, CycleStage> = {
  [AssessmentStage.SELF]: CycleStage.SELF_ASSESSMENT,
  [AssessmentStage.COUNTY]: CycleStage.COUNTY_REVIEW,
  [AssessmentStage.CITY]: CycleStage.CITY_RATING,
};

/** The stage each assessment builds on: a centre is reviewed only after it assessed itself. */
const BUILDS_ON: Partial<Record<AssessmentStage, AssessmentStage>> = {
  [AssessmentStage.COUNTY]: AssessmentStage.SELF,
  [AssessmentStage.CITY]: AssessmentStage.COUNTY,
};

export async function findCycle(em: EntityManager, id: string | number): Promise<RatingCycle> {
  const cycle = Number.isSafeInteger(Number(id)) ? await em.findOne(RatingCycle, { id: Number(id) }, { populate: ['region', 'scheme'] }) : null;
  if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, `No rating cycle has the id "${id}".`, { argument: 'cycleId' });
  return cycle;
}

export async function findCentreInCycle(em: EntityManager, cycle: RatingCycle, code: string): Promise<Centre> {
  const centre = await em.findOne(Centre, { code }, { populate: ['region'] });
  if (!centre) throw new AppError(ErrorCode.NOT_FOUND, `No centre has the code "${code}".`, { argument: 'centreCode' });
  if (!isWithin(centre.region.path, cycle.region.path)) {
    throw badInput('centreCode', `names a centre outside ${cycle.region.name}, whose cycle this is.`);
  }
  return centre;
}

async function assertMayAssess(em: EntityManager, actor: Actor, cycle: RatingCycle, centre: Centre, stage: AssessmentStage): Promise<void> {
  const target = { code: centre.code, regionPath: centre.region.path };
  if (stage === AssessmentStage.SELF) {
    if (actor.role === StaffRole.EVALUATOR) throw forbidden(actor, 'write self-assessments');
    assertMayManageCentre(actor, target);
    return;
  }
  if (stage === AssessmentStage.COUNTY) {
    if (actor.role === StaffRole.COUNTY_ADMIN && isInSubtree(actor, centre.region.path)) return;
    if (actor.role === StaffRole.EVALUATOR && (await em.count(EvaluatorAssignment, { cycle, centre, evaluator: actor.accountId })) > 0) return;
    throw forbidden(actor, `write the county review of centre ${centre.code}${actor.role === StaffRole.EVALUATOR ? ' (not assigned to it)' : ''}`);
  }
  if (actor.role !== StaffRole.CITY_ADMIN) throw forbidden(actor, 'write the city rating');
}

/**
 * Scores a centre for one stage and stores it, replacing an earlier submission of the same
 * stage while the stage is open. Derived values are read from the centre's figures now and
 * kept with the score, so later edits to those figures do not change it.
 */
export async function submitAssessment(em: EntityManager, actor: Actor, input: SubmitAssessmentInput): Promise<{ assessment: Assessment; before: unknown; regionPath: string }> {
  const cycle = await findCycle(em, input.cycleId);
  const centre = await findCentreInCycle(em, cycle, input.centreCode);
  await assertMayAssess(em, actor, cycle, centre, input.stage);
  if (cycle.stage !== OPEN_IN[input.stage]) {
    throw new AppError(ErrorCode.CONFLICT, `The cycle is in ${cycle.stage}: ${input.stage} assessments are taken in ${OPEN_IN[input.stage]} only.`, {
      argument: 'input.stage',
      cycleStage: cycle.stage,
    });
  }
  const previousStage = BUILDS_ON[input.stage];
  const basis = previousStage ? await em.findOne(Assessment, { cycle, centre, stage: previousStage }) : null;
  if (previousStage && !basis) {
    throw new AppError(ErrorCode.CONFLICT, `Centre ${centre.code} has no ${previousStage} assessment in this cycle, so it is not a candidate.`, { argument: 'input.centreCode' });
  }
  if (input.tier === RatingTier.CITY && input.stage !== AssessmentStage.CITY) throw badInput('input.tier', 'CITY is proposed in the CITY stage only.');

  const [dimensions, indicators] = await Promise.all([
    em.find(RatingDimension, { scheme: cycle.scheme.year }, { orderBy: { position: 'asc' } }),
    em.find(RatingIndicator, { scheme: cycle.scheme.year }, { orderBy: { position: 'asc' } }),
  ]);
  const entries = await resolveScores(em, centre.code, cycle.scheme.year, indicators, input.scores);
  const totals = totalAssessment(
    dimensions.map(({ id, key, maxScore }) => ({ id, key, maxScore })),
    entries.map(({ indicator, score }): IndicatorOutcome => ({
      indicator: { id: indicator.id, maxScore: indicator.maxScore, isVeto: indicator.isVeto, dimension: { id: indicator.dimension.id } },
      score,
    })),
    cycle.scheme,
  );
  const tier = input.stage === AssessmentStage.CITY ? (input.tier ?? RatingTier.COUNTY) : null;
  if (tier === RatingTier.CITY) assertCityFiveStar(basis!, totals.stars, 'input.tier');

  const existing = await em.findOne(Assessment, { cycle, centre, stage: input.stage });
  const before = existing ? { totalScore: existing.totalScore, stars: existing.stars, tier: existing.tier, isVetoed: existing.isVetoed } : null;
  if (existing) await em.nativeDelete(AssessmentScore, { assessment: existing });
  const assessment =
    existing ??
    em.create(Assessment, { cycle, centre, stage: input.stage, totalScore: 0, scoresByDimension: {}, isVetoed: false, submittedAt: new Date(), submittedBy: actor.accountId });
  Object.assign(assessment, {
    totalScore: totals.totalScore,
    scoresByDimension: totals.scoresByDimension,
    isVetoed: totals.isVetoed,
    stars: totals.stars,
    tier: totals.stars === null ? null : tier,
    submittedAt: new Date(),
    submittedBy: actor.accountId,
  });
  for (const entry of entries) {
    em.create(AssessmentScore, { assessment, ...entry });
  }
  await em.flush();
  return { assessment, before, regionPath: centre.region.path };
}

/** A city five-star needs a county five-star the same year, and five stars on the city's own scores. */
export function assertCityFiveStar(countyReview: Assessment, cityStars: number | null | undefined, argument: string): void {
  if (countyReview.stars !== 5) {
    throw badInput(argument, `cannot be CITY: a city five-star needs a county five-star the same year, and the county review gave ${countyReview.stars ?? 'no'} stars.`);
  }
  if (cityStars !== 5) throw badInput(argument, `cannot be CITY: the city rating gives ${cityStars ?? 'no'} stars, not five.`);
}

interface ScoreEntry {
  indicator: RatingIndicator;
  score: number | null;
  measuredValue: number | null;
  justification: string | null;
  evidenceUrls: string[];
  snapshot: Record<string, unknown> | null;
}

async function resolveScores(em: EntityManager, centreCode: string, year: number, indicators: RatingIndicator[], scores: IndicatorScoreInput[]): Promise<ScoreEntry[]> {
  const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
  const given = new Map<string, { input: IndicatorScoreInput; at: string }>();
  scores.forEach((input, index) => {
    const at = `input.scores[${index}]`;
    if (!byCode.has(input.indicatorCode)) throw badInput(`${at}.indicatorCode`, `names no indicator of the ${year} scheme ("${input.indicatorCode}").`);
    if (given.has(input.indicatorCode)) throw badInput(`${at}.indicatorCode`, `repeats indicator ${input.indicatorCode}.`);
    given.set(input.indicatorCode, { input, at });
  });
  const missing = indicators.filter((indicator) => indicator.rule !== IndicatorRule.DERIVED && !given.has(indicator.code)).map((indicator) => indicator.code);
  if (missing.length > 0) throw badInput('input.scores', `must score every indicator; missing: ${missing.join(', ')}.`);

  const derivedKeys = indicators.filter((indicator) => indicator.rule === IndicatorRule.DERIVED).map((indicator) => indicator.figureKey!);
  const [fromRecords, reported] = derivedKeys.length
    ? await Promise.all([deriveFigures(em, { centreCodes: [centreCode] }, year), em.find(ReportedFigure, { centre: centreCode, year, key: { $in: derivedKeys } })])
    : [[], []];
  const takenAt = new Date().toISOString();

  return indicators.map((indicator) => {
    const entry = given.get(indicator.code);
    const input = entry?.input;
    const at = entry?.at ?? 'input.scores';
    const justification = input?.justification?.trim() || null;
    const evidenceUrls = input?.evidenceUrls ?? [];
    if (indicator.requiresJustification && !justification) throw badInput(`${at}.justification`, `is required for indicator ${indicator.code} (${indicator.name}).`);
    if (indicator.requiresEvidence && evidenceUrls.length === 0)
      throw badInput(`${at}.evidenceUrls`, `must link at least one piece of evidence for indicator ${indicator.code} (${indicator.name}).`);
    const badUrl = evidenceUrls.find((url) => !/^https?:\/\/\S+$/.test(url));
    if (badUrl) throw badInput(`${at}.evidenceUrls`, `must be http or https links ("${badUrl}" is not).`);
    const base = { indicator, justification, evidenceUrls, measuredValue: null, snapshot: null };

    switch (indicator.rule) {
      case IndicatorRule.DERIVED: {
        // The centre's own records come first; a figure it reported stands in where it keeps none.
        const derived = fromRecords.find((candidate) => candidate.key === indicator.figureKey);
        const figure = reported.find((candidate) => candidate.key === indicator.figureKey);
        const value = derived?.value ?? figure?.value ?? null;
        const source = derived ? 'RECORDS' : figure ? 'REPORTED_FIGURE' : 'NO_DATA';
        return {
          ...base,
          measuredValue: value,
          score: value === null ? 0 : scoreFromBands(indicator.bands, value),
          snapshot: { figureKey: indicator.figureKey, year, value, unit: figure?.unit ?? null, source, takenAt },
        };
      }
      case IndicatorRule.NUMERIC_BAND: {
        if (input!.score !== undefined && input!.score !== null) throw badInput(`${at}.score`, `is computed from measuredValue for indicator ${indicator.code}; leave it out.`);
        if (input!.measuredValue === undefined || input!.measuredValue === null)
          throw badInput(`${at}.measuredValue`, `is required for indicator ${indicator.code} (${indicator.name}).`);
        if (input!.measuredValue < 0) throw badInput(`${at}.measuredValue`, 'must not be negative.');
        return { ...base, measuredValue: input!.measuredValue, score: scoreFromBands(indicator.bands, input!.measuredValue) };
      }
      case IndicatorRule.MET_UNMET: {
        if (input!.notApplicable) return { ...base, score: null };
        if (input!.score !== 0 && input!.score !== indicator.maxScore)
          throw badInput(`${at}.score`, `must be 0 (unmet) or ${indicator.maxScore} (met) for indicator ${indicator.code}, or set notApplicable.`);
        return { ...base, score: input!.score };
      }
      case IndicatorRule.CHECKLIST: {
        if (input!.notApplicable) throw badInput(`${at}.notApplicable`, `is for MET_UNMET indicators; ${indicator.code} is a checklist.`);
        const score = input!.score;
        if (score === undefined || score === null) throw badInput(`${at}.score`, `is required for indicator ${indicator.code} (${indicator.name}).`);
        if (score < 0 || score > indicator.maxScore)
          throw badInput(`${at}.score`, `must be between 0 and the indicator's maximum, ${indicator.maxScore} (${indicator.code} ${indicator.name}); got ${score}.`);
        return { ...base, score };
      }
    }
  });
}
