import { OptionalProps, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { AllianceUnit } from '../alliance/alliance.entity';
import { Centre } from '../centre/centre.entity';
import { Need } from '../needs/need.entity';
import { Resource } from '../resources/resource.entity';

export enum ProjectStatus {
  DRAFT = 'DRAFT',
  RECRUITING = 'RECRUITING',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  EVALUATED = 'EVALUATED',
  SUSPENDED = 'SUSPENDED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ProjectStatus, { name: 'ProjectStatus', description: 'draft → recruiting → in progress → completed → evaluated, plus suspended and cancelled.' });

@Entity({ tableName: 'project' })
@Index({ properties: ['centre', 'status'] })
@Check({ name: 'project_progress_check', expression: 'progress >= 0 and progress <= 100' })
@Check({ name: 'project_budget_check', expression: 'budget_yuan is null or budget_yuan >= 0' })
export class Project {
  [OptionalProps]?: 'isSynthetic' | 'status' | 'progress';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description?: string;

  @Index()
  @ManyToOne(() => AllianceUnit, { fieldName: 'lead_unit_id', nullable: true, deleteRule: 'set null' })
  leadUnit?: Rel<AllianceUnit>;

  @Property({ type: 'integer', nullable: true })
  budgetYuan?: number;

  @Property({ type: 'date', nullable: true })
  startsOn?: string;

  @Property({ type: 'date', nullable: true })
  endsOn?: string;

  @Enum({ items: () => ProjectStatus, nativeEnumName: 'project_status' })
  status: ProjectStatus = ProjectStatus.DRAFT;

  @Property({ type: 'smallint', default: 0 })
  progress: number = 0;

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;

  @Property({ type: 'text', nullable: true, fieldName: 'source_text' })
  sourceText?: string;
}

/** A need a project answers. */
@Entity({ tableName: 'project_need' })
export class ProjectNeed {
  [PrimaryKeyProp]?: ['project', 'need'];

  @ManyToOne(() => Project, { primary: true, fieldName: 'project_id', deleteRule: 'cascade' })
  project!: Rel<Project>;

  @Index()
  @ManyToOne(() => Need, { primary: true, fieldName: 'need_id', deleteRule: 'cascade' })
  need!: Rel<Need>;
}

/** A resource a project uses. */
@Entity({ tableName: 'project_resource' })
export class ProjectResource {
  [PrimaryKeyProp]?: ['project', 'resource'];

  @ManyToOne(() => Project, { primary: true, fieldName: 'project_id', deleteRule: 'cascade' })
  project!: Rel<Project>;

  @Index()
  @ManyToOne(() => Resource, { primary: true, fieldName: 'resource_id', deleteRule: 'cascade' })
  resource!: Rel<Resource>;
}

/** A unit that works on a project besides its lead. */
@Entity({ tableName: 'project_partner' })
export class ProjectPartner {
  [PrimaryKeyProp]?: ['project', 'unit'];

  @ManyToOne(() => Project, { primary: true, fieldName: 'project_id', deleteRule: 'cascade' })
  project!: Rel<Project>;

  @Index()
  @ManyToOne(() => AllianceUnit, { primary: true, fieldName: 'unit_id', deleteRule: 'cascade' })
  unit!: Rel<AllianceUnit>;
}

@Entity({ tableName: 'project_timeline_entry' })
export class ProjectTimelineEntry {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @Index()
  @ManyToOne(() => Project, { fieldName: 'project_id', deleteRule: 'cascade' })
  project!: Rel<Project>;

  @Property({ type: 'date' })
  entryOn!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description?: string;

  @Enum({ items: () => ProjectStatus, nativeEnumName: 'project_status', nullable: true })
  status?: ProjectStatus;

  /** When the entry was written: orders entries of the same day. */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt!: Date;
}
