import { PrimaryKeyProp, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

export enum RegionLevel {
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  STREET = 'STREET',
  COMMUNITY = 'COMMUNITY',
}

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Level of an administrative division: 市, 县(市、区), 街道/乡镇, 社区/村.',
});

@Entity({ tableName: 'region' })
export class Region {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 12 })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => RegionLevel, nativeEnumName: 'region_level' })
  level!: RegionLevel;

  @Index()
  @ManyToOne(() => Region, { nullable: true, fieldName: 'parent_code', deleteRule: 'restrict' })
  parent?: Rel<Region>;

  /**
   * Codes from the root down to this region joined with '/', so a subtree is one
   * indexed prefix match. Codes are fixed-length, so a prefix never matches a sibling.
   */
  @Index({ name: 'region_path_prefix_idx', expression: 'create index "region_path_prefix_idx" on "region" ("path" text_pattern_ops)' })
  @Property({ type: 'text' })
  path!: string;

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;

  @Property({ type: 'text', nullable: true })
  source?: string;
}
