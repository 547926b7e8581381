import { OptionalProps, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Centre } from '../centre/centre.entity';
import { Region } from '../region/region.entity';

export enum AllianceUnitType {
  GOVERNMENT = 'GOVERNMENT',
  STATE_ENTERPRISE = 'STATE_ENTERPRISE',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  SCHOOL = 'SCHOOL',
  HOSPITAL = 'HOSPITAL',
  SOCIAL_ORGANISATION = 'SOCIAL_ORGANISATION',
  ENTERPRISE = 'ENTERPRISE',
  OTHER = 'OTHER',
}

registerEnumType(AllianceUnitType, {
  name: 'AllianceUnitType',
  description: '机关, 国企, 事业单位, 学校, 医院, 社会组织, 企业 (两新), other.',
});

export enum MembershipStatus {
  APPLIED = 'APPLIED',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  WITHDRAWN = 'WITHDRAWN',
  REJECTED = 'REJECTED',
}

registerEnumType(MembershipStatus, { name: 'MembershipStatus', description: 'applied → active → suspended / withdrawn; an application may be rejected.' });

/** A person to call at a unit: private, never in public reads. */
export interface UnitContact {
  name: string;
  role?: string;
  phone?: string;
}

@ObjectType({ description: 'A co-building unit (党建联盟单位 / 驻区单位).' })
@Entity({ tableName: 'alliance_unit' })
export class AllianceUnit {
  [OptionalProps]?: 'isSynthetic' | 'contacts';

  @Field(() => ID)
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => AllianceUnitType)
  @Enum({ items: () => AllianceUnitType, nativeEnumName: 'alliance_unit_type' })
  unitType!: AllianceUnitType;

  /** Where the unit sits: region scope for keys and staff applies through it. */
  @Index()
  @ManyToOne(() => Region, { fieldName: 'region_code', deleteRule: 'restrict' })
  region!: Rel<Region>;

  @Property({ type: 'jsonb', default: '[]' })
  contacts: UnitContact[] = [];

  @Field()
  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;

  @Field({ nullable: true, description: 'The sentence this record comes from.' })
  @Property({ type: 'text', nullable: true })
  source?: string;
}

@ObjectType({ description: 'A unit’s membership of a centre’s alliance, with its co-building agreement (共建协议).' })
@Entity({ tableName: 'alliance_membership' })
@Unique({ properties: ['centre', 'unit'] })
export class AllianceMembership {
  [OptionalProps]?: 'isSynthetic' | 'commitments';

  @Field(() => ID)
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Index()
  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Index()
  @ManyToOne(() => AllianceUnit, { fieldName: 'unit_id', deleteRule: 'cascade' })
  unit!: Rel<AllianceUnit>;

  @Field(() => MembershipStatus)
  @Enum({ items: () => MembershipStatus, nativeEnumName: 'membership_status' })
  status!: MembershipStatus;

  @Field({ nullable: true, description: 'Date the co-building agreement was signed (YYYY-MM-DD).' })
  @Property({ type: 'date', nullable: true })
  agreementSignedOn?: string;

  @Field(() => [String], { description: 'What the unit committed to under the agreement.' })
  @Property({ type: 'text[]', default: '{}' })
  commitments: string[] = [];

  @Field({ nullable: true })
  @Property({ type: 'date', nullable: true })
  leftOn?: string;

  @Field()
  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;
}
