import { ArrayMaxSize, IsIn, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { PageArgs } from '../../shared/pagination';
import { RatingTier } from '../rating/rating-result.entity';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../region/region.inputs';
import { CentreLevel } from './centre.entity';
import { CentreOrderField, SortDirection } from './centre.service';

registerEnumType(CentreOrderField, { name: 'CentreOrderField' });
registerEnumType(SortDirection, { name: 'SortDirection' });

export const CENTRE_CODE_PATTERN = /^\d{12}-\d{2}$/;
export const CENTRE_CODE_MESSAGE = '$property must be a centre code: 12 digits, a dash and 2 digits, e.g. 530402901000-01';
const YEAR_MESSAGE = '$property must be a year between 2000 and 2100';

@ArgsType()
export class CentreArgs {
  @Field(() => ID)
  @Matches(CENTRE_CODE_PATTERN, { message: CENTRE_CODE_MESSAGE })
  code!: string;
}

@InputType({ description: 'All given conditions must hold.' })
export class CentreFilter {
  @Field(() => ID, { nullable: true, description: 'Centres anywhere in this region (its whole subtree).' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  regionCode?: string;

  @Field(() => [CentreLevel], { nullable: true })
  level?: CentreLevel[];

  @Field(() => [Int], { nullable: true, description: 'Star levels (3, 4, 5) in the rating of `year`.' })
  @IsOptional()
  @IsIn([3, 4, 5], { each: true, message: '$property must contain only 3, 4 or 5' })
  @ArrayMaxSize(3)
  stars?: number[];

  @Field(() => RatingTier, { nullable: true, description: 'CITY: only centres rated city five-star in `year`.' })
  tier?: RatingTier;

  @Field(() => Int, { nullable: true, description: 'Work year for `stars`, `tier` and rating order; the latest rated year by default.' })
  @IsOptional()
  @Min(2000, { message: YEAR_MESSAGE })
  @Max(2100, { message: YEAR_MESSAGE })
  year?: number;

  @Field({ nullable: true, description: 'Text contained in the name or the address.' })
  @IsOptional()
  @Length(1, 100, { message: '$property must be 1 to 100 characters long' })
  search?: string;
}

@InputType()
export class CentreOrder {
  @Field(() => CentreOrderField, { defaultValue: CentreOrderField.CODE })
  field: CentreOrderField = CentreOrderField.CODE;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}

@ArgsType()
export class CentresArgs extends PageArgs {
  @Field(() => CentreFilter, { nullable: true })
  @ValidateNested()
  filter?: CentreFilter;

  @Field(() => CentreOrder, { nullable: true, description: 'By code, ascending, when absent.' })
  orderBy?: CentreOrder;
}
