import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { Project, ProjectNeed, ProjectPartner, ProjectResource, ProjectTimelineEntry } from './project.entity';
import { createProjectLoaders } from './project.loaders';
import { NeedProjectsResolver, ProjectMutationResolver, projectListResolvers, ProjectResolver } from './project.resolver';

export const projectsModule = defineModule({
  name: 'projects',
  entities: [Project, ProjectNeed, ProjectResource, ProjectPartner, ProjectTimelineEntry],
  resolvers: [...projectListResolvers, ProjectResolver, NeedProjectsResolver, ProjectMutationResolver],
  loaders: createProjectLoaders,
  listTags: { projects: Tags.operationalLists },
});
