import { defineCentreRecordList } from '../centre-records/record-list';
import { given, oneOf, sql } from '../centre-records/record-sql';
import type { LoaderDeps } from '../module';
import { Activity, type ActivityKind, type ActivityStatus } from './activity.entity';
import { ACTIVITY_COLUMNS, type ActivityRow, type ActivityView, toActivityView } from './activity.view';

export interface ActivityFilter {
  kind?: ActivityKind[];
  status?: ActivityStatus[];
  /** Starting at or after this instant. */
  from?: Date;
  /** Starting before this instant. */
  to?: Date;
}

/** Activity calendars, by start time. */
export const activityList = defineCentreRecordList<ActivityRow, ActivityView, ActivityFilter, Activity>({
  entity: Activity,
  targetType: 'Activity',
  table: 'activity',
  columns: ACTIVITY_COLUMNS,
  filter: (filter) => [
    oneOf('e.kind', given(filter.kind)),
    oneOf('e.status', given(filter.status)),
    filter.from ? sql('e.starts_at >= ?', filter.from) : undefined,
    filter.to ? sql('e.starts_at < ?', filter.to) : undefined,
  ],
  order: 'e.starts_at asc, e.id asc',
  toView: toActivityView,
});

export function createActivityLoaders(deps: LoaderDeps) {
  return {
    activityRecords: activityList.loaders(deps),
    /** Activities held under each project, by start time. */
    activitiesByProject: activityList.related(deps, { column: 'e.project_id' }),
  };
}
