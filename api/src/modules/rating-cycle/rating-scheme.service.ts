import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, badInput, ErrorCode } from '../../errors/app-error';
import { RatingDimension } from '../rating/rating-dimension.entity';
import { RatingScheme } from '../rating/rating-scheme.entity';
import { IndicatorRule, RatingIndicator } from './rating-indicator.entity';
import type { RatingSchemeInput } from './rating-cycle.inputs';

/**
 * Creates or replaces a year's scheme: dimensions, indicators, thresholds and notice length.
 * Refused once the scheme is frozen (its first cycle has opened), so every centre of a
 * year is rated against the same rules.
 */
export async function saveRatingScheme(em: EntityManager, input: RatingSchemeInput): Promise<{ scheme: RatingScheme; before: unknown }> {
  validateScheme(input);
  const existing = await em.findOne(RatingScheme, { year: input.year });
  if (existing?.frozenAt) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `The ${input.year} scheme is frozen: its rating cycle opened on ${existing.frozenAt.toISOString().slice(0, 10)}, so it can no longer change.`,
      {
        argument: 'input.year',
      },
    );
  }
  const before = existing ? await describeScheme(em, existing.year) : null;
  const scheme = existing ?? em.create(RatingScheme, { year: input.year, name: input.name });
  Object.assign(scheme, {
    name: input.name,
    threeStarMin: input.threeStarMin,
    fourStarMin: input.fourStarMin,
    fiveStarMin: input.fiveStarMin,
    noticeWorkingDays: input.noticeWorkingDays,
  });
  if (existing) {
    await em.nativeDelete(RatingIndicator, { scheme: input.year });
    await em.nativeDelete(RatingDimension, { scheme: input.year });
  }
  input.dimensions.forEach((dimensionInput, dimensionIndex) => {
    const dimension = em.create(RatingDimension, {
      scheme,
      key: dimensionInput.key,
      name: dimensionInput.name,
      maxScore: dimensionInput.maxScore,
      weight: dimensionInput.maxScore / 100,
      position: dimensionIndex + 1,
    });
    dimensionInput.indicators.forEach((indicator, indicatorIndex) => {
      em.create(RatingIndicator, {
        scheme,
        dimension,
        code: indicator.code,
        name: indicator.name,
        maxScore: indicator.maxScore,
        rule: indicator.rule,
        checklist: indicator.checklist ?? [],
        bands: (indicator.bands ?? []).map(({ min, score }) => ({ min, score })),
        figureKey: indicator.figureKey,
        requiresEvidence: indicator.requiresEvidence,
        requiresJustification: indicator.requiresJustification,
        isVeto: indicator.isVeto,
        position: dimensionIndex * 100 + indicatorIndex + 1,
      });
    });
  });
  await em.flush();
  return { scheme, before };
}

function validateScheme(input: RatingSchemeInput): void {
  if (!(input.threeStarMin < input.fourStarMin && input.fourStarMin < input.fiveStarMin)) {
    throw badInput('input.threeStarMin', 'must be below fourStarMin, which must be below fiveStarMin.');
  }
  const total = input.dimensions.reduce((sum, dimension) => sum + dimension.maxScore, 0);
  if (Math.abs(total - 100) > 1e-9) throw badInput('input.dimensions', `must carry 100 points between them (they carry ${total}).`);
  const codes = new Set<string>();
  input.dimensions.forEach((dimension, d) => {
    if (dimension.indicators.length === 0) throw badInput(`input.dimensions[${d}].indicators`, 'must list at least one indicator.');
    dimension.indicators.forEach((indicator, i) => {
      const at = `input.dimensions[${d}].indicators[${i}]`;
      if (codes.has(indicator.code)) throw badInput(`${at}.code`, `repeats the code ${indicator.code}.`);
      codes.add(indicator.code);
      const needsBands = indicator.rule === IndicatorRule.NUMERIC_BAND || indicator.rule === IndicatorRule.DERIVED;
      if (needsBands && !indicator.bands?.length) throw badInput(`${at}.bands`, `are required for a ${indicator.rule} indicator.`);
      if (indicator.bands?.some((band) => band.score > indicator.maxScore)) throw badInput(`${at}.bands`, `must not score above the indicator's maximum (${indicator.maxScore}).`);
      if (indicator.rule === IndicatorRule.DERIVED && !indicator.figureKey) throw badInput(`${at}.figureKey`, 'is required for a DERIVED indicator.');
      if (indicator.rule === IndicatorRule.CHECKLIST && !indicator.checklist?.length) throw badInput(`${at}.checklist`, 'must list the items of a CHECKLIST indicator.');
    });
  });
}

/** The scheme as plain data, for the audit log. */
export async function describeScheme(em: EntityManager, year: number): Promise<unknown> {
  const [scheme, dimensions, indicators] = await Promise.all([
    em.findOne(RatingScheme, { year }),
    em.find(RatingDimension, { scheme: year }, { orderBy: { position: 'asc' } }),
    em.find(RatingIndicator, { scheme: year }, { orderBy: { position: 'asc' } }),
  ]);
  if (!scheme) return null;
  return {
    year,
    name: scheme.name,
    thresholds: [scheme.threeStarMin, scheme.fourStarMin, scheme.fiveStarMin],
    noticeWorkingDays: scheme.noticeWorkingDays,
    dimensions: dimensions.map(({ key, maxScore }) => ({ key, maxScore })),
    indicators: indicators.map(({ code, maxScore, rule, isVeto }) => ({ code, maxScore, rule, isVeto })),
  };
}
