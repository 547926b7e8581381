import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { TeamMemberRole, TeamMemberStatus, VolunteerTeam } from './volunteer.entity';

@ObjectType({ description: 'A page of volunteer teams.' })
export class VolunteerTeamConnection extends Connection(VolunteerTeam, 'VolunteerTeam') {}

@ObjectType({ description: 'A volunteer, as staff of the team’s centre see them.' })
export class Volunteer {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => TeamMemberRole)
  role!: TeamMemberRole;

  @Field(() => TeamMemberStatus)
  status!: TeamMemberStatus;

  @Field(() => [String])
  skills!: string[];

  @Field(() => Float)
  serviceHours!: number;
}
