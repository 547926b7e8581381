import { Matches, Max, Min } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../region/region.inputs';
import { regionFigures } from './figure.service';
import { RegionFigureView } from './region-figure.view';

const YEAR_MESSAGE = '$property must be a year between 2000 and 2100';

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

@Resolver()
export class RegionFigureResolver {
  @Query(() => [RegionFigureView], { description: 'Figures rolled up over a region subtree: reported sums beside values derived from records.' })
  regionFigures(@Args() { regionCode, year }: RegionFiguresArgs, @Ctx() { read }: Context) {
    return regionFigures(read, { regionCode, year });
  }
}
