import { toInstant } from '../../db/sql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CycleStage } from './rating-cycle.entity';

@ObjectType('RatingCycle', { simpleResolvers: true, description: "One county's star-rating cycle for a work year." })
export class RatingCycleView {
  @Field(() => ID)
  id!: number;

  @Field(() => Int)
  year!: number;

  /** The county whose centres the cycle rates, and its path (shared/region-subtree.ts). */
  regionCode!: string;
  regionPath!: string;

  @Field(() => CycleStage)
  stage!: CycleStage;

  @Field(() => String, { nullable: true, description: 'First day of the public notice (YYYY-MM-DD).' })
  noticeStartsOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the public notice; results can be published after it.' })
  noticeEndsOn!: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Boolean, { description: 'True for cycles recorded from published results (the seeded years), run before this system.' })
  isImported!: boolean;
}

/** The columns of a RatingCycleView, from `rating_cycle rc join region r on r.code = rc.region_code`. */
export const RATING_CYCLE_COLUMNS = `rc.id, rc.year, rc.region_code as "regionCode", r.path as "regionPath", rc.stage,
  rc.notice_starts_on as "noticeStartsOn", rc.notice_ends_on as "noticeEndsOn", rc.published_at as "publishedAt", rc.is_imported as "isImported"`;

export const RATING_CYCLE_FROM = 'rating_cycle rc join region r on r.code = rc.region_code';

/** Rows come with timestamptz as text (the ORM's connection keeps it so): the view holds a Date. */
export function toCycleView(row: RatingCycleView | (Omit<RatingCycleView, 'publishedAt'> & { publishedAt: string | null })): RatingCycleView {
  return Object.assign(row, { publishedAt: toInstant(row.publishedAt) });
}
