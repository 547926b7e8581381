import { Tags } from '../../cache/cache-tags';
import type { Reader } from '../../db/read';
import { pgArray } from '../../db/sql';
import { type LoaderOptions, manyByKey, oneByKey } from '../../shared/loader';
import { REGION_COLUMNS, type RegionView } from './region.view';

export function createRegionLoaders(read: Reader, options: LoaderOptions) {
  return {
    regionByCode: oneByKey<string, RegionView>(
      (codes) => read.rows<RegionView>(`select ${REGION_COLUMNS} from region r where r.code = any(?::text[])`, [pgArray(codes)], regionTag),
      (region) => region.code,
      options,
    ),
    regionsByParentCode: manyByKey<string, RegionView>(
      (codes) => read.rows<RegionView>(`select ${REGION_COLUMNS} from region r where r.parent_code = any(?::text[]) order by r.code`, [pgArray(codes)], regionTag),
      (region) => region.parentCode!,
      options,
    ),
  };
}

export const regionTag = (region: { code: string }) => Tags.region(region.code);
