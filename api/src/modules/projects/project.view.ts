import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { ProjectStatus } from './project.entity';

@ObjectType('Project', { simpleResolvers: true, description: 'An item of a centre’s projects list (项目清单): answers needs with resources.' })
export class ProjectView {
  @Field(() => ID)
  id!: string;

  centreCode!: string;
  leadUnitId!: string | null;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { nullable: true, description: 'Budget in yuan (元).' })
  budgetYuan!: number | null;

  @Field(() => String, { nullable: true })
  startsOn!: string | null;

  @Field(() => String, { nullable: true })
  endsOn!: string | null;

  @Field(() => ProjectStatus)
  status!: ProjectStatus;

  @Field(() => Int, { description: 'Percent complete, 0 to 100.' })
  progress!: number;

  @Field()
  isSynthetic!: boolean;

  @Field(() => String, { nullable: true, description: 'The sentence this record comes from.' })
  sourceText!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A page of projects.' })
export class ProjectConnection extends Connection(ProjectView, 'Project') {}

/** The columns of a ProjectView, from `project e`. */
export const PROJECT_COLUMNS = `e.id, e.centre_code as "centreCode", e.lead_unit_id as "leadUnitId", e.title, e.description, e.budget_yuan as "budgetYuan",
  e.starts_on as "startsOn", e.ends_on as "endsOn", e.status, e.progress, e.is_synthetic as "isSynthetic", e.source_text as "sourceText"`;

@ObjectType('ProjectTimelineEntry', { simpleResolvers: true, description: 'A dated entry on a project’s public timeline.' })
export class ProjectTimelineEntryView {
  @Field(() => ID)
  id!: string;

  projectId!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  entryOn!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => ProjectStatus, { nullable: true, description: 'The status the project moved to with this entry, if any.' })
  status!: ProjectStatus | null;
}

/** The columns of a ProjectTimelineEntryView, from `project_timeline_entry t`. */
export const TIMELINE_COLUMNS = 't.id, t.project_id as "projectId", t.entry_on as "entryOn", t.title, t.description, t.status';
