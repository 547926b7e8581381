import { defineModule } from '../module';
import { Region } from './region.entity';
import { createRegionLoaders } from './region.loaders';
import { RegionResolver } from './region.resolver';

export const regionModule = defineModule({
  name: 'region',
  entities: [Region],
  resolvers: [RegionResolver],
  loaders: ({ read, options }) => createRegionLoaders(read, options),
});
