import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { Activity } from './activity.entity';
import { createActivityLoaders } from './activity.loaders';
import { ActivityMutationResolver, activityListResolvers, ActivityResolver, ProjectActivitiesResolver } from './activity.resolver';

export const activityModule = defineModule({
  name: 'activity',
  entities: [Activity],
  resolvers: [...activityListResolvers, ActivityResolver, ProjectActivitiesResolver, ActivityMutationResolver],
  loaders: createActivityLoaders,
  listTags: { activities: Tags.operationalLists },
});
