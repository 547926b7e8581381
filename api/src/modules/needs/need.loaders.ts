import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { type LoaderOptions, oneByKey } from '../../shared/loader';
import { defineCentreRecordList } from '../centre-records/record-list';
import { given, oneOf, within } from '../centre-records/record-sql';
import type { LoaderDeps } from '../module';
import { Need, type NeedCategory, type NeedSource, type NeedStatus } from './need.entity';
import { OPEN_NEED_STATUSES } from './need.service';
import { NEED_COLUMNS, type NeedRow, type NeedView, type NeedWorkingState, toNeedView } from './need.view';

export interface NeedFilter {
  status?: NeedStatus[];
  category?: NeedCategory[];
  source?: NeedSource[];
  /** Only needs not yet answered for good: submitted, evaluating or accepted. */
  openOnly?: boolean;
}

/** Needs lists, newest first. Residents see the published status; filters therefore apply to it. */
export const needList = defineCentreRecordList<NeedRow, NeedView, NeedFilter, Need>({
  entity: Need,
  targetType: 'Need',
  table: 'need',
  columns: NEED_COLUMNS,
  filter: (filter) => [
    oneOf('e.published_status', filter.openOnly ? within(filter.status, OPEN_NEED_STATUSES) : filter.status),
    oneOf('e.category', given(filter.category)),
    oneOf('e.source', given(filter.source)),
  ],
  order: 'e.submitted_on desc, e.id asc',
  toView: toNeedView,
});

export function createNeedLoaders(deps: LoaderDeps) {
  return {
    needRecords: needList.loaders(deps),
    needWorkingStateById: workingStateById(deps.read, deps.options),
  };
}

/** Staff-only: the decision in progress, read only for callers who passed assertStaffMayRead. */
function workingStateById(read: Reader, options: LoaderOptions) {
  type Row = { id: string; status: NeedStatus; publishedStatus: NeedStatus; internalNote: string | null; draftAnswer: string | null; publicAnswer: string | null };
  return oneByKey<string, Row & NeedWorkingState>(
    async (ids) =>
      (
        await read.rows<Row>(
          `select id, status, published_status as "publishedStatus", internal_note as "internalNote", draft_answer as "draftAnswer", public_answer as "publicAnswer"
             from need where id = any(?::text[])`,
          [pgArray(ids)],
        )
      ).map((row) => ({ ...row, hasUnpublishedChanges: row.status !== row.publishedStatus || row.draftAnswer !== row.publicAnswer })),
    (row) => row.id,
    options,
  );
}
