import type { EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '../../context';
import { pagesByKey } from '../../shared/keyed-pages';
import { loaderCache, manyByKey, oneByKey } from '../../shared/loader';
import { inScope } from '../centre/centre.loaders';
import {
  NEED_ORDER_SQL,
  needConditions,
  PROJECT_ORDER_SQL,
  projectConditions,
  RESOURCE_ORDER_SQL,
  resourceConditions,
  type NeedFilter,
  type ProjectFilter,
  type ResourceFilter,
} from './lists.service';
import { Need } from './need.entity';
import { Project, ProjectNeed, ProjectPartner, ProjectResource, ProjectTimelineEntry } from './project.entity';
import { Resource } from './resource.entity';

/** Links whose far end sits at a centre the caller's key may see. */
function linkedInScope(relation: 'need' | 'resource', scope?: Scope) {
  return scope ? { [relation]: { centre: inScope(scope) } } : {};
}

export function createListsLoaders(em: EntityManager, scope?: Scope) {
  const cached = loaderCache();
  const byCentre = { keyProperty: 'centre', keyColumn: 'centre_code' };
  return {
    /** One page of each centre's needs, for one filter and page: a loader per argument set. */
    needPagesByCentre: (filter: NeedFilter | undefined, first: number, offset: number) =>
      cached(`needs:${JSON.stringify([filter, first, offset])}`, () =>
        pagesByKey(em, Need, { ...byCentre, where: needConditions(filter), orderSql: NEED_ORDER_SQL, first, offset }),
      ),
    resourcePagesByCentre: (filter: ResourceFilter | undefined, first: number, offset: number) =>
      cached(`resources:${JSON.stringify([filter, first, offset])}`, () =>
        pagesByKey(em, Resource, { ...byCentre, where: resourceConditions(filter), orderSql: RESOURCE_ORDER_SQL, first, offset }),
      ),
    projectPagesByCentre: (filter: ProjectFilter | undefined, first: number, offset: number) =>
      cached(`projects:${JSON.stringify([filter, first, offset])}`, () =>
        pagesByKey(em, Project, { ...byCentre, where: projectConditions(filter), orderSql: PROJECT_ORDER_SQL, first, offset }),
      ),
    projectById: oneByKey<string, Project>((ids) => em.find(Project, { id: { $in: [...ids] } }), (project) => project.id),
    needLinksByProject: manyByKey<string, ProjectNeed>(
      (ids) => em.find(ProjectNeed, { project: { $in: [...ids] }, ...linkedInScope('need', scope) }, { populate: ['need'], orderBy: { need: { submittedOn: 'desc', id: 'asc' } } }),
      (link) => link.project.id,
    ),
    resourceLinksByProject: manyByKey<string, ProjectResource>(
      (ids) => em.find(ProjectResource, { project: { $in: [...ids] }, ...linkedInScope('resource', scope) }, { populate: ['resource'], orderBy: { resource: { title: 'asc', id: 'asc' } } }),
      (link) => link.project.id,
    ),
    partnerLinksByProject: manyByKey<string, ProjectPartner>(
      (ids) => em.find(ProjectPartner, { project: { $in: [...ids] } }, { populate: ['unit'], orderBy: { unit: { name: 'asc' } } }),
      (link) => link.project.id,
    ),
    // A street hub's project may answer a community's need: a key scoped to the community does not see it.
    projectLinksByNeed: manyByKey<string, ProjectNeed>(
      (ids) =>
        em.find(ProjectNeed, { need: { $in: [...ids] }, ...(scope ? { project: { centre: inScope(scope) } } : {}) }, { populate: ['project'], orderBy: { project: { id: 'asc' } } }),
      (link) => link.need.id,
    ),
    timelineByProject: manyByKey<string, ProjectTimelineEntry>(
      (ids) => em.find(ProjectTimelineEntry, { project: { $in: [...ids] } }, { orderBy: { entryOn: 'asc', recordedAt: 'asc', id: 'asc' } }),
      (entry) => entry.project.id,
    ),
  };
}
