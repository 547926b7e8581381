import { ArrayMaxSize, IsOptional, Length, Matches, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CentreLevel } from '../centre/centre.entity';
import { CENTRE_CODE_PATTERN } from '../centre/centre.inputs';
import { ActivityKind, ActivityStatus } from './activity.entity';

@InputType({ description: 'All given conditions must hold; from/to bound the start time (a calendar window).' })
export class ActivityFilterInput {
  @Field(() => [ActivityKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  kind?: ActivityKind[];

  @Field(() => [ActivityStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  status?: ActivityStatus[];

  @Field(() => Date, { nullable: true, description: 'Starting at or after this instant.' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Starting before this instant.' })
  to?: Date;
}

@InputType({ description: 'An activity or training on the centre’s calendar.' })
export class CreateActivityInput {
  @Field(() => ID)
  @Matches(CENTRE_CODE_PATTERN, { message: '$property must be a centre code, e.g. 530402901000-01' })
  centreCode!: string;

  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field()
  @Length(1, 200, { message: '$property must be 1 to 200 characters long' })
  title!: string;

  @Field({ description: 'Who runs it, e.g. 街道党工委.' })
  @Length(1, 100, { message: '$property must be 1 to 100 characters long' })
  organiser!: string;

  @Field(() => CentreLevel, { nullable: true, description: 'The level it is organised at; the centre’s own level when absent.' })
  organiserLevel?: CentreLevel;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: '$property must be 1 to 200 characters long' })
  place?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: '$property must be zero or more' })
  capacity?: number;

  @Field(() => ID, { nullable: true, description: 'The team running it; a team of this centre.' })
  teamId?: string;

  @Field(() => ID, { nullable: true, description: 'The project it belongs to; a project of this centre.' })
  projectId?: string;
}

@InputType({ description: 'The closing record of an activity that was held.' })
export class CloseActivityInput {
  @Field(() => ID)
  activityId!: string;

  @Field(() => Int, { description: 'People who attended (人次).' })
  @Min(0, { message: '$property must be zero or more' })
  attendanceCount!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 4000, { message: '$property must be 1 to 4000 characters long' })
  closingReport?: string;
}
