import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { Resource } from './resource.entity';
import { createResourceLoaders } from './resource.loaders';
import { ResourceMutationResolver, resourceListResolvers, ResourceResolver } from './resource.resolver';

export const resourcesModule = defineModule({
  name: 'resources',
  entities: [Resource],
  resolvers: [...resourceListResolvers, ResourceResolver, ResourceMutationResolver],
  loaders: createResourceLoaders,
  listTags: { resources: Tags.operationalLists },
});
