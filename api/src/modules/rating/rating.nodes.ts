import { Tags } from '../../cache/cache-tags';
import type { Reader } from '../../db/read';
import { findCentre } from '../centre/centre.service';
import { RATING_RESULT_COLUMNS, type RatingResultView } from './rating-result.view';

/** The result a global id names (`ratingKey`: `<centre code>:<year>`), when the caller can see its centre. */
export async function findRatingResult(key: string, { read }: { read: Reader }): Promise<RatingResultView | null> {
  const [centreCode, year] = key.split(':');
  if (!centreCode || !/^\d{4}$/.test(year ?? '') || !(await findCentre(read, centreCode))) return null;
  const [result] = await read.rows<RatingResultView>(
    `select ${RATING_RESULT_COLUMNS} from rating_result rr where rr.centre_code = ? and rr.year = ?`,
    [centreCode, Number(year)],
    (row) => Tags.centre(row.centreCode),
  );
  return result ?? null;
}
