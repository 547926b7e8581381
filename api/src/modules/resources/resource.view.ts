import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { ResourceCategory, ResourceProviderType, ResourceStatus } from './resource.entity';
import { isStale } from './resource.service';

@ObjectType('Resource', { simpleResolvers: true, description: 'An item of a centre’s resources list (资源清单): what a unit, team or the centre offers.' })
export class ResourceView {
  @Field(() => ID)
  id!: string;

  centreCode!: string;

  @Field(() => ResourceProviderType)
  providerType!: ResourceProviderType;

  providerUnitId!: string | null;
  providerTeamId!: string | null;

  @Field(() => ResourceCategory)
  category!: ResourceCategory;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { nullable: true, description: 'How much is on offer, in `capacityUnit`.' })
  capacity!: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. 人, 元, 平方米, 场次/月.' })
  capacityUnit!: string | null;

  @Field(() => String, { nullable: true, description: 'When it is available, e.g. 每周二下午.' })
  schedule!: string | null;

  @Field(() => ResourceStatus)
  status!: ResourceStatus;

  @Field({ description: 'Date staff last confirmed the offer still holds (YYYY-MM-DD).' })
  lastVerifiedOn!: string;

  @Field({ description: 'True when nobody has confirmed the offer for 180 days: check it before promising it.' })
  isStale!: boolean;

  @Field()
  isSynthetic!: boolean;

  @Field(() => String, { nullable: true, description: 'The sentence this record comes from.' })
  sourceText!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A page of resources.' })
export class ResourceConnection extends Connection(ResourceView, 'Resource') {}

/** The columns of a ResourceView, from `resource e`. */
export const RESOURCE_COLUMNS = `e.id, e.centre_code as "centreCode", e.provider_type as "providerType", e.provider_unit_id as "providerUnitId",
  e.provider_team_id as "providerTeamId", e.category, e.title, e.description, e.capacity, e.capacity_unit as "capacityUnit", e.schedule, e.status,
  e.last_verified_on as "lastVerifiedOn", e.is_synthetic as "isSynthetic", e.source_text as "sourceText"`;

/** A resource as `RESOURCE_COLUMNS` selects it. */
export type ResourceRow = Omit<ResourceView, 'isStale'>;

export function toResourceView(row: ResourceRow): ResourceView {
  return { ...row, isStale: isStale(row) };
}
