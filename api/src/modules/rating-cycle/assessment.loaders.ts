import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { manyByKey } from '../../shared/loader';
import {
  ASSESSMENT_COLUMNS,
  ASSESSMENT_SCORE_COLUMNS,
  type AssessmentScoreView,
  type AssessmentView,
  RATING_OBJECTION_COLUMNS,
  type RatingObjectionView,
  toAssessmentView,
  toObjectionView,
} from './assessment.view';

/**
 * Staff-only reads of a cycle's assessments, on plain rows like every read: the resolvers
 * check the caller and mark such answers private (never cached), so no cache tag is declared.
 */
export function createAssessmentLoaders(read: Reader) {
  return {
    assessmentsByCycleId: manyByKey<number, AssessmentView>(
      async (ids) =>
        (await read.rows<AssessmentView>(`select ${ASSESSMENT_COLUMNS} from assessment a where a.cycle_id = any(?::int[]) order by a.centre_code, a.stage`, [pgArray(ids)])).map(
          toAssessmentView,
        ),
      (assessment) => assessment.cycleId,
    ),
    /** Each assessment's scores, in indicator order. */
    scoresByAssessmentId: manyByKey<number, AssessmentScoreView>(
      (ids) =>
        read.rows(
          `select ${ASSESSMENT_SCORE_COLUMNS} from assessment_score s join rating_indicator i on i.id = s.indicator_id
          where s.assessment_id = any(?::int[]) order by i.position`,
          [pgArray(ids)],
        ),
      (score) => score.assessmentId,
    ),
  };
}

/** The answer to a write on an assessment: the assessment as it now is. */
export async function findAssessmentView(read: Reader, id: number): Promise<AssessmentView | null> {
  const [row] = await read.rows<AssessmentView>(`select ${ASSESSMENT_COLUMNS} from assessment a where a.id = ?`, [id]);
  return row ? toAssessmentView(row) : null;
}

/** The centres an evaluator was assigned in a cycle. */
export async function assignedCentreCodes(read: Reader, cycleId: number, evaluatorId: string): Promise<Set<string>> {
  const rows = await read.rows<{ centreCode: string }>('select centre_code as "centreCode" from evaluator_assignment where cycle_id = ? and evaluator_id = ?', [
    cycleId,
    evaluatorId,
  ]);
  return new Set(rows.map((row) => row.centreCode));
}

export async function objectionsOfCycle(read: Reader, cycleId: number): Promise<RatingObjectionView[]> {
  return (await read.rows<RatingObjectionView>(`select ${RATING_OBJECTION_COLUMNS} from rating_objection o where o.cycle_id = ? order by o.id`, [cycleId])).map(toObjectionView);
}

export async function findObjectionView(read: Reader, id: number): Promise<RatingObjectionView | null> {
  const [row] = await read.rows<RatingObjectionView>(`select ${RATING_OBJECTION_COLUMNS} from rating_objection o where o.id = ?`, [id]);
  return row ? toObjectionView(row) : null;
}
