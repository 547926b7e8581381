import { defineCentreRecordList } from '../centre-records/record-list';
import { given, oneOf, sql } from '../centre-records/record-sql';
import type { LoaderDeps } from '../module';
import { Resource, type ResourceCategory, type ResourceProviderType, type ResourceStatus } from './resource.entity';
import { staleBefore } from './resource.service';
import { RESOURCE_COLUMNS, type ResourceRow, type ResourceView, toResourceView } from './resource.view';

export interface ResourceFilter {
  status?: ResourceStatus[];
  category?: ResourceCategory[];
  providerType?: ResourceProviderType[];
  /** true: only offers nobody has confirmed for RESOURCE_STALE_AFTER_DAYS; false: only fresh ones. */
  stale?: boolean;
}

/** Resources lists, by category (in the enum's order) and title. */
export const resourceList = defineCentreRecordList<ResourceRow, ResourceView, ResourceFilter, Resource>({
  entity: Resource,
  targetType: 'Resource',
  table: 'resource',
  columns: RESOURCE_COLUMNS,
  filter: (filter) => [
    oneOf('e.status', given(filter.status)),
    oneOf('e.category', given(filter.category)),
    oneOf('e.provider_type', given(filter.providerType)),
    filter.stale === undefined ? undefined : sql(filter.stale ? 'e.last_verified_on < ?::date' : 'e.last_verified_on >= ?::date', staleBefore()),
  ],
  order: 'e.category asc, e.title asc, e.id asc',
  toView: toResourceView,
});

export function createResourceLoaders(deps: LoaderDeps) {
  return { resourceRecords: resourceList.loaders(deps) };
}
