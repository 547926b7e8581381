import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CentreLevel, CentreStatus } from './centre.entity';
import { Node } from '../../shared/node';

@ObjectType('Centre', { implements: Node, simpleResolvers: true, description: 'A party-and-masses service centre (党群服务中心).' })
export class CentreView {
  @Field(() => ID, { description: 'Stable code: the 12-digit region code, a dash and a two-digit number.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => CentreLevel)
  level!: CentreLevel;

  regionCode!: string;
  /** The region's path, for scope and authorisation checks (shared/region-subtree.ts). */
  regionPath!: string;
  parentCode!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'Headline of the centre, e.g. 锻造队伍 升级服务 破题治理.' })
  slogan!: string | null;

  @Field(() => Float, { nullable: true, description: 'Floor area in square metres.' })
  floorArea!: number | null;

  @Field(() => Int, { nullable: true })
  residentsCovered!: number | null;

  @Field(() => Int, { nullable: true })
  serviceWindows!: number | null;

  @Field(() => Int, { nullable: true })
  yearOpened!: number | null;

  @Field(() => [String], { description: 'Named rooms and functions, e.g. 新时代讲习所, 党建书屋, 健康e站.' })
  facilities!: string[];

  @Field(() => CentreStatus)
  status!: CentreStatus;

  @Field({ description: 'True when the row was made by the seed generator, not taken from a source.' })
  isSynthetic!: boolean;

  @Field(() => String, { nullable: true, description: 'Where this fact comes from.' })
  source!: string | null;
}

/** The columns of a CentreView, from `centre c join region r on r.code = c.region_code`. */
export const CENTRE_COLUMNS = `c.code, c.name, c.level, c.region_code as "regionCode", r.path as "regionPath", c.parent_code as "parentCode",
  c.address, c.slogan, c.floor_area as "floorArea", c.residents_covered as "residentsCovered", c.service_windows as "serviceWindows",
  c.year_opened as "yearOpened", c.facilities, c.status, c.is_synthetic as "isSynthetic", c.source`;

export const CENTRE_FROM = 'centre c join region r on r.code = c.region_code';
