import { ArrayMaxSize, IsOptional, Length, Matches, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsCalendarDate } from '../../shared/calendar-date';
import { CENTRE_CODE_MESSAGE, CENTRE_CODE_PATTERN } from '../centre/centre.inputs';
import { NeedCategory, NeedSource, NeedStatus } from './need.entity';

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
