import type { Reader } from '../../db/read';
import { AppError, ErrorCode } from '../../errors/app-error';
import { isWithin, subtreeSql, subtreeSqlOf } from '../../shared/region-subtree';
import { regionOfArgument, YUXI_CITY_CODE } from '../region/region.service';

export interface StarCounts {
  countyFiveStar: number;
  countyFourStar: number;
  countyThreeStar: number;
  cityFiveStar: number;
  totalRated: number;
}

export interface RatingStatistics extends StarCounts {
  year: number;
  regionCode: string;
  byRegion: Array<StarCounts & { regionCode: string }>;
}

// A city five-star centre is also a county five-star centre: counted in both.
const COUNTS = `
  count(rr.id) filter (where rr.stars = 5)::int as "countyFiveStar",
  count(rr.id) filter (where rr.stars = 4)::int as "countyFourStar",
  count(rr.id) filter (where rr.stars = 3)::int as "countyThreeStar",
  count(rr.id) filter (where rr.tier = 'CITY')::int as "cityFiveStar",
  count(rr.id)::int as "totalRated"`;

/** Star counts for a year in a region's subtree, with one row per child region. */
export async function ratingStatistics(read: Reader, { year, regionCode = YUXI_CITY_CODE }: { year: number; regionCode?: string }): Promise<RatingStatistics> {
  const region = await regionOfArgument(read, regionCode);
  if (!region) {
    throw new AppError(ErrorCode.NOT_FOUND, `No region has the code "${regionCode}".`, { argument: 'regionCode' });
  }
  if (read.scope && !isWithin(region.path, read.scope.path)) {
    throw new AppError(ErrorCode.FORBIDDEN, `This API key may not read region ${region.code}: it is outside the key's region.`, { argument: 'regionCode' });
  }
  const subtree = subtreeSql('cr.path', region.path);
  const [totals, byRegion] = await Promise.all([
    read.rows<StarCounts>(
      `select ${COUNTS}
         from rating_result rr
         join centre c on c.code = rr.centre_code
         join region cr on cr.code = c.region_code
        where rr.year = ? and ${subtree.sql}`,
      [year, ...subtree.params],
    ),
    read.rows<StarCounts & { regionCode: string }>(
      `select child.code as "regionCode", ${COUNTS}
         from region child
         left join region cr on ${subtreeSqlOf('cr.path', 'child.path')}
         left join centre c on c.region_code = cr.code
         left join rating_result rr on rr.centre_code = c.code and rr.year = ?
        where child.parent_code = ?
        group by child.code
        order by child.code`,
      [year, region.code],
    ),
  ]);
  return { year, regionCode: region.code, ...totals[0]!, byRegion };
}
