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
  lists: ListsDataset;
}

export interface AllianceUnitRow {
  id: string;
  name: string;
  unitType: string;
  regionCode: string;
  contacts: Array<{ name: string; role?: string; phone?: string }>;
  isSynthetic: boolean;
  source: string | null;
}

export interface MembershipRow {
  id: string;
  centreCode: string;
  unitId: string;
  status: string;
  agreementSignedOn: string | null;
  commitments: string[];
  isSynthetic: boolean;
}

export interface NeedRow {
  id: string;
  centreCode: string;
  source: string;
  category: string;
  title: string;
  description: string | null;
  requesterCount: number;
  submittedOn: string;
  status: string;
  publishedStatus: string;
  publicAnswer: string | null;
  draftAnswer: string | null;
  answerPublishedAt: string | null;
  isSynthetic: boolean;
  sourceText: string | null;
}

export interface ResourceRow {
  id: string;
  centreCode: string;
  providerType: string;
  providerUnitId: string | null;
  providerTeamId: string | null;
  category: string;
  title: string;
  description: string | null;
  capacity: number | null;
  capacityUnit: string | null;
  schedule: string | null;
  status: string;
  lastVerifiedOn: string;
  isSynthetic: boolean;
  sourceText: string | null;
}

export interface TimelineRow {
  id: string;
  entryOn: string;
  title: string;
  description: string | null;
  status: string | null;
}

export interface ProjectRow {
  id: string;
  centreCode: string;
  title: string;
  description: string | null;
  leadUnitId: string | null;
  budgetYuan: number | null;
  startsOn: string | null;
  endsOn: string | null;
  status: string;
  progress: number;
  isSynthetic: boolean;
  sourceText: string | null;
  needIds: string[];
  resourceIds: string[];
  partnerUnitIds: string[];
  timeline: TimelineRow[];
}

export interface TeamRow {
  id: string;
  centreCode: string;
  name: string;
  description: string | null;
  skills: string[];
  reportedMemberCount: number | null;
  isSynthetic: boolean;
  sourceText: string | null;
}

export interface MemberRow {
  id: string;
  teamId: string;
  name: string;
  phone: string | null;
  role: 'LEADER' | 'MEMBER';
  skills: string[];
  serviceHours: number;
  isSynthetic: boolean;
}

export interface ActivityRow {
  id: string;
  centreCode: string;
  kind: string;
  title: string;
  organiser: string;
  organiserLevel: CentreLevelName;
  teamId: string | null;
  projectId: string | null;
  startsAt: string;
  endsAt: string;
  place: string | null;
  capacity: number | null;
  status: string;
  attendanceCount: number | null;
  closedAt: string | null;
  isSynthetic: boolean;
}

/** The operational lists (issue #9): alliances, the three lists, teams and activities. */
export interface ListsDataset {
  units: AllianceUnitRow[];
  memberships: MembershipRow[];
  needs: NeedRow[];
  resources: ResourceRow[];
  projects: ProjectRow[];
  teams: TeamRow[];
  members: MemberRow[];
  activities: ActivityRow[];
}
