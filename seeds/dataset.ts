/** Plain rows, shaped like the API's entities, with foreign keys as codes. */

export type RegionLevelName = 'CITY' | 'COUNTY' | 'STREET' | 'COMMUNITY';
export type CentreLevelName = 'COUNTY' | 'STREET' | 'COMMUNITY' | 'SITE';
export type TierName = 'COUNTY' | 'CITY';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevelName;
  parentCode: string | null;
  isSynthetic: boolean;
  source: string | null;
}

export interface CentreRow {
  code: string;
  name: string;
  level: CentreLevelName;
  regionCode: string;
  parentCode: string | null;
  address: string | null;
  slogan: string | null;
  floorArea: number | null;
  residentsCovered: number | null;
  serviceWindows: number | null;
  yearOpened: number | null;
  facilities: string[];
  isSynthetic: boolean;
  source: string | null;
}

export interface SchemeRow {
  year: number;
  name: string;
  source: string;
  dimensions: Array<{ key: string; name: string; maxScore: number; weight: number; position: number }>;
}

export interface RatingRow {
  centreCode: string;
  year: number;
  stars: 3 | 4 | 5;
  tier: TierName;
  totalScore: number | null;
  scoresByDimension: Record<string, number>;
  isSynthetic: boolean;
}

export interface FigureRow {
  centreCode: string;
  year: number;
  key: string;
  label: string;
  value: number;
  unit: string;
  isLowerBound: boolean;
  isCumulative: boolean;
  source: string;
}

export interface Dataset {
  regions: RegionRow[];
  centres: CentreRow[];
  schemes: SchemeRow[];
  ratings: RatingRow[];
  figures: FigureRow[];
}
