import { OptionalProps, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
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

@Entity({ tableName: 'alliance_unit' })
export class AllianceUnit {
  [OptionalProps]?: 'isSynthetic' | 'contacts';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => AllianceUnitType, nativeEnumName: 'alliance_unit_type' })
  unitType!: AllianceUnitType;

  /** Where the unit sits: region scope for keys and staff applies through it. */
  @Index()
  @ManyToOne(() => Region, { fieldName: 'region_code', deleteRule: 'restrict' })
  region!: Rel<Region>;

  @Property({ type: 'jsonb', default: '[]' })
  contacts: UnitContact[] = [];

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;

  @Property({ type: 'text', nullable: true })
  source?: string;
}

@Entity({ tableName: 'alliance_membership' })
@Unique({ properties: ['centre', 'unit'] })
export class AllianceMembership {
  [OptionalProps]?: 'isSynthetic' | 'commitments';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @Index()
  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Index()
  @ManyToOne(() => AllianceUnit, { fieldName: 'unit_id', deleteRule: 'cascade' })
  unit!: Rel<AllianceUnit>;

  @Enum({ items: () => MembershipStatus, nativeEnumName: 'membership_status' })
  status!: MembershipStatus;

  @Property({ type: 'date', nullable: true })
  agreementSignedOn?: string;

  @Property({ type: 'text[]', default: '{}' })
  commitments: string[] = [];

  @Property({ type: 'date', nullable: true })
  leftOn?: string;

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;
}
