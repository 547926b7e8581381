import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { AllianceMembership, AllianceUnit } from './alliance.entity';
import { createAllianceLoaders } from './alliance.loaders';
import { AllianceMembershipResolver, AllianceMutationResolver, CentreAllianceResolver } from './alliance.resolver';

export const allianceModule = defineModule({
  name: 'alliance',
  entities: [AllianceUnit, AllianceMembership],
  resolvers: [AllianceMembershipResolver, CentreAllianceResolver, AllianceMutationResolver],
  loaders: ({ em }) => createAllianceLoaders(em),
  listTags: { allianceMemberships: Tags.operationalLists },
});
