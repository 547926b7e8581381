import { IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../../shared/pagination';
import { OperationalListArgs } from '../lists/lists.inputs';

@InputType()
export class TeamFilterInput {
  @Field({ nullable: true, description: 'Teams listing this skill, e.g. 矛盾调解.' })
  @IsOptional()
  @Length(1, 50, { message: '$property must be 1 to 50 characters long' })
  skill?: string;
}

@ArgsType()
export class TeamsArgs extends PageArgs {
  @Field(() => TeamFilterInput, { nullable: true })
  @ValidateNested()
  filter?: TeamFilterInput;
}

@ArgsType()
export class RootTeamsArgs extends OperationalListArgs {
  @Field(() => TeamFilterInput, { nullable: true })
  @ValidateNested()
  filter?: TeamFilterInput;
}
