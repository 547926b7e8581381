import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Centre } from '../centre/centre.entity';
import { RatingTier } from '../rating/rating-result.entity';
import { RatingCycle } from './rating-cycle.entity';

export enum AssessmentStage {
  SELF = 'SELF',
  COUNTY = 'COUNTY',
  CITY = 'CITY',
}

registerEnumType(AssessmentStage, { name: 'AssessmentStage', description: 'SELF (自评), COUNTY (复评), CITY (综合评定).' });

@Entity({ tableName: 'assessment' })
@Unique({ properties: ['cycle', 'centre', 'stage'] })
export class Assessment {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => RatingCycle, { deleteRule: 'cascade' })
  cycle!: Rel<RatingCycle>;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Enum({ items: () => AssessmentStage, nativeEnumName: 'assessment_stage' })
  stage!: AssessmentStage;

  @Property({ type: 'double' })
  totalScore!: number;

  /** Weighted score per dimension key. */
  @Property({ type: 'jsonb' })
  scoresByDimension!: Record<string, number>;

  @Property({ type: 'boolean' })
  isVetoed!: boolean;

  @Property({ type: 'smallint', nullable: true })
  stars?: number | null;

  @Enum({ items: () => RatingTier, nativeEnumName: 'rating_tier', nullable: true })
  tier?: RatingTier | null;

  @Property({ type: 'timestamptz' })
  submittedAt!: Date;

  @Property({ type: 'uuid' })
  submittedBy!: string;

  @Property({ type: 'smallint', nullable: true })
  overrideStars?: number | null;

  @Enum({ items: () => RatingTier, nativeEnumName: 'rating_tier', nullable: true })
  overrideTier?: RatingTier | null;

  @Property({ type: 'text', nullable: true })
  overrideReason?: string | null;

  @Property({ type: 'uuid', nullable: true })
  overriddenBy?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  overriddenAt?: Date | null;

  @Property({ type: 'boolean', default: false })
  isOverridden: Opt<boolean> = false;
}
