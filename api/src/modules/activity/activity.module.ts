import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { Activity } from './activity.entity';
import { createActivityLoaders } from './activity.loaders';
import { ActivityMutationResolver, ActivityResolver, CentreActivityResolver } from './activity.resolver';

export const activityModule = defineModule({
  name: 'activity',
  entities: [Activity],
  resolvers: [ActivityResolver, CentreActivityResolver, ActivityMutationResolver],
  loaders: ({ em }) => createActivityLoaders(em),
  listTags: { activities: Tags.operationalLists },
});
