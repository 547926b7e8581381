import type { EntityManager } from '@mikro-orm/postgresql';
import type { Reader } from '../../db/read';
import { Region, type RegionLevel } from './region.entity';
import { regionTag } from './region.loaders';
import { REGION_COLUMNS, type RegionView } from './region.view';

export const YUXI_CITY_CODE = '530400000000';

/** Pads 6- and 9-digit administrative codes to the 12 digits regions are stored under. */
export function toFullRegionCode(code: string): string {
  return code.padEnd(12, '0');
}

/** The region a write refers to, as an entity (the write side). */
export function findRegion(em: EntityManager, code: string): Promise<Region | null> {
  return em.findOne(Region, { code: toFullRegionCode(code) });
}

/** The region a read refers to (6-, 9- or 12-digit code), as plain data. */
export async function readRegion(read: Reader, code: string): Promise<RegionView | null> {
  const [region] = await read.rows<RegionView>(`select ${REGION_COLUMNS} from region r where r.code = ?`, [toFullRegionCode(code)], regionTag);
  return region ?? null;
}

/**
 * The region a question names as an argument (a subtree to count or sum over), untagged: only
 * what an answer shows carries tags, and the region shown (a `region` field) is tagged by its loader.
 */
export async function regionOfArgument(read: Reader, code: string): Promise<Pick<RegionView, 'code' | 'path'> | null> {
  const [region] = await read.rows<Pick<RegionView, 'code' | 'path'>>('select r.code, r.path from region r where r.code = ?', [toFullRegionCode(code)]);
  return region ?? null;
}

export function listRegions(read: Reader, { parentCode, level }: { parentCode?: string; level?: RegionLevel }): Promise<RegionView[]> {
  return read.rows<RegionView>(
    `select ${REGION_COLUMNS} from region r
      where (?::text is null or r.parent_code = ?::text) and (?::text is null or r.level::text = ?::text)
      order by r.code`,
    [...Array(2).fill(parentCode === undefined ? null : toFullRegionCode(parentCode)), ...Array(2).fill(level ?? null)],
    regionTag,
  );
}

/** Codes of the region's ancestors, the root first. */
export function ancestorCodes(region: { path: string }): string[] {
  return region.path.split('/').slice(0, -1);
}

export function childPath(parent: { path: string } | undefined, code: string): string {
  return parent ? `${parent.path}/${code}` : code;
}
