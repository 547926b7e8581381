import { ArrayMaxSize, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
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
