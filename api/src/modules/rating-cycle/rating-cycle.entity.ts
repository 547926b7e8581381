import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
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

@Entity({ tableName: 'rating_cycle' })
@Unique({ properties: ['scheme', 'region'] })
export class RatingCycle {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => RatingScheme, { fieldName: 'year', deleteRule: 'restrict' })
  scheme!: Rel<RatingScheme>;

  /** The county whose centres the cycle rates. */
  @ManyToOne(() => Region, { fieldName: 'region_code', deleteRule: 'restrict' })
  region!: Rel<Region>;

  @Enum({ items: () => CycleStage, nativeEnumName: 'cycle_stage' })
  stage: Opt<CycleStage> = CycleStage.SETUP;

  @Property({ type: 'date', nullable: true })
  noticeStartsOn?: string;

  @Property({ type: 'date', nullable: true })
  noticeEndsOn?: string;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date;

  @Property({ type: 'boolean', default: false })
  isImported: Opt<boolean> = false;
}
