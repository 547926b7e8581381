import { IndicatorRule, type RatingIndicator } from './rating-indicator.entity';
import type { ScoreBand } from './rating-indicator.view';

export interface Thresholds {
  threeStarMin: number;
  fourStarMin: number;
  fiveStarMin: number;
}

export interface DimensionSpec {
  id: number;
  key: string;
  maxScore: number;
}

/** One indicator's outcome: null score means not applicable (left out of the maximum). */
export interface IndicatorOutcome {
  indicator: Pick<RatingIndicator, 'id' | 'maxScore' | 'isVeto'> & { dimension: { id: number } };
  score: number | null;
}

export interface AssessmentTotals {
  totalScore: number;
  scoresByDimension: Record<string, number>;
  isVetoed: boolean;
  stars: number | null;
}

export function scoreFromBands(bands: ScoreBand[], value: number): number {
  const band = [...bands].sort((a, b) => b.min - a.min).find((candidate) => value >= candidate.min);
  return band?.score ?? 0;
}

/**
 * Each dimension counts its full weight (its maxScore, of 100) times the share of the
 * applicable indicator points earned, so a not-applicable indicator neither helps nor hurts.
 */
export function totalAssessment(dimensions: DimensionSpec[], outcomes: IndicatorOutcome[], thresholds: Thresholds): AssessmentTotals {
  const scoresByDimension: Record<string, number> = {};
  for (const dimension of dimensions) {
    const applicable = outcomes.filter((outcome) => outcome.indicator.dimension.id === dimension.id && outcome.score !== null);
    const possible = applicable.reduce((sum, outcome) => sum + outcome.indicator.maxScore, 0);
    const earned = applicable.reduce((sum, outcome) => sum + outcome.score!, 0);
    scoresByDimension[dimension.key] = round(possible > 0 ? (dimension.maxScore * earned) / possible : dimension.maxScore);
  }
  const totalScore = round(Object.values(scoresByDimension).reduce((sum, score) => sum + score, 0));
  const isVetoed = outcomes.some((outcome) => outcome.indicator.isVeto && outcome.score === 0);
  return { totalScore, scoresByDimension, isVetoed, stars: isVetoed ? null : starsFor(totalScore, thresholds) };
}

export function starsFor(totalScore: number, { threeStarMin, fourStarMin, fiveStarMin }: Thresholds): number | null {
  if (totalScore >= fiveStarMin) return 5;
  if (totalScore >= fourStarMin) return 4;
  if (totalScore >= threeStarMin) return 3;
  return null;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export const RULES_SCORED_BY_VALUE = new Set([IndicatorRule.NUMERIC_BAND, IndicatorRule.DERIVED]);
