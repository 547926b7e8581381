import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IsCalendarDate } from '../../shared/calendar-date';
import { PageArgs } from '../../shared/pagination';
import { CENTRE_CODE_PATTERN } from '../centre/centre.inputs';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../region/region.inputs';
import { NeedCategory, NeedSource, NeedStatus } from './need.entity';
import { ProjectStatus } from './project.entity';
import { ResourceCategory, ResourceProviderType, ResourceStatus } from './resource.entity';

const CENTRE_CODE_MESSAGE = '$property must be a centre code: 12 digits, a dash and 2 digits, e.g. 530402901000-01';
const YEAR_MESSAGE = '$property must be a year between 2000 and 2100';

/** Where a root list looks; both may be given. */
@ArgsType()
export class OperationalListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Records of centres anywhere in this region (its whole subtree).' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Records of this centre only.' })
  @IsOptional()
  @Matches(CENTRE_CODE_PATTERN, { message: CENTRE_CODE_MESSAGE })
  centreCode?: string;
}

@InputType({ description: 'All given conditions must hold. Statuses are the published ones residents see.' })
export class NeedFilterInput {
  @Field(() => [NeedStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6)
  status?: NeedStatus[];

  @Field(() => [NeedCategory], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  category?: NeedCategory[];

  @Field(() => [NeedSource], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  source?: NeedSource[];

  @Field({ nullable: true, description: 'Only needs still open: submitted, evaluating or accepted.' })
  openOnly?: boolean;
}

@InputType({ description: 'All given conditions must hold.' })
export class ResourceFilterInput {
  @Field(() => [ResourceStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  status?: ResourceStatus[];

  @Field(() => [ResourceCategory], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  category?: ResourceCategory[];

  @Field(() => [ResourceProviderType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  providerType?: ResourceProviderType[];

  @Field({ nullable: true, description: 'true: only offers not confirmed for 180 days; false: only fresh ones.' })
  stale?: boolean;
}

@InputType({ description: 'All given conditions must hold.' })
export class ProjectFilterInput {
  @Field(() => [ProjectStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(7)
  status?: ProjectStatus[];

  @Field({ nullable: true, description: 'Only projects under way: recruiting or in progress.' })
  activeOnly?: boolean;
}

@ArgsType()
export class NeedsArgs extends PageArgs {
  @Field(() => NeedFilterInput, { nullable: true })
  @ValidateNested()
  filter?: NeedFilterInput;
}

@ArgsType()
export class ResourcesArgs extends PageArgs {
  @Field(() => ResourceFilterInput, { nullable: true })
  @ValidateNested()
  filter?: ResourceFilterInput;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => ProjectFilterInput, { nullable: true })
  @ValidateNested()
  filter?: ProjectFilterInput;
}

@ArgsType()
export class RootNeedsArgs extends OperationalListArgs {
  @Field(() => NeedFilterInput, { nullable: true })
  @ValidateNested()
  filter?: NeedFilterInput;
}

@ArgsType()
export class RootResourcesArgs extends OperationalListArgs {
  @Field(() => ResourceFilterInput, { nullable: true })
  @ValidateNested()
  filter?: ResourceFilterInput;
}

@ArgsType()
export class RootProjectsArgs extends OperationalListArgs {
  @Field(() => ProjectFilterInput, { nullable: true })
  @ValidateNested()
  filter?: ProjectFilterInput;
}

@ArgsType()
export class RegionFiguresArgs {
  @Field(() => ID, { description: 'The region whose subtree is rolled up.' })
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  regionCode!: string;

  @Field(() => Int, { description: 'The work year.' })
  @Min(2000, { message: YEAR_MESSAGE })
  @Max(2100, { message: YEAR_MESSAGE })
  year!: number;
}

const ID_LIST_MESSAGE = '$property may name at most 50 records';

@InputType({ description: 'A need collected from residents.' })
export class CreateNeedInput {
  @Field(() => ID)
  @Matches(CENTRE_CODE_PATTERN, { message: CENTRE_CODE_MESSAGE })
  centreCode!: string;

  @Field(() => NeedSource)
  source!: NeedSource;

  @Field(() => NeedCategory)
  category!: NeedCategory;

  @Field()
  @Length(1, 200, { message: '$property must be 1 to 200 characters long' })
  title!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 4000, { message: '$property must be 1 to 4000 characters long' })
  description?: string;

  @Field(() => Int, { nullable: true, description: 'Residents raising it; 1 when absent.' })
  @IsOptional()
  @Min(1, { message: '$property must be at least 1' })
  requesterCount?: number;

  @Field({ nullable: true, description: 'Date collected (YYYY-MM-DD); today when absent.' })
  @IsOptional()
  @IsCalendarDate()
  submittedOn?: string;
}

@InputType({ description: 'A decision on a need. Residents see it only after publishNeedDecision.' })
export class DecideNeedInput {
  @Field(() => ID)
  needId!: string;

  @Field(() => NeedStatus, { description: 'submitted → evaluating → accepted / rejected / merged / withdrawn.' })
  status!: NeedStatus;

  @Field({ nullable: true, description: 'Staff reasoning; never public.' })
  @IsOptional()
  @Length(1, 4000, { message: '$property must be 1 to 4000 characters long' })
  internalNote?: string;

  @Field({ nullable: true, description: 'The answer residents will see once published.' })
  @IsOptional()
  @Length(1, 4000, { message: '$property must be 1 to 4000 characters long' })
  answer?: string;

  @Field(() => ID, { nullable: true, description: 'For MERGED: the open need of the same centre this one duplicates.' })
  mergedIntoId?: string;
}

@InputType({ description: 'An offer for the resources list.' })
export class CreateResourceInput {
  @Field(() => ID)
  @Matches(CENTRE_CODE_PATTERN, { message: CENTRE_CODE_MESSAGE })
  centreCode!: string;

  @Field(() => ResourceProviderType)
  providerType!: ResourceProviderType;

  @Field(() => ID, { nullable: true, description: 'Required when providerType is ALLIANCE_UNIT.' })
  providerUnitId?: string;

  @Field(() => ID, { nullable: true, description: 'Required when providerType is VOLUNTEER_TEAM; a team of this centre.' })
  providerTeamId?: string;

  @Field(() => ResourceCategory)
  category!: ResourceCategory;

  @Field()
  @Length(1, 200, { message: '$property must be 1 to 200 characters long' })
  title!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 4000, { message: '$property must be 1 to 4000 characters long' })
  description?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: '$property must be zero or more' })
  capacity?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 20, { message: '$property must be 1 to 20 characters long' })
  capacityUnit?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: '$property must be 1 to 200 characters long' })
  schedule?: string;

  @Field(() => ResourceStatus, { nullable: true, description: 'DRAFT or ACTIVE (the default).' })
  status?: ResourceStatus;
}

@InputType({ description: 'Changes to an offer; any update also confirms it as of today.' })
export class UpdateResourceInput {
  @Field(() => ID)
  resourceId!: string;

  @Field(() => ResourceStatus, { nullable: true })
  status?: ResourceStatus;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: '$property must be zero or more' })
  capacity?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: '$property must be 1 to 200 characters long' })
  schedule?: string;
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
