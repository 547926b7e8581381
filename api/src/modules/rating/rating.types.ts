import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { StarCounts } from './rating.service';

@ObjectType({ simpleResolvers: true, description: "A centre's score on one dimension of the scheme." })
export class DimensionScore {
  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => Float, { nullable: true })
  score!: number | null;

  @Field(() => Float)
  maxScore!: number;

  @Field(() => Float)
  weight!: number;
}

@ObjectType({ simpleResolvers: true })
abstract class StarCountFields implements StarCounts {
  @Field(() => Int, { description: 'County-level five-star centres (县级五星), city five-star ones included.' })
  countyFiveStar!: number;

  @Field(() => Int, { description: 'County-level four-star centres.' })
  countyFourStar!: number;

  @Field(() => Int, { description: 'County-level three-star centres.' })
  countyThreeStar!: number;

  @Field(() => Int, { description: 'City-level five-star centres (市级五星); each is also a county five-star.' })
  cityFiveStar!: number;

  @Field(() => Int, { description: 'Centres rated that year.' })
  totalRated!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Star counts in one child region.' })
export class RegionRatingStatistics extends StarCountFields {
  regionCode!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Star counts for a work year in a region and each of its child regions.' })
export class RatingStatistics extends StarCountFields {
  @Field(() => Int)
  year!: number;

  regionCode!: string;

  @Field(() => [RegionRatingStatistics], { description: 'One row per child region, by code.' })
  byRegion!: RegionRatingStatistics[];
}
