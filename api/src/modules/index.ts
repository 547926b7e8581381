import { activityModule } from './activity/activity.module';
import type { NodeSource } from './module';
import { allianceModule } from './alliance/alliance.module';
import { apiKeyModule } from './api-key/api-key.module';
import { auditModule } from './audit/audit.module';
import { calendarModule } from './calendar/calendar.module';
import { centreModule } from './centre/centre.module';
import { editorialModule } from './editorial/editorial.module';
import { figureModule } from './figure/figure.module';
import { needsModule } from './needs/need.module';
import { nodeModule } from './node/node.module';
import { pointsModule } from './points/points.module';
import { projectsModule } from './projects/project.module';
import { ratingCycleModule } from './rating-cycle/rating-cycle.module';
import { ratingModule } from './rating/rating.module';
import { regionModule } from './region/region.module';
import { reportModule } from './report/report.module';
import { resourcesModule } from './resources/resource.module';
import { searchModule } from './search/search.module';
import { serviceOrderModule } from './service-order/service-order.module';
import { staffModule } from './staff/staff.module';
import { volunteerModule } from './volunteer/volunteer.module';

/** Every feature of the API: the schema, loaders, entities and list tags derive from this list. */
export const modules = [
  regionModule,
  centreModule,
  ratingModule,
  figureModule,
  editorialModule,
  searchModule,
  needsModule,
  resourcesModule,
  projectsModule,
  allianceModule,
  volunteerModule,
  activityModule,
  staffModule,
  auditModule,
  apiKeyModule,
  ratingCycleModule,
  calendarModule,
  serviceOrderModule,
  reportModule,
  pointsModule,
  nodeModule,
] as const;

/** Fields whose answers a new or removed record may change, with the tag that purges them. */
export const listTags: Readonly<Record<string, string>> = Object.assign({}, ...modules.map((module) => module.listTags ?? {}));

/** Every type that implements Node, by GraphQL type name: how node(id:) reads it (each module's `nodes`). */
export const nodeSources: Readonly<Record<string, NodeSource>> = Object.freeze(Object.assign({}, ...modules.map((module) => module.nodes ?? {})));
