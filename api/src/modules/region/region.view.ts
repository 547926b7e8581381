import { Field, ID, ObjectType } from 'type-graphql';
import { RegionLevel } from './region.entity';
import { Node } from '../../shared/node';

@ObjectType('Region', { implements: Node, simpleResolvers: true, description: 'An administrative division of Yuxi (玉溪市) with its 12-digit code.' })
export class RegionView {
  @Field(() => ID, { description: '12-digit administrative code, e.g. 530402000000 for 红塔区.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => RegionLevel)
  level!: RegionLevel;

  parentCode!: string | null;

  /** Codes from the root down to this region joined with '/' (shared/region-subtree.ts). */
  path!: string;

  @Field({ description: 'True when the row was made by the seed generator, not taken from a source.' })
  isSynthetic!: boolean;

  @Field(() => String, { nullable: true, description: 'Where this fact comes from.' })
  source!: string | null;
}

/** The columns of a RegionView, from `region r`. */
export const REGION_COLUMNS = `r.code, r.name, r.level, r.parent_code as "parentCode", r.path, r.is_synthetic as "isSynthetic", r.source`;
