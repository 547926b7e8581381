import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { VolunteerMember, VolunteerTeam } from './volunteer.entity';
import { createVolunteerLoaders } from './volunteer.loaders';
import { teamListResolvers, VolunteerMutationResolver, VolunteerTeamResolver } from './volunteer.resolver';

export const volunteerModule = defineModule({
  name: 'volunteer',
  entities: [VolunteerTeam, VolunteerMember],
  resolvers: [...teamListResolvers, VolunteerTeamResolver, VolunteerMutationResolver],
  loaders: createVolunteerLoaders,
  listTags: { volunteerTeams: Tags.operationalLists },
});
