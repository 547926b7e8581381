import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Centre } from '../centre/centre.entity';
import { RatingScheme } from './rating-scheme.entity';

export enum RatingTier {
  COUNTY = 'COUNTY',
  CITY = 'CITY',
}

registerEnumType(RatingTier, {
  name: 'RatingTier',
  description: 'COUNTY: rated by the county (县级). CITY: a county five-star centre also rated city five-star (市级五星).',
});

@Entity({ tableName: 'rating_result' })
@Unique({ properties: ['centre', 'scheme'] })
@Check({ name: 'rating_result_stars_check', expression: '(stars >= 3) AND (stars <= 5)' })
@Check({ name: 'rating_result_city_tier_check', expression: "tier = 'COUNTY' or stars = 5" })
export class RatingResult {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Index()
  @ManyToOne(() => RatingScheme, { fieldName: 'year', deleteRule: 'restrict' })
  scheme!: Rel<RatingScheme>;

  @Property({ type: 'smallint' })
  stars!: number;

  @Enum({ items: () => RatingTier, nativeEnumName: 'rating_tier' })
  tier!: RatingTier;

  @Property({ type: 'double', nullable: true })
  totalScore?: number;

  /** Score per dimension key; exposed through RatingResult.dimensionScores. */
  @Property({ type: 'jsonb', default: '{}' })
  scoresByDimension: Record<string, number> = {};

  @Property({ type: 'date', nullable: true })
  awardedOn?: string;

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;
}
