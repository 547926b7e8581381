import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { createListsLoaders } from './lists.loaders';
import { CentreListsResolver, ListsMutationResolver, ListsQueryResolver, NeedResolver, ProjectResolver, ResourceResolver } from './lists.resolver';
import { Need } from './need.entity';
import { Project, ProjectNeed, ProjectPartner, ProjectResource, ProjectTimelineEntry } from './project.entity';
import { Resource } from './resource.entity';

export const listsModule = defineModule({
  name: 'lists',
  entities: [Need, Resource, Project, ProjectNeed, ProjectResource, ProjectPartner, ProjectTimelineEntry],
  resolvers: [ListsQueryResolver, CentreListsResolver, NeedResolver, ResourceResolver, ProjectResolver, ListsMutationResolver],
  loaders: ({ em, scope }) => createListsLoaders(em, scope),
  listTags: { needs: Tags.operationalLists, resources: Tags.operationalLists, projects: Tags.operationalLists },
});
