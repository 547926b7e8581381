import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { Centre } from './centre.entity';
import { createCentreLoaders } from './centre.loaders';
import { CentreResolver } from './centre.resolver';

export const centreModule = defineModule({
  name: 'centre',
  entities: [Centre],
  resolvers: [CentreResolver],
  loaders: ({ read, options }) => createCentreLoaders(read, options),
  listTags: { centre: Tags.centreLists, centres: Tags.centreLists },
});
