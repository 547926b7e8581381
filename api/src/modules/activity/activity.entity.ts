import { OptionalProps, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Centre, CentreLevel } from '../centre/centre.entity';
import { Project } from '../projects/project.entity';
import { VolunteerTeam } from '../volunteer/volunteer.entity';

export enum ActivityKind {
  POLITICAL_THEORY_TRAINING = 'POLITICAL_THEORY_TRAINING',
  SKILLS_TRAINING = 'SKILLS_TRAINING',
  SITE_TEACHING = 'SITE_TEACHING',
  THEME_ACTIVITY = 'THEME_ACTIVITY',
  PUBLIC_CLASS = 'PUBLIC_CLASS',
  VOLUNTEER_SERVICE = 'VOLUNTEER_SERVICE',
  CO_BUILDING = 'CO_BUILDING',
  CONSULTATION = 'CONSULTATION',
}

/** Kinds that count as 培训 in the figures (trainings held, people trained). */
export const TRAINING_KINDS = [ActivityKind.POLITICAL_THEORY_TRAINING, ActivityKind.SKILLS_TRAINING];

export enum ActivityStatus {
  PLANNED = 'PLANNED',
  PUBLISHED = 'PUBLISHED',
  POSTPONED = 'POSTPONED',
  CANCELLED = 'CANCELLED',
  CLOSED = 'CLOSED',
}

registerEnumType(ActivityKind, {
  name: 'ActivityKind',
  description: '政治理论培训, 业务技能培训, 现场教学, 主题活动, 公益课, 志愿服务, 共建活动, 议事协商.',
});
registerEnumType(ActivityStatus, { name: 'ActivityStatus', description: 'planned → published → closed (held, with attendance); postponed or cancelled.' });

@Entity({ tableName: 'activity' })
@Index({ properties: ['centre', 'startsAt'] })
@Check({ name: 'activity_capacity_check', expression: 'capacity is null or capacity >= 0' })
@Check({ name: 'activity_attendance_check', expression: 'attendance_count is null or attendance_count >= 0' })
export class Activity {
  [OptionalProps]?: 'isSynthetic' | 'status';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Enum({ items: () => ActivityKind, nativeEnumName: 'activity_kind' })
  kind!: ActivityKind;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  organiser!: string;

  @Enum({ items: () => CentreLevel, nativeEnumName: 'centre_level' })
  organiserLevel!: CentreLevel;

  @Index()
  @ManyToOne(() => VolunteerTeam, { fieldName: 'team_id', nullable: true, deleteRule: 'set null' })
  team?: Rel<VolunteerTeam>;

  @Index()
  @ManyToOne(() => Project, { fieldName: 'project_id', nullable: true, deleteRule: 'set null' })
  project?: Rel<Project>;

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  endsAt?: Date;

  @Property({ type: 'text', nullable: true })
  place?: string;

  @Property({ type: 'integer', nullable: true })
  capacity?: number;

  @Enum({ items: () => ActivityStatus, nativeEnumName: 'activity_status' })
  status: ActivityStatus = ActivityStatus.PLANNED;

  @Property({ type: 'integer', nullable: true })
  attendanceCount?: number;

  @Property({ type: 'text', nullable: true })
  closingReport?: string;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date;

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;
}
