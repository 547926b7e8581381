import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsCalendarDate } from '../../shared/calendar-date';
import { CENTRE_CODE_MESSAGE, CENTRE_CODE_PATTERN } from '../centre/centre.inputs';
import { ProjectStatus } from './project.entity';

const ID_LIST_MESSAGE = '$property may name at most 50 records';

@InputType({ description: 'All given conditions must hold.' })
export class ProjectFilterInput {
  @Field(() => [ProjectStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(7)
  status?: ProjectStatus[];

  @Field({ nullable: true, description: 'Only projects under way: recruiting or in progress.' })
  activeOnly?: boolean;
}

@InputType({ description: 'A project for the projects list, with the needs it answers and the resources it uses.' })
export class CreateProjectInput {
  @Field(() => ID)
  @Matches(CENTRE_CODE_PATTERN, { message: CENTRE_CODE_MESSAGE })
  centreCode!: string;

  @Field()
  @Length(1, 200, { message: '$property must be 1 to 200 characters long' })
  title!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 4000, { message: '$property must be 1 to 4000 characters long' })
  description?: string;

  @Field(() => ID, { nullable: true })
  leadUnitId?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: ID_LIST_MESSAGE })
  partnerUnitIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Needs of centres in this centre’s region.' })
  @IsOptional()
  @ArrayMaxSize(50, { message: ID_LIST_MESSAGE })
  needIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Resources of centres in this centre’s region.' })
  @IsOptional()
  @ArrayMaxSize(50, { message: ID_LIST_MESSAGE })
  resourceIds?: string[];

  @Field(() => Int, { nullable: true, description: 'Yuan.' })
  @IsOptional()
  @Min(0, { message: '$property must be zero or more' })
  budgetYuan?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;
}

@InputType({ description: 'More needs, resources or partners for a project; links already there are kept.' })
export class LinkProjectInput {
  @Field(() => ID)
  projectId!: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: ID_LIST_MESSAGE })
  needIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: ID_LIST_MESSAGE })
  resourceIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: ID_LIST_MESSAGE })
  partnerUnitIds?: string[];
}

@InputType({ description: 'A step in the project workflow; it appears on the public timeline.' })
export class ChangeProjectStatusInput {
  @Field(() => ID)
  projectId!: string;

  @Field(() => ProjectStatus)
  status!: ProjectStatus;

  @Field({ nullable: true, description: 'Shown on the timeline.' })
  @IsOptional()
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  note?: string;

  @Field({ nullable: true, description: 'Date of the step; today when absent.' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

@InputType({ description: 'Progress and, with a title, a dated entry on the public timeline.' })
export class ReportProjectProgressInput {
  @Field(() => ID)
  projectId!: string;

  @Field(() => Int, { nullable: true, description: 'Percent, 0 to 100.' })
  @IsOptional()
  @Min(0, { message: '$property must be 0 to 100' })
  @Max(100, { message: '$property must be 0 to 100' })
  progress?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: '$property must be 1 to 200 characters long' })
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  description?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}
