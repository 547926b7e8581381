import { Matches } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { RegionLevel } from './region.entity';

/** 6 digits (county level and up), 9 (street) or 12 (any level); shorter codes are padded with zeros. */
export const REGION_CODE_PATTERN = /^\d{6}(\d{3}){0,2}$/;
export const REGION_CODE_MESSAGE = '$property must be a 6-, 9- or 12-digit administrative code, e.g. 530402';

@ArgsType()
export class RegionArgs {
  @Field(() => ID, { description: '12-digit code; 6- and 9-digit forms are accepted and padded with zeros.' })
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  code!: string;
}

@ArgsType()
export class RegionsArgs {
  @Field(() => ID, { nullable: true, description: 'Only the direct children of this region.' })
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  parentCode?: string;

  @Field(() => RegionLevel, { nullable: true })
  level?: RegionLevel;
}
