import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RatingScheme } from '../rating/rating-scheme.entity';
import { Region } from '../region/region.entity';

/** The stages in the order they run; a cycle only ever moves to the next one. */
export enum CycleStage {
  SETUP = 'SETUP',
  SELF_ASSESSMENT = 'SELF_ASSESSMENT',
  COUNTY_REVIEW = 'COUNTY_REVIEW',
  CITY_RATING = 'CITY_RATING',
  PUBLIC_NOTICE = 'PUBLIC_NOTICE',
  PUBLISHED = 'PUBLISHED',
}

export const STAGE_ORDER = Object.values(CycleStage);

registerEnumType(CycleStage, {
  name: 'CycleStage',
  description: 'SETUP → SELF_ASSESSMENT (自评, centres) → COUNTY_REVIEW (复评, county) → CITY_RATING (综合评定, city) → PUBLIC_NOTICE (公示) → PUBLISHED.',
});

@ObjectType({ description: "One county's star-rating cycle for a work year." })
@Entity({ tableName: 'rating_cycle' })
@Unique({ properties: ['scheme', 'region'] })
export class RatingCycle {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => RatingScheme, { fieldName: 'year', deleteRule: 'restrict' })
  scheme!: Rel<RatingScheme>;

  /** The county whose centres the cycle rates. */
  @ManyToOne(() => Region, { fieldName: 'region_code', deleteRule: 'restrict' })
  region!: Rel<Region>;

  @Field(() => CycleStage)
  @Enum({ items: () => CycleStage, nativeEnumName: 'cycle_stage' })
  stage: Opt<CycleStage> = CycleStage.SETUP;

  @Field(() => String, { nullable: true, description: 'First day of the public notice (YYYY-MM-DD).' })
  @Property({ type: 'date', nullable: true })
  noticeStartsOn?: string;

  @Field(() => String, { nullable: true, description: 'Last day of the public notice; results can be published after it.' })
  @Property({ type: 'date', nullable: true })
  noticeEndsOn?: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date;

  @Field(() => Boolean, { description: 'True for cycles recorded from published results (the seeded years), run before this system.' })
  @Property({ type: 'boolean', default: false })
  isImported: Opt<boolean> = false;
}
