import { IsOptional, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../region/region.inputs';

const YEAR_MESSAGE = '$property must be a year between 2000 and 2100';

@ArgsType()
export class RatingStatisticsArgs {
  @Field(() => Int, { description: 'The work year rated, e.g. 2024 (announced in 2025).' })
  @Min(2000, { message: YEAR_MESSAGE })
  @Max(2100, { message: YEAR_MESSAGE })
  year!: number;

  @Field(() => ID, { nullable: true, description: 'Count within this region; Yuxi (530400) by default.' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  regionCode?: string;
}

@ArgsType()
export class CentreRatingArgs {
  @Field(() => Int, { description: 'The work year rated.' })
  @Min(2000, { message: YEAR_MESSAGE })
  @Max(2100, { message: YEAR_MESSAGE })
  year!: number;
}
