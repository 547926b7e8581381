import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('RegionFigure', { simpleResolvers: true, description: 'A figure for a region subtree: the reported values summed, beside the value derived from records.' })
export class RegionFigureView {
  @Field({ description: 'Stable key, as on ReportedFigure.' })
  key!: string;

  @Field(() => String, { nullable: true, description: 'Null for figures no centre reported (derived only).' })
  label!: string | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => Float, { nullable: true, description: 'Sum of the centres’ reported values; null for rates and category counts, which do not add up.' })
  reportedValue!: number | null;

  @Field(() => Int, { description: 'Centres in the subtree that reported this figure.' })
  centresReporting!: number;

  @Field(() => Float, { nullable: true, description: 'The same figure computed from the records of all centres in the subtree; null without records.' })
  derivedValue!: number | null;
}
