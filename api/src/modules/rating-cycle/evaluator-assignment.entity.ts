import { Entity, ManyToOne, PrimaryKeyProp, type Rel } from '@mikro-orm/core';
import { Centre } from '../centre/centre.entity';
import { StaffAccount } from '../staff/staff-account.entity';
import { RatingCycle } from './rating-cycle.entity';

/** An evaluator may score a centre's county review only when assigned to it. */
@Entity({ tableName: 'evaluator_assignment' })
export class EvaluatorAssignment {
  [PrimaryKeyProp]?: ['cycle', 'centre', 'evaluator'];

  @ManyToOne(() => RatingCycle, { primary: true, deleteRule: 'cascade' })
  cycle!: Rel<RatingCycle>;

  @ManyToOne(() => Centre, { primary: true, fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @ManyToOne(() => StaffAccount, { primary: true, fieldName: 'evaluator_id', deleteRule: 'cascade' })
  evaluator!: Rel<StaffAccount>;
}
