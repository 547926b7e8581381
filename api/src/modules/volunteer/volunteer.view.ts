import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { TeamMemberRole, TeamMemberStatus } from './volunteer.entity';

@ObjectType('VolunteerTeam', { simpleResolvers: true, description: 'A volunteer team (志愿服务队) attached to a centre, e.g. 高仓创客营.' })
export class VolunteerTeamView {
  @Field(() => ID)
  id!: string;

  centreCode!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String], { description: 'What the team can do, e.g. 矛盾调解, 政策宣讲.' })
  skills!: string[];

  @Field(() => Int, { nullable: true, description: 'Team size as the centre reported it; compare memberCount.' })
  reportedMemberCount!: number | null;

  @Field()
  isSynthetic!: boolean;

  @Field(() => String, { nullable: true, description: 'The sentence this record comes from.' })
  sourceText!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A page of volunteer teams.' })
export class VolunteerTeamConnection extends Connection(VolunteerTeamView, 'VolunteerTeam') {}

/** The columns of a VolunteerTeamView, from `volunteer_team e`. */
export const TEAM_COLUMNS = `e.id, e.centre_code as "centreCode", e.name, e.description, e.skills, e.reported_member_count as "reportedMemberCount",
  e.is_synthetic as "isSynthetic", e.source_text as "sourceText"`;

@ObjectType('Volunteer', { simpleResolvers: true, description: 'A volunteer, as staff of the team’s centre see them.' })
export class VolunteerView {
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
