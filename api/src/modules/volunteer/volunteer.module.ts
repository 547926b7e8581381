import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { VolunteerMember, VolunteerTeam } from './volunteer.entity';
import { createVolunteerLoaders } from './volunteer.loaders';
import { CentreVolunteerResolver, VolunteerMutationResolver, VolunteerTeamResolver, VolunteerTeamStaffResolver } from './volunteer.resolver';

export const volunteerModule = defineModule({
  name: 'volunteer',
  entities: [VolunteerTeam, VolunteerMember],
  resolvers: [VolunteerTeamResolver, CentreVolunteerResolver, VolunteerTeamStaffResolver, VolunteerMutationResolver],
  loaders: ({ em }) => createVolunteerLoaders(em),
  listTags: { volunteerTeams: Tags.operationalLists },
});
