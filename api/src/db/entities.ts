import { Activity } from '../modules/activity/activity.entity';
import { AllianceMembership, AllianceUnit } from '../modules/alliance/alliance.entity';
import { ApiKey, ApiKeyUsage } from '../modules/api-key/api-key.entity';
import { IdempotencyRecord } from '../auth/idempotency-record.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { Assessment } from '../modules/rating-cycle/assessment.entity';
import { AssessmentScore } from '../modules/rating-cycle/assessment-score.entity';
import { EvaluatorAssignment } from '../modules/rating-cycle/evaluator-assignment.entity';
import { RatingCycle } from '../modules/rating-cycle/rating-cycle.entity';
import { RatingIndicator } from '../modules/rating-cycle/rating-indicator.entity';
import { RatingObjection } from '../modules/rating-cycle/rating-objection.entity';
import { StaffAccount } from '../modules/staff/staff-account.entity';
import { StaffSession } from '../modules/staff/staff-session.entity';
import { Centre } from '../modules/centre/centre.entity';
import { BrandProgramme } from '../modules/editorial/brand-programme.entity';
import { CentreProfile } from '../modules/editorial/centre-profile.entity';
import { ShowcaseArticle } from '../modules/editorial/showcase-article.entity';
import { ReportedFigure } from '../modules/figure/reported-figure.entity';
import { RatingDimension } from '../modules/rating/rating-dimension.entity';
import { RatingResult } from '../modules/rating/rating-result.entity';
import { RatingScheme } from '../modules/rating/rating-scheme.entity';
import { Need } from '../modules/lists/need.entity';
import { Project, ProjectNeed, ProjectPartner, ProjectResource, ProjectTimelineEntry } from '../modules/lists/project.entity';
import { Resource } from '../modules/lists/resource.entity';
import { Region } from '../modules/region/region.entity';
import { VolunteerMember, VolunteerTeam } from '../modules/volunteer/volunteer.entity';

/** Listed explicitly: no folder scanning, so dist and ts runs see the same set. */
export const entities = [
  Region,
  Centre,
  RatingScheme,
  RatingDimension,
  RatingResult,
  ReportedFigure,
  CentreProfile,
  BrandProgramme,
  ShowcaseArticle,
  ApiKey,
  ApiKeyUsage,
  AllianceUnit,
  AllianceMembership,
  VolunteerTeam,
  VolunteerMember,
  Need,
  Resource,
  Project,
  ProjectNeed,
  ProjectResource,
  ProjectPartner,
  ProjectTimelineEntry,
  Activity,
  StaffAccount,
  StaffSession,
  AuditEntry,
  IdempotencyRecord,
  RatingIndicator,
  RatingCycle,
  Assessment,
  AssessmentScore,
  EvaluatorAssignment,
  RatingObjection,
];
