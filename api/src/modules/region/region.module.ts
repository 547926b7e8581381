import { defineModule } from '../module';
import { Region } from './region.entity';
import { createRegionLoaders } from './region.loaders';
import { RegionResolver } from './region.resolver';
import { readRegion } from './region.service';

export const regionModule = defineModule({
  name: 'region',
  entities: [Region],
  resolvers: [RegionResolver],
  loaders: ({ read, options }) => createRegionLoaders(read, options),
  // Regions are fixed reference data: one that is missing will not appear (no list tag purges it).
  nodes: { Region: { load: (code, { read }) => readRegion(read, code) } },
});
