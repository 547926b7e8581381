import type { EntityManager } from '@mikro-orm/postgresql';
import { Region, type RegionLevel } from './region.entity';

export const YUXI_CITY_CODE = '530400000000';

/** Pads 6- and 9-digit administrative codes to the 12 digits regions are stored under. */
export function toFullRegionCode(code: string): string {
  return code.padEnd(12, '0');
}

export function findRegion(em: EntityManager, code: string): Promise<Region | null> {
  return em.findOne(Region, { code: toFullRegionCode(code) });
}

export function listRegions(
  em: EntityManager,
  { parentCode, level }: { parentCode?: string; level?: RegionLevel },
): Promise<Region[]> {
  return em.find(
    Region,
    {
      ...(parentCode !== undefined ? { parent: toFullRegionCode(parentCode) } : {}),
      ...(level !== undefined ? { level } : {}),
    },
    { orderBy: { code: 'asc' } },
  );
}

/** Codes of the region's ancestors, the root first. */
export function ancestorCodes(region: Region): string[] {
  return region.path.split('/').slice(0, -1);
}

export function childPath(parent: Region | undefined, code: string): string {
  return parent ? `${parent.path}/${code}` : code;
}
