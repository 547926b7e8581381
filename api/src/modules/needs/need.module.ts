import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { Need } from './need.entity';
import { createNeedLoaders } from './need.loaders';
import { NeedMutationResolver, needListResolvers, NeedResolver } from './need.resolver';

export const needsModule = defineModule({
  name: 'needs',
  entities: [Need],
  resolvers: [...needListResolvers, NeedResolver, NeedMutationResolver],
  loaders: createNeedLoaders,
  listTags: { needs: Tags.operationalLists },
});
