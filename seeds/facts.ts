import centresFile from './facts/centres.json';
import ratingsFile from './facts/ratings.json';
import regionsFile from './facts/regions.json';
import type { CentreLevelName, CentreRow, FigureRow, RatingRow, RegionLevelName, RegionRow, SchemeRow, TierName } from './dataset';

/** The source article's facts (seeds/facts/*.json) as dataset rows. */
export const facts = {
  regions: regionsFile.regions.map((region): RegionRow => ({ ...region, level: region.level as RegionLevelName, isSynthetic: false })),
  centres: centresFile.centres.map((centre): CentreRow => ({
    code: centre.code,
    name: centre.name,
    level: centre.level as CentreLevelName,
    regionCode: centre.regionCode,
    parentCode: centre.parentCode,
    address: centre.address,
    slogan: centre.slogan,
    floorArea: centre.floorArea,
    residentsCovered: centre.residentsCovered,
    serviceWindows: centre.serviceWindows,
    yearOpened: centre.yearOpened,
    facilities: centre.facilities,
    isSynthetic: false,
    source: centre.source,
  })),
  figures: centresFile.centres.flatMap((centre) => centre.figures.map((figure): FigureRow => ({ centreCode: centre.code, ...figure }))),
  scheme: {
    year: ratingsFile.year,
    name: ratingsFile.schemeName,
    source: ratingsFile.schemeSource,
    dimensions: ratingsFile.dimensions.map((dimension, position) => ({
      ...dimension,
      weight: dimension.maxScore / 100,
      position,
    })),
  } satisfies SchemeRow,
  counts: ratingsFile.counts,
  ratings: ratingsFile.centreRatings.map((rating): RatingRow => ({
    centreCode: rating.centreCode,
    year: ratingsFile.year,
    stars: rating.stars as 3 | 4 | 5,
    tier: rating.tier as TierName,
    totalScore: null,
    scoresByDimension: {},
    isSynthetic: false,
  })),
};
