import { PrimaryKeyProp, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

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

@ObjectType({ description: 'An administrative division of Yuxi (玉溪市) with its 12-digit code.' })
@Entity({ tableName: 'region' })
export class Region {
  [PrimaryKeyProp]?: 'code';

  @Field(() => ID, { description: '12-digit administrative code, e.g. 530402000000 for 红塔区.' })
  @PrimaryKey({ type: 'string', length: 12 })
  code!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => RegionLevel)
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

  @Field({ description: 'True when the row was made by the seed generator, not taken from a source.' })
  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;

  @Field({ nullable: true, description: 'Where this fact comes from.' })
  @Property({ type: 'text', nullable: true })
  source?: string;
}
