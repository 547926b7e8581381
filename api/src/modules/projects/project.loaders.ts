import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { type LoaderOptions, manyByKey } from '../../shared/loader';
import { unitTag } from '../alliance/alliance.loaders';
import { type AllianceUnitView, UNIT_COLUMNS } from '../alliance/alliance.view';
import { defineCentreRecordList } from '../centre-records/record-list';
import { oneOf, within } from '../centre-records/record-sql';
import type { LoaderDeps } from '../module';
import { needList } from '../needs/need.loaders';
import { resourceList } from '../resources/resource.loaders';
import { Project, ProjectStatus } from './project.entity';
import { PROJECT_COLUMNS, type ProjectTimelineEntryView, type ProjectView, TIMELINE_COLUMNS } from './project.view';

export interface ProjectFilter {
  status?: ProjectStatus[];
  /** Only projects under way: recruiting or in progress. */
  activeOnly?: boolean;
}

/** Projects under way. */
export const ACTIVE_PROJECT_STATUSES = [ProjectStatus.RECRUITING, ProjectStatus.IN_PROGRESS];

/** Projects lists, latest start first. */
export const projectList = defineCentreRecordList<ProjectView, ProjectView, ProjectFilter, Project>({
  entity: Project,
  targetType: 'Project',
  table: 'project',
  columns: PROJECT_COLUMNS,
  filter: (filter) => [oneOf('e.status', filter.activeOnly ? within(filter.status, ACTIVE_PROJECT_STATUSES) : filter.status)],
  order: 'e.starts_on desc nulls last, e.id asc',
  toView: (row) => row,
});

export function createProjectLoaders(deps: LoaderDeps) {
  const { read, options } = deps;
  return {
    projectRecords: projectList.loaders(deps),
    // Needs and resources a key may not see stay hidden under a project it may see.
    needsByProject: needList.related(deps, { column: 'pn.project_id', joins: 'join project_need pn on pn.need_id = e.id', inScope: true }),
    resourcesByProject: resourceList.related(deps, {
      column: 'pr.project_id',
      joins: 'join project_resource pr on pr.resource_id = e.id',
      order: 'e.title asc, e.id asc',
      inScope: true,
    }),
    // A street hub's project may answer a community's need: a key scoped to the community does not see it.
    projectsByNeed: projectList.related(deps, { column: 'pn.need_id', joins: 'join project_need pn on pn.project_id = e.id', order: 'e.id asc', inScope: true }),
    partnersByProject: partnersByProject(read, options),
    timelineByProject: manyByKey<string, ProjectTimelineEntryView>(
      (ids) =>
        read.rows(`select ${TIMELINE_COLUMNS} from project_timeline_entry t where t.project_id = any(?::text[]) order by t.entry_on asc, t.recorded_at asc, t.id asc`, [
          pgArray(ids),
        ]),
      (entry) => entry.projectId,
      options,
    ),
  };
}

/** Units working on each project besides its lead, by name. */
function partnersByProject(read: Reader, options: LoaderOptions) {
  return manyByKey<string, AllianceUnitView & { projectId: string }>(
    (ids) =>
      read.rows<AllianceUnitView & { projectId: string }>(
        `select pp.project_id as "projectId", ${UNIT_COLUMNS} from project_partner pp join alliance_unit u on u.id = pp.unit_id
          where pp.project_id = any(?::text[]) order by u.name asc`,
        [pgArray(ids)],
        unitTag,
      ),
    (unit) => unit.projectId,
    options,
  );
}
