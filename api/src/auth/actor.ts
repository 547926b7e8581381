import { registerEnumType } from 'type-graphql';

/** What a staff account may do; every role is bound to a region subtree. */
export enum StaffRole {
  CITY_ADMIN = 'CITY_ADMIN',
  COUNTY_ADMIN = 'COUNTY_ADMIN',
  STREET_ADMIN = 'STREET_ADMIN',
  /** Keeps one centre's data and writes its self-assessment. */
  CENTRE_STAFF = 'CENTRE_STAFF',
  /** Scores the assessments they are assigned to, nothing else. */
  EVALUATOR = 'EVALUATOR',
}

registerEnumType(StaffRole, {
  name: 'StaffRole',
  description:
    'CITY_ADMIN (市级管理员), COUNTY_ADMIN (县级管理员), STREET_ADMIN (街道管理员): everything in their region subtree. CENTRE_STAFF (中心工作人员): one centre. EVALUATOR (评审员): the assessments assigned to them.',
});

/** The signed-in staff member a request acts for. */
export interface Actor {
  accountId: string;
  email: string;
  role: StaffRole;
  regionCode: string;
  /** The materialised path of the actor's region: a subtree test is a prefix test. */
  regionPath: string;
  centreCode?: string;
}
