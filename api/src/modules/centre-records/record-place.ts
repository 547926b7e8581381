import { IsOptional, Matches } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import type { Reader } from '../../db/read';
import { AppError, ErrorCode } from '../../errors/app-error';
import { PageArgs } from '../../shared/pagination';
import { subtreeSql } from '../../shared/region-subtree';
import { CENTRE_CODE_MESSAGE, CENTRE_CODE_PATTERN } from '../centre/centre.inputs';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../region/region.inputs';
import { toFullRegionCode } from '../region/region.service';
import { allOf, type Sql, sql } from './record-sql';

/** Where a root list looks; both may be given. */
@ArgsType()
export class OperationalListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Records of centres anywhere in this region (its whole subtree).' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Records of this centre only.' })
  @IsOptional()
  @Matches(CENTRE_CODE_PATTERN, { message: CENTRE_CODE_MESSAGE })
  centreCode?: string;
}

/** Where a root list looks: a region subtree and a centre, narrowed by the caller's key scope. */
export interface RecordPlace {
  regionPath?: string;
  scopePath?: string;
  centreCode?: string;
}

/** A root list's region and centre arguments, with the region's path looked up (NOT_FOUND when no region has it). */
export async function placeOf(read: Reader, { regionCode, centreCode }: { regionCode?: string; centreCode?: string }): Promise<RecordPlace> {
  const scopePath = read.scope?.path;
  if (!regionCode) return { centreCode, scopePath };
  const [region] = await read.rows<{ path: string }>('select path from region where code = ?', [toFullRegionCode(regionCode)]);
  if (!region) throw new AppError(ErrorCode.NOT_FOUND, `No region has the code "${regionCode}".`, { argument: 'regionCode' });
  return { regionPath: region.path, centreCode, scopePath };
}

/**
 * The joins and conditions that keep records (alias `e`) of centres in a place. The centre and
 * its region are joined only when a subtree is asked for.
 */
export function placeSql({ regionPath, scopePath, centreCode }: RecordPlace): { joins: string; where: Sql } {
  const paths = [regionPath, scopePath].filter((path): path is string => !!path);
  return {
    joins: paths.length ? ' join centre c on c.code = e.centre_code join region r on r.code = c.region_code' : '',
    where: allOf([centreCode ? sql('e.centre_code = ?', centreCode) : undefined, ...paths.map((path) => subtreeSql('r.path', path))]),
  };
}
