import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { createFigureLoaders } from './figure.loaders';
import { CentreFiguresResolver, ReportedFigureResolver } from './figure.resolver';
import { RegionFigureResolver } from './region-figure.resolver';
import { ReportedFigure } from './reported-figure.entity';

export const figureModule = defineModule({
  name: 'figure',
  entities: [ReportedFigure],
  resolvers: [ReportedFigureResolver, CentreFiguresResolver, RegionFigureResolver],
  loaders: ({ read, options }) => createFigureLoaders(read, options),
  listTags: { regionFigures: Tags.operationalLists },
});
