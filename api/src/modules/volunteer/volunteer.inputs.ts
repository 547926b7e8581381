import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { CENTRE_CODE_PATTERN } from '../centre/centre.inputs';
import { TeamMemberRole } from './volunteer.entity';

@InputType()
export class TeamFilterInput {
  @Field({ nullable: true, description: 'Teams listing this skill, e.g. 矛盾调解.' })
  @IsOptional()
  @Length(1, 50, { message: '$property must be 1 to 50 characters long' })
  skill?: string;
}

@InputType()
export class CreateVolunteerTeamInput {
  @Field(() => ID)
  @Matches(CENTRE_CODE_PATTERN, { message: '$property must be a centre code, e.g. 530402901000-01' })
  centreCode!: string;

  @Field()
  @Length(1, 100, { message: '$property must be 1 to 100 characters long' })
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  description?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  skills?: string[];
}

@InputType({ description: 'A volunteer joins a team. Name and phone are kept for staff only.' })
export class AddVolunteerInput {
  @Field(() => ID)
  teamId!: string;

  @Field()
  @Length(1, 50, { message: '$property must be 1 to 50 characters long' })
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[\d -]{5,20}$/, { message: '$property must be a phone number' })
  phone?: string;

  @Field(() => TeamMemberRole, { nullable: true, description: 'LEADER takes over from the current leader.' })
  role?: TeamMemberRole;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  skills?: string[];
}

@InputType({ description: 'Certified service hours for one volunteer.' })
export class RecordServiceHoursInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Float, { description: 'More than 0, at most 24 per record.' })
  @Min(0.1, { message: '$property must be more than 0' })
  @Max(24, { message: '$property must be at most 24 for one record' })
  hours!: number;
}
