import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Assessment } from './assessment.entity';
import { RatingIndicator } from './rating-indicator.entity';

@Entity({ tableName: 'assessment_score' })
@Unique({ properties: ['assessment', 'indicator'] })
export class AssessmentScore {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Assessment, { deleteRule: 'cascade' })
  assessment!: Rel<Assessment>;

  @ManyToOne(() => RatingIndicator, { deleteRule: 'restrict' })
  indicator!: Rel<RatingIndicator>;

  @Property({ type: 'double', nullable: true })
  score?: number | null;

  @Property({ type: 'double', nullable: true })
  measuredValue?: number | null;

  @Property({ type: 'text', nullable: true })
  justification?: string | null;

  @Property({ type: 'text[]', default: '{}' })
  evidenceUrls: string[] = [];

  /** DERIVED: what the value was taken from, frozen at submission so later edits do not change it. */
  @Property({ type: 'jsonb', nullable: true })
  snapshot?: Record<string, unknown> | null;
}
