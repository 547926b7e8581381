import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { CentreLevel } from '../centre/centre.entity';
import { toInstant } from '../../db/sql';
import { ActivityKind, ActivityStatus } from './activity.entity';

@ObjectType('Activity', { simpleResolvers: true, description: 'An activity or training on a centre’s calendar, closed with an attendance record.' })
export class ActivityView {
  @Field(() => ID)
  id!: string;

  centreCode!: string;
  teamId!: string | null;
  projectId!: string | null;

  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field()
  title!: string;

  @Field({ description: 'Who runs it, e.g. 街道党工委, 高仓创客营.' })
  organiser!: string;

  @Field(() => CentreLevel, { description: 'Level it was organised at: the street counts its own and its communities’ trainings apart.' })
  organiserLevel!: CentreLevel;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date, { nullable: true })
  endsAt!: Date | null;

  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => Int, { nullable: true })
  capacity!: number | null;

  @Field(() => ActivityStatus)
  status!: ActivityStatus;

  @Field(() => Int, { nullable: true, description: 'People who attended (人次), from the closing record.' })
  attendanceCount!: number | null;

  @Field(() => String, { nullable: true })
  closingReport!: string | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field()
  isSynthetic!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A page of activities, by start time.' })
export class ActivityConnection extends Connection(ActivityView, 'Activity') {}

/** The columns of an ActivityView, from `activity e`. */
export const ACTIVITY_COLUMNS = `e.id, e.centre_code as "centreCode", e.team_id as "teamId", e.project_id as "projectId", e.kind, e.title, e.organiser,
  e.organiser_level as "organiserLevel", e.starts_at as "startsAt", e.ends_at as "endsAt", e.place, e.capacity, e.status,
  e.attendance_count as "attendanceCount", e.closing_report as "closingReport", e.closed_at as "closedAt", e.is_synthetic as "isSynthetic"`;

/** An activity as `ACTIVITY_COLUMNS` selects it: timestamps as PostgreSQL writes them. */
export type ActivityRow = Omit<ActivityView, 'startsAt' | 'endsAt' | 'closedAt'> & { startsAt: string; endsAt: string | null; closedAt: string | null };

export function toActivityView(row: ActivityRow): ActivityView {
  return { ...row, startsAt: toInstant(row.startsAt)!, endsAt: toInstant(row.endsAt), closedAt: toInstant(row.closedAt) };
}
