import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { Need, NeedStatus } from './need.entity';
import { Project } from './project.entity';
import { Resource } from './resource.entity';

@ObjectType({ description: 'A page of needs.' })
export class NeedConnection extends Connection(Need, 'Need') {}

@ObjectType({ description: 'A page of resources.' })
export class ResourceConnection extends Connection(Resource, 'Resource') {}

@ObjectType({ description: 'A page of projects.' })
export class ProjectConnection extends Connection(Project, 'Project') {}

@ObjectType({ description: 'A figure for a region subtree: the reported values summed, beside the value derived from records.' })
export class RegionFigure {
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

@ObjectType({ description: 'Where staff stand on a need before (or after) they publish.' })
export class NeedWorkingState {
  @Field(() => NeedStatus, { description: 'The current decision, published or not.' })
  status!: NeedStatus;

  @Field(() => String, { nullable: true })
  internalNote!: string | null;

  @Field(() => String, { nullable: true, description: 'The answer to be published.' })
  draftAnswer!: string | null;

  @Field({ description: 'True when residents see an older status or answer than this.' })
  hasUnpublishedChanges!: boolean;
}
