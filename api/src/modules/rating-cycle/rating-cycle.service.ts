import type { EntityManager } from '@mikro-orm/postgresql';
import type { Reader } from '../../db/read';
import { type Actor, StaffRole } from '../../auth/actor';
import { assertMayManageCentre, assertMayManageRegion, assertRole, forbidden } from '../../auth/authorize';
import { Tags } from '../../cache/cache-tags';
import { AppError, badInput, ErrorCode } from '../../errors/app-error';
import { RatingResult, RatingTier } from '../rating/rating-result.entity';
import { RatingScheme } from '../rating/rating-scheme.entity';
import { RegionLevel } from '../region/region.entity';
import { ancestorCodes, findRegion } from '../region/region.service';
import { StaffAccount } from '../staff/staff-account.entity';
import { Assessment, AssessmentStage } from './assessment.entity';
import { assertCityFiveStar, findCentreInCycle, findCycle } from './assessment.service';
import { EvaluatorAssignment } from './evaluator-assignment.entity';
import { CycleStage, RatingCycle, STAGE_ORDER } from './rating-cycle.entity';
import { cycleScopeSql, cycleTag } from './rating-cycle.loaders';
import { RATING_CYCLE_COLUMNS, RATING_CYCLE_FROM, type RatingCycleView, toCycleView } from './rating-cycle.view';
import type { LodgeObjectionInput, OpenCycleInput, OverrideRatingInput } from './rating-cycle.inputs';
import { RatingIndicator } from './rating-indicator.entity';
import { ObjectionStatus, RatingObjection } from './rating-objection.entity';
import { todayInChina } from '../../shared/records';
import { isWithin } from '../../shared/region-subtree';
import { lastNoticeDay } from './working-days';

const CITY_ONLY = new Set([StaffRole.CITY_ADMIN]);
const COUNTY_OR_CITY = new Set([StaffRole.CITY_ADMIN, StaffRole.COUNTY_ADMIN]);

/** Who moves a cycle into each stage: the county runs it up to its review; the city decides and publishes. */
const ADVANCED_BY: Record<CycleStage, ReadonlySet<StaffRole>> = {
  [CycleStage.SETUP]: COUNTY_OR_CITY,
  [CycleStage.SELF_ASSESSMENT]: COUNTY_OR_CITY,
  [CycleStage.COUNTY_REVIEW]: COUNTY_OR_CITY,
  [CycleStage.CITY_RATING]: COUNTY_OR_CITY,
  [CycleStage.PUBLIC_NOTICE]: CITY_ONLY,
  [CycleStage.PUBLISHED]: CITY_ONLY,
};

/**
 * A cycle by id, as the public sees it (within a key's scope), or, for the answer to a staff
 * write, as it is (`scoped: false`): the write's own rules decided who may see it.
 */
export async function findCycleView(read: Reader, id: number, { scoped = true } = {}): Promise<RatingCycleView | null> {
  const scope = cycleScopeSql(scoped ? read.scope : undefined);
  const [row] = await read.rows<RatingCycleView>(`select ${RATING_CYCLE_COLUMNS} from ${RATING_CYCLE_FROM} where rc.id = ? and ${scope.sql}`, [id, ...scope.params], cycleTag);
  return row ? toCycleView(row) : null;
}

