import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { publicReportResolvers, PublicReportResolver, ResidentReportResolver } from './report-resident.resolver';
import { Report, ReportEvent, ReportHandler, ReportPhoto } from './report.entity';
import { createReportLoaders } from './report.loaders';
import { CentreReportsResolver, ReportHandlerResolver, ReportPhotoResolver, ReportResolver } from './report.resolver';

// Only the public list is cached (tagged by centre, purged by every staff write); staff and residents' answers are private.
export const reportModule = defineModule({
  name: 'report',
  entities: [Report, ReportHandler, ReportEvent, ReportPhoto],
  resolvers: [...publicReportResolvers, PublicReportResolver, ReportResolver, CentreReportsResolver, ReportHandlerResolver, ReportPhotoResolver, ResidentReportResolver],
  loaders: createReportLoaders,
  listTags: { publicReports: Tags.operationalLists },
});
