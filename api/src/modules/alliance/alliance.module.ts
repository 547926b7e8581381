import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { AllianceMembership, AllianceUnit } from './alliance.entity';
import { createAllianceLoaders } from './alliance.loaders';
import { AllianceMembershipResolver, AllianceMutationResolver, membershipListResolvers } from './alliance.resolver';

export const allianceModule = defineModule({
  name: 'alliance',
  entities: [AllianceUnit, AllianceMembership],
  resolvers: [...membershipListResolvers, AllianceMembershipResolver, AllianceMutationResolver],
  loaders: createAllianceLoaders,
  listTags: { allianceMemberships: Tags.operationalLists },
});