/** Opens a county's cycle for a year and freezes the year's scheme. */
export async function openCycle(em: EntityManager, actor: Actor, input: OpenCycleInput): Promise<RatingCycle> {
  const region = await findRegion(em, input.regionCode);
  if (!region) throw new AppError(ErrorCode.NOT_FOUND, `No region has the code "${input.regionCode}".`, { argument: 'input.regionCode' });
  if (region.level !== RegionLevel.COUNTY) throw badInput('input.regionCode', `must be a county (县、市、区); ${region.name} is ${region.level}.`);
  assertMayManageRegion(actor, region.path, COUNTY_OR_CITY);
  const scheme = await em.findOne(RatingScheme, { year: input.year });
  if (!scheme)
    throw new AppError(ErrorCode.NOT_FOUND, `There is no ${input.year} rating scheme yet: a city administrator saves it first (saveRatingScheme).`, { argument: 'input.year' });
  if ((await em.count(RatingIndicator, { scheme })) === 0)
    throw new AppError(ErrorCode.CONFLICT, `The ${input.year} scheme has no indicators to score.`, { argument: 'input.year' });
  if (await em.count(RatingCycle, { scheme, region }))
    throw new AppError(ErrorCode.CONFLICT, `${region.name} already has a ${input.year} cycle.`, { argument: 'input.regionCode' });
  scheme.frozenAt ??= new Date();
  const cycle = em.create(RatingCycle, { scheme, region });
  await em.flush();
  return cycle;
}

/** Centres that assessed themselves: only they go on to be reviewed and rated. */
async function candidates(em: EntityManager, cycle: RatingCycle): Promise<Map<string, Map<AssessmentStage, Assessment>>> {
  const assessments = await em.find(Assessment, { cycle }, { orderBy: { centre: 'asc' } });
  const byCentre = new Map<string, Map<AssessmentStage, Assessment>>();
  for (const assessment of assessments) {
    const stages = byCentre.get(assessment.centre.code) ?? new Map();
    stages.set(assessment.stage, assessment);
    byCentre.set(assessment.centre.code, stages);
  }
  return byCentre;
}

function requireEvery(byCentre: Map<string, Map<AssessmentStage, Assessment>>, stage: AssessmentStage, next: CycleStage): void {
  const missing = [...byCentre].filter(([, stages]) => !stages.has(stage)).map(([code]) => code);
  if (missing.length > 0) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `Cannot move to ${next}: ${missing.length} candidate centre(s) have no ${stage} assessment yet: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}.`,
      {
        argument: 'to',
        missing,
      },
    );
  }
}

export interface Advanced {
  cycle: RatingCycle;
  from: CycleStage;
  purgeTags: string[];
}

/** Moves a cycle to the next stage, after checking the stage before it is complete. */
export async function advanceCycle(em: EntityManager, actor: Actor, cycleId: string, to: CycleStage, now = new Date()): Promise<Advanced> {
  const cycle = await findCycle(em, cycleId);
  assertMayManageRegion(actor, cycle.region.path, ADVANCED_BY[to]);
  const from = cycle.stage;
  const next = STAGE_ORDER[STAGE_ORDER.indexOf(from) + 1];
  if (to !== next) {
    throw new AppError(ErrorCode.CONFLICT, `Stage out of order: the cycle is in ${from}${next ? `, and the next stage is ${next}` : ' and complete'}; it cannot move to ${to}.`, {
      argument: 'to',
      cycleStage: from,
    });
  }
  const byCentre = await candidates(em, cycle);
  const today = todayInChina(now);
  let purgeTags: string[] = [Tags.cycle(cycle.id)];
  switch (to) {
    case CycleStage.COUNTY_REVIEW:
      if (byCentre.size === 0) throw new AppError(ErrorCode.CONFLICT, 'Cannot move to COUNTY_REVIEW: no centre has submitted a self-assessment.', { argument: 'to' });
      break;
    case CycleStage.CITY_RATING:
      requireEvery(byCentre, AssessmentStage.COUNTY, to);
      break;
    case CycleStage.PUBLIC_NOTICE:
      requireEvery(byCentre, AssessmentStage.CITY, to);
      cycle.noticeStartsOn = today;
      cycle.noticeEndsOn = cycle.scheme.noticeWorkingDays > 0 ? lastNoticeDay(today, cycle.scheme.noticeWorkingDays) : undefined;
      break;
    case CycleStage.PUBLISHED:
      if (cycle.noticeEndsOn && today <= cycle.noticeEndsOn) {
        throw new AppError(ErrorCode.CONFLICT, `The public notice runs until ${cycle.noticeEndsOn} (China time); results can be published from the next day.`, {
          argument: 'to',
          noticeEndsOn: cycle.noticeEndsOn,
        });
      }
      if (await em.count(RatingObjection, { cycle, status: ObjectionStatus.OPEN })) {
        throw new AppError(ErrorCode.CONFLICT, 'Objections lodged during the public notice are still open: resolve them first (resolveObjection).', { argument: 'to' });
      }
      purgeTags = [...purgeTags, ...(await publishResults(em, cycle, byCentre, today))];
      cycle.publishedAt = now;
      break;
    default:
      break;
  }
  cycle.stage = to;
  await em.flush();
  return { cycle, from, purgeTags };
}

