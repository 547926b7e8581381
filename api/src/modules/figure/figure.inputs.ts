import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

const YEAR_MESSAGE = '$property must be a year between 2000 and 2100';

@ArgsType()
export class FiguresArgs {
  @Field(() => Int, { nullable: true, description: 'Only figures for this year; all years when absent.' })
  @IsOptional()
  @Min(2000, { message: YEAR_MESSAGE })
  @Max(2100, { message: YEAR_MESSAGE })
  year?: number;
}
