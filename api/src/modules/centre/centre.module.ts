import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { Centre } from './centre.entity';
import { createCentreLoaders } from './centre.loaders';
import { CentreResolver } from './centre.resolver';
import { findCentre } from './centre.service';

export const centreModule = defineModule({
  name: 'centre',
  entities: [Centre],
  resolvers: [CentreResolver],
  loaders: ({ read, options }) => createCentreLoaders(read, options),
  listTags: { centre: Tags.centreLists, centres: Tags.centreLists },
  nodes: { Centre: { load: (code, { read }) => findCentre(read, code), missingTag: Tags.centreLists } },
});
