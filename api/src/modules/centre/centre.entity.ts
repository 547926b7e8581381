import { PrimaryKeyProp, Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RatingResult } from '../rating/rating-result.entity';
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

@ObjectType({ description: 'A party-and-masses service centre (党群服务中心).' })
@Entity({ tableName: 'centre' })
@Index({ name: 'centre_name_trgm', expression: 'create index "centre_name_trgm" on "centre" using gin ("name" gin_trgm_ops)' })
export class Centre {
  [PrimaryKeyProp]?: 'code';

  @Field(() => ID, { description: 'Stable code: the 12-digit region code, a dash and a two-digit number.' })
  @PrimaryKey({ type: 'string', length: 15 })
  code!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => CentreLevel)
  @Enum({ items: () => CentreLevel, nativeEnumName: 'centre_level' })
  level!: CentreLevel;

  @Index()
  @ManyToOne(() => Region, { fieldName: 'region_code', deleteRule: 'restrict' })
  region!: Rel<Region>;

  /** The hub this centre belongs to in the "1+6+N" network. */
  @Index()
  @ManyToOne(() => Centre, { nullable: true, fieldName: 'parent_code', deleteRule: 'set null' })
  parent?: Rel<Centre>;

  @OneToMany(() => RatingResult, (result) => result.centre)
  ratings = new Collection<RatingResult>(this);

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  address?: string;

  @Field({ nullable: true, description: 'Headline of the centre, e.g. 锻造队伍 升级服务 破题治理.' })
  @Property({ type: 'text', nullable: true })
  slogan?: string;

  @Field(() => Float, { nullable: true, description: 'Floor area in square metres.' })
  @Property({ type: 'double', nullable: true })
  floorArea?: number;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  residentsCovered?: number;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  serviceWindows?: number;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  yearOpened?: number;

  @Field(() => [String], { description: 'Named rooms and functions, e.g. 新时代讲习所, 党建书屋, 健康e站.' })
  @Property({ type: 'text[]', default: '{}' })
  facilities: string[] = [];

  @Field(() => CentreStatus)
  @Enum({ items: () => CentreStatus, nativeEnumName: 'centre_status', default: CentreStatus.OPEN })
  status: CentreStatus = CentreStatus.OPEN;

  @Field({ description: 'True when the row was made by the seed generator, not taken from a source.' })
  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;

  @Field({ nullable: true, description: 'Where this fact comes from.' })
  @Property({ type: 'text', nullable: true })
  source?: string;
}
