import { PrimaryKeyProp, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Region } from '../region/region.entity';

export enum CentreLevel {
  COUNTY = 'COUNTY',
  STREET = 'STREET',
  COMMUNITY = 'COMMUNITY',
  SITE = 'SITE',
}

export enum CentreStatus {
  OPEN = 'OPEN',
  TEMPORARILY_CLOSED = 'TEMPORARILY_CLOSED',
  CLOSED = 'CLOSED',
}

registerEnumType(CentreLevel, {
  name: 'CentreLevel',
  description: 'County (县级), street (街道), community (社区) or site (小区站) centre.',
});
registerEnumType(CentreStatus, { name: 'CentreStatus' });

@Entity({ tableName: 'centre' })
@Index({ name: 'centre_name_trgm', expression: 'create index "centre_name_trgm" on "centre" using gin ("name" gin_trgm_ops)' })
export class Centre {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 15 })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => CentreLevel, nativeEnumName: 'centre_level' })
  level!: CentreLevel;

  @Index()
  @ManyToOne(() => Region, { fieldName: 'region_code', deleteRule: 'restrict' })
  region!: Rel<Region>;

  /** The hub this centre belongs to in the "1+6+N" network. */
  @Index()
  @ManyToOne(() => Centre, { nullable: true, fieldName: 'parent_code', deleteRule: 'set null' })
  parent?: Rel<Centre>;

  @Property({ type: 'text', nullable: true })
  address?: string;

  @Property({ type: 'text', nullable: true })
  slogan?: string;

  @Property({ type: 'double', nullable: true })
  floorArea?: number;

  @Property({ type: 'integer', nullable: true })
  residentsCovered?: number;

  @Property({ type: 'integer', nullable: true })
  serviceWindows?: number;

  @Property({ type: 'integer', nullable: true })
  yearOpened?: number;

  @Property({ type: 'text[]', default: '{}' })
  facilities: string[] = [];

  @Enum({ items: () => CentreStatus, nativeEnumName: 'centre_status', default: CentreStatus.OPEN })
  status: CentreStatus = CentreStatus.OPEN;

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;

  @Property({ type: 'text', nullable: true })
  source?: string;
}
