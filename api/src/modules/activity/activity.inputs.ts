import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../../shared/pagination';
import { OperationalListArgs } from '../lists/lists.inputs';
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

@ArgsType()
export class ActivitiesArgs extends PageArgs {
  @Field(() => ActivityFilterInput, { nullable: true })
  @ValidateNested()
  filter?: ActivityFilterInput;
}

@ArgsType()
export class RootActivitiesArgs extends OperationalListArgs {
  @Field(() => ActivityFilterInput, { nullable: true })
  @ValidateNested()
  filter?: ActivityFilterInput;
}
