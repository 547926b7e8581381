import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../../shared/pagination';
import { OperationalListArgs } from '../lists/lists.inputs';
import { AllianceUnitType, MembershipStatus } from './alliance.entity';

@InputType({ description: 'All given conditions must hold.' })
export class MembershipFilterInput {
  @Field(() => [MembershipStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  status?: MembershipStatus[];

  @Field(() => [AllianceUnitType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  unitType?: AllianceUnitType[];
}

@ArgsType()
export class MembershipsArgs extends PageArgs {
  @Field(() => MembershipFilterInput, { nullable: true })
  @ValidateNested()
  filter?: MembershipFilterInput;
}

@ArgsType()
export class RootMembershipsArgs extends OperationalListArgs {
  @Field(() => MembershipFilterInput, { nullable: true })
  @ValidateNested()
  filter?: MembershipFilterInput;
}