/** The city's decision for each candidate: its override when there is one, else its scores. */
export function finalDecision(cityRating: Pick<Assessment, 'isOverridden' | 'overrideStars' | 'overrideTier' | 'stars' | 'tier'>): {
  stars: number | null;
  tier: RatingTier | null;
} {
  if (cityRating.isOverridden) return { stars: cityRating.overrideStars ?? null, tier: cityRating.overrideStars ? (cityRating.overrideTier ?? RatingTier.COUNTY) : null };
  return { stars: cityRating.stars ?? null, tier: cityRating.stars ? (cityRating.tier ?? RatingTier.COUNTY) : null };
}

/** Writes the year's results for the cycle's candidates and returns the cache tags they change. */
async function publishResults(em: EntityManager, cycle: RatingCycle, byCentre: Map<string, Map<AssessmentStage, Assessment>>, today: string): Promise<string[]> {
  const year = cycle.scheme.year;
  const tags = new Set<string>([Tags.centreLists, Tags.ratings, ...[...ancestorCodes(cycle.region), cycle.region.code].map(Tags.region)]);
  for (const [centreCode, stages] of byCentre) {
    const cityRating = stages.get(AssessmentStage.CITY)!;
    const { stars, tier } = finalDecision(cityRating);
    tags.add(Tags.centre(centreCode));
    await em.nativeDelete(RatingResult, { centre: centreCode, scheme: year });
    if (stars === null) continue;
    em.create(RatingResult, {
      centre: centreCode,
      scheme: year,
      stars,
      tier: tier!,
      totalScore: cityRating.totalScore,
      scoresByDimension: cityRating.scoresByDimension,
      awardedOn: today,
      isSynthetic: false,
    });
  }
  return [...tags];
}

export async function assignEvaluator(em: EntityManager, actor: Actor, cycleId: string, centreCode: string, evaluatorEmail: string): Promise<RatingCycle> {
  const cycle = await findCycle(em, cycleId);
  assertMayManageRegion(actor, cycle.region.path, COUNTY_OR_CITY);
  const centre = await findCentreInCycle(em, cycle, centreCode);
  const evaluator = await em.findOne(StaffAccount, { email: evaluatorEmail.trim().toLowerCase() }, { populate: ['region'] });
  if (!evaluator || evaluator.role !== StaffRole.EVALUATOR) throw badInput('evaluatorEmail', `names no evaluator account ("${evaluatorEmail}").`);
  if (!(isWithin(cycle.region.path, evaluator.region.path) || isWithin(evaluator.region.path, cycle.region.path))) {
    throw badInput('evaluatorEmail', `names an evaluator of ${evaluator.region.name}, outside ${cycle.region.name}.`);
  }
  if (!(await em.count(EvaluatorAssignment, { cycle, centre, evaluator }))) em.create(EvaluatorAssignment, { cycle, centre, evaluator });
  await em.flush();
  return cycle;
}

