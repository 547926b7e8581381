import { ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { VolunteerTeam } from './volunteer.entity';

@ObjectType({ description: 'A page of volunteer teams.' })
export class VolunteerTeamConnection extends Connection(VolunteerTeam, 'VolunteerTeam') {}
