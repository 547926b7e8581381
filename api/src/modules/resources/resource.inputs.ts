import { ArrayMaxSize, IsOptional, Length, Matches, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CENTRE_CODE_MESSAGE, CENTRE_CODE_PATTERN } from '../centre/centre.inputs';
import { ResourceCategory, ResourceProviderType, ResourceStatus } from './resource.entity';

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
