import { ArrayMaxSize, IsOptional, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { RatingTier } from '../rating/rating-result.entity';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../region/region.inputs';
import { AssessmentStage } from './assessment.entity';
import { IndicatorRule } from './rating-indicator.entity';

@InputType()
export class ScoreBandInput {
  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  @Min(0)
  score!: number;
}

@InputType()
export class IndicatorInput {
  @Field()
  @Matches(/^[A-Z][A-Z0-9_]{0,15}$/, { message: '$property must be 1–16 capital letters, digits or _, e.g. B1' })
  code!: string;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => Float)
  @Min(0.5)
  @Max(100)
  maxScore!: number;

  @Field(() => IndicatorRule)
  rule!: IndicatorRule;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  checklist?: string[];

  @Field(() => [ScoreBandInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  bands?: ScoreBandInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  figureKey?: string;

  @Field({ defaultValue: false })
  requiresEvidence!: boolean;

  @Field({ defaultValue: false })
  requiresJustification!: boolean;

  @Field({ defaultValue: false })
  isVeto!: boolean;
}

@InputType()
export class DimensionInput {
  @Field()
  @Matches(/^[A-Z][A-Z0-9_]{0,40}$/, { message: '$property must be capital letters, digits or _, e.g. BASIC_OPERATION' })
  key!: string;

  @Field()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @Field(() => Float, { description: 'Points of the 100 this dimension carries.' })
  @Min(1)
  @Max(100)
  maxScore!: number;

  @Field(() => [IndicatorInput])
  @ValidateNested({ each: true })
  indicators!: IndicatorInput[];
}

@InputType({ description: "A year's rating scheme, replaced as a whole while it is not frozen." })
export class RatingSchemeInput {
  @Field(() => Int)
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => Float)
  @Min(0)
  @Max(100)
  threeStarMin!: number;

  @Field(() => Float)
  @Min(0)
  @Max(100)
  fourStarMin!: number;

  @Field(() => Float)
  @Min(0)
  @Max(100)
  fiveStarMin!: number;

  @Field(() => Int)
  @Min(0)
  @Max(30)
  noticeWorkingDays!: number;

  @Field(() => [DimensionInput])
  @ValidateNested({ each: true })
  dimensions!: DimensionInput[];
}

@InputType()
export class IndicatorScoreInput {
  @Field()
  indicatorCode!: string;

  @Field(() => Float, { nullable: true, description: 'CHECKLIST: 0..max. MET_UNMET: 0 or max. Leave out for NUMERIC_BAND and DERIVED.' })
  @IsOptional()
  score?: number;

  @Field({ defaultValue: false, description: 'MET_UNMET only: not applicable to this centre.' })
  notApplicable!: boolean;

  @Field(() => Float, { nullable: true, description: 'NUMERIC_BAND: the measured value the bands score.' })
  @IsOptional()
  measuredValue?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  justification?: string;

  @Field(() => [String], { nullable: true, description: 'Links to photos, minutes, records (http or https).' })
  @IsOptional()
  @ArrayMaxSize(20)
  evidenceUrls?: string[];
}

@InputType({ description: "One stage's full assessment of a centre; submitting again while the stage is open replaces it." })
export class SubmitAssessmentInput {
  @Field(() => ID)
  cycleId!: string;

  @Field()
  centreCode!: string;

  @Field(() => AssessmentStage)
  stage!: AssessmentStage;

  @Field(() => [IndicatorScoreInput])
  @ValidateNested({ each: true })
  @ArrayMaxSize(200)
  scores!: IndicatorScoreInput[];

  @Field(() => RatingTier, { nullable: true, description: 'CITY stage: CITY proposes a city five-star (needs a county five-star the same year).' })
  @IsOptional()
  tier?: RatingTier;
}

@InputType()
export class OpenCycleInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID, { description: 'The county (县、市、区) whose centres are rated.' })
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  regionCode!: string;
}

@InputType({ description: "The city's final decision on a centre, replacing what the scores give." })
export class OverrideRatingInput {
  @Field(() => ID)
  cycleId!: string;

  @Field()
  centreCode!: string;

  @Field(() => Int, { nullable: true, description: '3, 4, 5, or null for no star level.' })
  @IsOptional()
  @Min(3)
  @Max(5)
  stars?: number | null;

  @Field(() => RatingTier, { defaultValue: RatingTier.COUNTY })
  tier!: RatingTier;

  @Field()
  @MinLength(4, { message: '$property must explain the decision (at least 4 characters)' })
  @MaxLength(2000)
  reason!: string;
}

@InputType()
export class LodgeObjectionInput {
  @Field(() => ID)
  cycleId!: string;

  @Field()
  centreCode!: string;

  @Field()
  @MinLength(4)
  @MaxLength(4000)
  text!: string;

  @Field(() => String, { nullable: true, description: 'How to reach whoever raised it; staff only, never public.' })
  @IsOptional()
  @MaxLength(200)
  contact?: string;
}