/** The city's final word on a centre, with the reason and who gave it. */
export async function overrideRating(em: EntityManager, actor: Actor, input: OverrideRatingInput): Promise<{ assessment: Assessment; before: unknown; regionPath: string }> {
  const cycle = await findCycle(em, input.cycleId);
  assertMayManageRegion(actor, cycle.region.path, CITY_ONLY);
  if (cycle.stage !== CycleStage.CITY_RATING && cycle.stage !== CycleStage.PUBLIC_NOTICE) {
    throw new AppError(ErrorCode.CONFLICT, `A final override is made in CITY_RATING or PUBLIC_NOTICE; the cycle is in ${cycle.stage}.`, { argument: 'input.cycleId' });
  }
  const centre = await findCentreInCycle(em, cycle, input.centreCode);
  const [county, city] = await Promise.all([
    em.findOne(Assessment, { cycle, centre, stage: AssessmentStage.COUNTY }),
    em.findOne(Assessment, { cycle, centre, stage: AssessmentStage.CITY }),
  ]);
  if (!city || !county) throw new AppError(ErrorCode.CONFLICT, `Centre ${centre.code} has no city rating to override yet.`, { argument: 'input.centreCode' });
  const stars = input.stars ?? null;
  if (input.tier === RatingTier.CITY) assertCityFiveStar(county, stars, 'input.tier');
  const before = finalDecision(city);
  Object.assign(city, {
    isOverridden: true,
    overrideStars: stars,
    overrideTier: stars ? input.tier : null,
    overrideReason: input.reason.trim(),
    overriddenBy: actor.accountId,
    overriddenAt: new Date(),
  });
  await em.flush();
  return { assessment: city, before, regionPath: centre.region.path };
}

/** Recorded by staff for whoever raised it (a letter, a call); only during the public notice. */
export async function lodgeObjection(em: EntityManager, actor: Actor, input: LodgeObjectionInput): Promise<{ objection: RatingObjection; regionPath: string }> {
  const cycle = await findCycle(em, input.cycleId);
  const centre = await findCentreInCycle(em, cycle, input.centreCode);
  if (actor.role === StaffRole.EVALUATOR) throw forbidden(actor, 'record objections');
  if (actor.role !== StaffRole.CENTRE_STAFF) assertMayManageRegion(actor, centre.region.path);
  else assertMayManageCentre(actor, { code: centre.code, regionPath: centre.region.path });
  if (cycle.stage !== CycleStage.PUBLIC_NOTICE)
    throw new AppError(ErrorCode.CONFLICT, `Objections are taken during PUBLIC_NOTICE; the cycle is in ${cycle.stage}.`, { argument: 'input.cycleId' });
  if (!(await em.count(Assessment, { cycle, centre, stage: AssessmentStage.CITY })))
    throw badInput('input.centreCode', `names a centre that is not in this year's notice (${centre.code}).`);
  const objection = em.create(RatingObjection, { cycle, centre, text: input.text.trim(), contact: input.contact?.trim() || null });
  await em.flush();
  return { objection, regionPath: centre.region.path };
}

export async function resolveObjection(em: EntityManager, actor: Actor, id: string, upheld: boolean, resolution: string): Promise<RatingObjection> {
  assertRole(actor, [StaffRole.CITY_ADMIN], 'resolve objections');
  const objection = Number.isSafeInteger(Number(id)) ? await em.findOne(RatingObjection, { id: Number(id) }, { populate: ['cycle.region'] }) : null;
  if (!objection) throw new AppError(ErrorCode.NOT_FOUND, `No objection has the id "${id}".`, { argument: 'id' });
  if (objection.status !== ObjectionStatus.OPEN) throw new AppError(ErrorCode.CONFLICT, `Objection ${id} was already resolved (${objection.status}).`, { argument: 'id' });
  if (resolution.trim().length < 4) throw badInput('resolution', 'must explain the decision (at least 4 characters).');
  objection.status = upheld ? ObjectionStatus.UPHELD : ObjectionStatus.DISMISSED;
  objection.resolution = resolution.trim();
  await em.flush();
  return objection;
}
