import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ObjectType } from 'type-graphql';
import { Assessment } from './assessment.entity';
import { RatingIndicator } from './rating-indicator.entity';

@ObjectType({ description: 'The score of one indicator in an assessment.' })
@Entity({ tableName: 'assessment_score' })
@Unique({ properties: ['assessment', 'indicator'] })
export class AssessmentScore {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Assessment, { deleteRule: 'cascade' })
  assessment!: Rel<Assessment>;

  @ManyToOne(() => RatingIndicator, { deleteRule: 'restrict' })
  indicator!: Rel<RatingIndicator>;

  @Field(() => Float, { nullable: true, description: 'Null when not applicable.' })
  @Property({ type: 'double', nullable: true })
  score?: number | null;

  @Field(() => Float, { nullable: true, description: 'NUMERIC_BAND and DERIVED: the value scored.' })
  @Property({ type: 'double', nullable: true })
  measuredValue?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  justification?: string | null;

  @Field(() => [String])
  @Property({ type: 'text[]', default: '{}' })
  evidenceUrls: string[] = [];

  /** DERIVED: what the value was taken from, frozen at submission so later edits do not change it. */
  @Field(() => GraphQLJSON, { nullable: true, description: 'DERIVED: the data the value was taken from, as it was at submission.' })
  @Property({ type: 'jsonb', nullable: true })
  snapshot?: Record<string, unknown> | null;
}
