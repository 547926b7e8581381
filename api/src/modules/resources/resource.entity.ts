import { OptionalProps, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { AllianceUnit } from '../alliance/alliance.entity';
import { Centre } from '../centre/centre.entity';
import { VolunteerTeam } from '../volunteer/volunteer.entity';

export enum ResourceProviderType {
  ALLIANCE_UNIT = 'ALLIANCE_UNIT',
  VOLUNTEER_TEAM = 'VOLUNTEER_TEAM',
  CENTRE = 'CENTRE',
}

export enum ResourceCategory {
  VENUE = 'VENUE',
  FUNDING = 'FUNDING',
  PROFESSIONALS = 'PROFESSIONALS',
  VOLUNTEER_SERVICE = 'VOLUNTEER_SERVICE',
  EQUIPMENT = 'EQUIPMENT',
  TRAINING = 'TRAINING',
  MEDICAL = 'MEDICAL',
  LEGAL = 'LEGAL',
  CULTURE = 'CULTURE',
  EMPLOYMENT = 'EMPLOYMENT',
  CHILD_SERVICE = 'CHILD_SERVICE',
  ELDERLY_SERVICE = 'ELDERLY_SERVICE',
  PUBLICITY = 'PUBLICITY',
}

export enum ResourceStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  TEMPORARILY_CLOSED = 'TEMPORARILY_CLOSED',
  INACTIVE = 'INACTIVE',
}

registerEnumType(ResourceProviderType, { name: 'ResourceProviderType' });
registerEnumType(ResourceCategory, {
  name: 'ResourceCategory',
  description: '场地设施, 专项资金, 专业人才, 志愿服务, 设备物资, 教育培训, 医疗卫生, 法律服务, 文化体育, 就业创业, 儿童关爱, 养老服务, 宣传阵地.',
});
registerEnumType(ResourceStatus, { name: 'ResourceStatus', description: 'draft → active ⇄ temporarily closed → inactive.' });

/** How long an offer stays trustworthy without someone confirming it. */
export const RESOURCE_STALE_AFTER_DAYS = 180;

@Entity({ tableName: 'resource' })
@Index({ properties: ['centre', 'status'] })
@Check({ name: 'resource_capacity_check', expression: 'capacity is null or capacity >= 0' })
export class Resource {
  [OptionalProps]?: 'isSynthetic' | 'status';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Enum({ items: () => ResourceProviderType, nativeEnumName: 'resource_provider_type' })
  providerType!: ResourceProviderType;

  @Index()
  @ManyToOne(() => AllianceUnit, { fieldName: 'provider_unit_id', nullable: true, deleteRule: 'set null' })
  providerUnit?: Rel<AllianceUnit>;

  @Index()
  @ManyToOne(() => VolunteerTeam, { fieldName: 'provider_team_id', nullable: true, deleteRule: 'set null' })
  providerTeam?: Rel<VolunteerTeam>;

  @Enum({ items: () => ResourceCategory, nativeEnumName: 'resource_category' })
  category!: ResourceCategory;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description?: string;

  @Property({ type: 'integer', nullable: true })
  capacity?: number;

  @Property({ type: 'text', nullable: true })
  capacityUnit?: string;

  @Property({ type: 'text', nullable: true })
  schedule?: string;

  @Enum({ items: () => ResourceStatus, nativeEnumName: 'resource_status' })
  status: ResourceStatus = ResourceStatus.ACTIVE;

  @Property({ type: 'date' })
  lastVerifiedOn!: string;

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;

  @Property({ type: 'text', nullable: true, fieldName: 'source_text' })
  sourceText?: string;
}
