import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Centre } from '../centre/centre.entity';
import { RatingTier } from '../rating/rating-result.entity';
import { RatingCycle } from './rating-cycle.entity';

export enum AssessmentStage {
  SELF = 'SELF',
  COUNTY = 'COUNTY',
  CITY = 'CITY',
}

registerEnumType(AssessmentStage, { name: 'AssessmentStage', description: 'SELF (自评), COUNTY (复评), CITY (综合评定).' });

@ObjectType({ description: "One stage's full assessment of a centre: a score per indicator, with the resulting stars." })
@Entity({ tableName: 'assessment' })
@Unique({ properties: ['cycle', 'centre', 'stage'] })
export class Assessment {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => RatingCycle, { deleteRule: 'cascade' })
  cycle!: Rel<RatingCycle>;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Field(() => AssessmentStage)
  @Enum({ items: () => AssessmentStage, nativeEnumName: 'assessment_stage' })
  stage!: AssessmentStage;

  @Field(() => Float, { description: 'Weighted total out of 100.' })
  @Property({ type: 'double' })
  totalScore!: number;

  /** Weighted score per dimension key. */
  @Property({ type: 'jsonb' })
  scoresByDimension!: Record<string, number>;

  @Field({ description: 'A veto indicator (一票否决) scored zero: no star level.' })
  @Property({ type: 'boolean' })
  isVetoed!: boolean;

  @Field(() => Int, { nullable: true, description: 'Stars the scores earn (3–5), null below the three-star threshold or when vetoed.' })
  @Property({ type: 'smallint', nullable: true })
  stars?: number | null;

  @Field(() => RatingTier, { nullable: true, description: 'CITY only on the city assessment of a county five-star centre.' })
  @Enum({ items: () => RatingTier, nativeEnumName: 'rating_tier', nullable: true })
  tier?: RatingTier | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  submittedAt!: Date;

  @Property({ type: 'uuid' })
  submittedBy!: string;

  @Field(() => Int, { nullable: true, description: 'The final stars set by the city, overriding the scores.' })
  @Property({ type: 'smallint', nullable: true })
  overrideStars?: number | null;

  @Field(() => RatingTier, { nullable: true })
  @Enum({ items: () => RatingTier, nativeEnumName: 'rating_tier', nullable: true })
  overrideTier?: RatingTier | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  overrideReason?: string | null;

  @Property({ type: 'uuid', nullable: true })
  overriddenBy?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  overriddenAt?: Date | null;

  @Property({ type: 'boolean', default: false })
  isOverridden: Opt<boolean> = false;
}
