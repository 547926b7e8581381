import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { StaffRole } from '../../auth/actor';
import { assertRole, isInSubtree, requireActor } from '../../auth/authorize';
import { runStaffMutation } from '../../auth/staff-mutation';
import { Tags } from '../../cache/cache-tags';
import { markPrivate } from '../../cache/cache.plugin';
import type { Context } from '../../context';
import { CentreView } from '../centre/centre.view';
import { RatingScheme } from '../rating/rating-scheme.entity';
import { RegionView } from '../region/region.view';
import { AssessmentScore } from './assessment-score.entity';
import { Assessment, AssessmentStage } from './assessment.entity';
import { submitAssessment } from './assessment.service';
import { EvaluatorAssignment } from './evaluator-assignment.entity';
import { CycleStage, STAGE_ORDER } from './rating-cycle.entity';
import { LodgeObjectionInput, OpenCycleInput, OverrideRatingInput, RatingSchemeInput, SubmitAssessmentInput } from './rating-cycle.inputs';
import { advanceCycle, assignEvaluator, finalDecision, findCycleView, lodgeObjection, openCycle, overrideRating, resolveObjection } from './rating-cycle.service';
import { IndicatorDeviation, NoticeEntry } from './rating-cycle.types';
import { RatingCycleView } from './rating-cycle.view';
import { RatingIndicatorView } from './rating-indicator.view';
import { RatingObjection } from './rating-objection.entity';
import { describeScheme, saveRatingScheme } from './rating-scheme.service';

const IDEMPOTENCY = { nullable: true, description: 'A retry with the same key returns the first result instead of writing twice.' } as const;

/** The answer to a write on a cycle: the cycle as it now is, read like any other view. */
async function cycleAfterWrite(context: Context, id: number): Promise<RatingCycleView> {
  return (await findCycleView(context.read, id, { scoped: false }))!;
}

@Resolver(() => RatingCycleView)
export class RatingCycleResolver {
  @Query(() => [RatingCycleView], { description: 'The rating cycles of a work year, one per county.' })
  ratingCycles(@Arg('year', () => Int) year: number, @Ctx() { loaders }: Context): Promise<RatingCycleView[]> {
    return loaders.cyclesByYear.load(year);
  }

  @Query(() => RatingCycleView, { nullable: true })
  ratingCycle(@Arg('id', () => ID) id: string, @Ctx() { read }: Context): Promise<RatingCycleView | null> {
    // An id outside the column's range names no cycle (and must not reach PostgreSQL as one).
    const cycleId = Number(id);
    return Number.isSafeInteger(cycleId) && Math.abs(cycleId) <= 2 ** 31 - 1 ? findCycleView(read, cycleId) : Promise.resolve(null);
  }

  @FieldResolver(() => RegionView)
  async region(@Root() cycle: RatingCycleView, @Ctx() { loaders }: Context): Promise<RegionView> {
    return (await loaders.regionByCode.load(cycle.regionCode))!;
  }

  @FieldResolver(() => CycleStage, { nullable: true, description: 'The stage it can move to next; null once published.' })
  nextStage(@Root() cycle: RatingCycleView): CycleStage | null {
    return STAGE_ORDER[STAGE_ORDER.indexOf(cycle.stage) + 1] ?? null;
  }

  @FieldResolver(() => [NoticeEntry], { description: 'The results under public notice (公示) and, once published, the published ones. Empty before the notice.' })
  async notice(@Root() cycle: RatingCycleView, @Ctx() { loaders }: Context): Promise<NoticeEntry[]> {
    if (STAGE_ORDER.indexOf(cycle.stage) < STAGE_ORDER.indexOf(CycleStage.PUBLIC_NOTICE)) return [];
    const cityRatings = await loaders.noticeByCycleId.load(cycle.id);
    const centres = await Promise.all(cityRatings.map((rating) => loaders.centreByCode.load(rating.centreCode)));
    return cityRatings.flatMap((rating, index) => {
      const centre = centres[index];
      return centre ? [{ centre, ...finalDecision(rating), totalScore: rating.totalScore }] : [];
    });
  }

  @FieldResolver(() => [Assessment], { description: "Staff only: the assessments the signed-in account may see (its region's; an evaluator's assigned centres)." })
  async assessments(
    @Root() cycle: RatingCycleView,
    @Arg('centreCode', () => String, { nullable: true }) centreCode: string | null,
    @Arg('stage', () => AssessmentStage, { nullable: true }) stage: AssessmentStage | null,
    @Ctx() context: Context,
  ): Promise<Assessment[]> {
    const actor = requireActor(context);
    markPrivate(context);
    const all = (await context.loaders.assessmentsByCycleId.load(cycle.id)).filter(
      (assessment) => (!centreCode || assessment.centre.code === centreCode) && (!stage || assessment.stage === stage),
    );
    if (actor.role === StaffRole.EVALUATOR) {
      const assigned = await context.em.find(EvaluatorAssignment, { cycle: cycle.id, evaluator: actor.accountId });
      const codes = new Set(assigned.map((assignment) => assignment.centre.code));
      return all.filter((assessment) => codes.has(assessment.centre.code));
    }
    if (actor.role === StaffRole.CENTRE_STAFF) return all.filter((assessment) => assessment.centre.code === actor.centreCode);
    const centres = await Promise.all(all.map((assessment) => context.loaders.centreByCode.load(assessment.centre.code)));
    return all.filter((_, index) => centres[index] && isInSubtree(actor, centres[index]!.regionPath));
  }

  @FieldResolver(() => [RatingObjection], { description: 'Staff only (administrators): objections lodged during the notice.' })
  async objections(@Root() cycle: RatingCycleView, @Ctx() context: Context): Promise<RatingObjection[]> {
    const actor = requireActor(context);
    assertRole(actor, [StaffRole.CITY_ADMIN, StaffRole.COUNTY_ADMIN, StaffRole.STREET_ADMIN], 'read objections');
    markPrivate(context);
    return context.em.find(RatingObjection, { cycle: cycle.id }, { orderBy: { id: 'asc' } });
  }

  @Mutation(() => RatingScheme, { description: "Creates or replaces a year's scheme (city administrators); refused once frozen." })
  saveRatingScheme(@Arg('input') input: RatingSchemeInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'saveRatingScheme', idempotencyKey, input }, async (em, actor) => {
      assertRole(actor, [StaffRole.CITY_ADMIN], 'change the rating scheme');
      const { scheme, before } = await saveRatingScheme(em, input);
      return {
        result: scheme,
        audit: { action: 'saveRatingScheme', targetType: 'RatingScheme', targetId: String(input.year), regionPath: actor.regionPath, before, after: await describeScheme(em, input.year) },
        purgeTags: [Tags.ratings],
      };
    });
  }

  @Mutation(() => RatingCycleView, { description: "Opens a county's cycle for a year (county or city administrators); freezes the year's scheme." })
  async openRatingCycle(@Arg('input') input: OpenCycleInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    const opened = await runStaffMutation(context, { name: 'openRatingCycle', idempotencyKey, input }, async (em, actor) => {
      const cycle = await openCycle(em, actor, input);
      return {
        result: cycle,
        audit: { action: 'openRatingCycle', targetType: 'RatingCycle', targetId: String(cycle.id), regionPath: cycle.region.path, after: cycle },
        purgeTags: [Tags.ratings],
      };
    });
    return cycleAfterWrite(context, opened.id);
  }

  @Mutation(() => RatingCycleView, { description: 'Moves a cycle to its next stage. The county moves it up to CITY_RATING; the city opens the notice and publishes.' })
  async advanceRatingCycle(
    @Arg('cycleId', () => ID) cycleId: string,
    @Arg('to', () => CycleStage) to: CycleStage,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ) {
    const advanced = await runStaffMutation(context, { name: 'advanceRatingCycle', idempotencyKey, input: { cycleId, to } }, async (em, actor) => {
      const { cycle, from, purgeTags } = await advanceCycle(em, actor, cycleId, to);
      return {
        result: cycle,
        audit: { action: 'advanceRatingCycle', targetType: 'RatingCycle', targetId: String(cycle.id), regionPath: cycle.region.path, before: { stage: from }, after: { stage: cycle.stage, noticeEndsOn: cycle.noticeEndsOn ?? null } },
        purgeTags,
      };
    });
    return cycleAfterWrite(context, advanced.id);
  }

  @Mutation(() => RatingCycleView, { description: "Lets an evaluator write a centre's county review (county or city administrators)." })
  async assignEvaluator(
    @Arg('cycleId', () => ID) cycleId: string,
    @Arg('centreCode') centreCode: string,
    @Arg('evaluatorEmail') evaluatorEmail: string,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ) {
    const written = await runStaffMutation(context, { name: 'assignEvaluator', idempotencyKey, input: { cycleId, centreCode, evaluatorEmail } }, async (em, actor) => {
      const cycle = await assignEvaluator(em, actor, cycleId, centreCode, evaluatorEmail);
      return {
        result: cycle,
        audit: { action: 'assignEvaluator', targetType: 'RatingCycle', targetId: String(cycle.id), regionPath: cycle.region.path, after: { centreCode, evaluatorEmail } },
        purgeTags: [],
      };
    });
    return cycleAfterWrite(context, written.id);
  }

  @Mutation(() => Assessment, { description: 'Submits a full assessment for one stage: SELF (centre staff), COUNTY (county administrators, assigned evaluators), CITY (city administrators).' })
  submitAssessment(@Arg('input') input: SubmitAssessmentInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'submitAssessment', idempotencyKey, input }, async (em, actor) => {
      const { assessment, before, regionPath } = await submitAssessment(em, actor, input);
      return {
        result: assessment,
        audit: {
          action: 'submitAssessment',
          targetType: 'Assessment',
          targetId: String(assessment.id),
          regionPath,
          before,
          after: { stage: assessment.stage, centreCode: input.centreCode, totalScore: assessment.totalScore, stars: assessment.stars, tier: assessment.tier, isVetoed: assessment.isVetoed },
        },
        purgeTags: [Tags.cycle(input.cycleId)],
      };
    });
  }

  @Mutation(() => Assessment, { description: "The city's final decision on a centre, with its reason (city administrators, CITY_RATING or PUBLIC_NOTICE)." })
  overrideRating(@Arg('input') input: OverrideRatingInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'overrideRating', idempotencyKey, input }, async (em, actor) => {
      const { assessment, before, regionPath } = await overrideRating(em, actor, input);
      return {
        result: assessment,
        audit: { action: 'overrideRating', targetType: 'Assessment', targetId: String(assessment.id), regionPath, before, after: { ...finalDecision(assessment), reason: assessment.overrideReason } },
        purgeTags: [Tags.cycle(input.cycleId)],
      };
    });
  }

  @Mutation(() => RatingObjection, { description: 'Records an objection (异议) against a noticed result, for whoever raised it. Staff of the centre or region; PUBLIC_NOTICE only.' })
  lodgeObjection(@Arg('input') input: LodgeObjectionInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'lodgeObjection', idempotencyKey, input }, async (em, actor) => {
      const { objection, regionPath } = await lodgeObjection(em, actor, input);
      return {
        result: objection,
        audit: { action: 'lodgeObjection', targetType: 'RatingObjection', targetId: String(objection.id), regionPath, after: { centreCode: input.centreCode, text: objection.text } },
        purgeTags: [],
      };
    });
  }

  @Mutation(() => RatingObjection, { description: 'Upholds or dismisses an objection (city administrators). An upheld one is usually followed by overrideRating.' })
  resolveObjection(
    @Arg('id', () => ID) id: string,
    @Arg('upheld') upheld: boolean,
    @Arg('resolution') resolution: string,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ) {
    return runStaffMutation(context, { name: 'resolveObjection', idempotencyKey, input: { id, upheld, resolution } }, async (em, actor) => {
      const objection = await resolveObjection(em, actor, id, upheld, resolution);
      return {
        result: objection,
        audit: { action: 'resolveObjection', targetType: 'RatingObjection', targetId: String(objection.id), regionPath: objection.cycle.region.path, before: { status: 'OPEN' }, after: { status: objection.status, resolution } },
        purgeTags: [],
      };
    });
  }
}

@Resolver(() => Assessment)
export class AssessmentResolver {
  @FieldResolver(() => CentreView)
  async centre(@Root() assessment: Assessment, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(assessment.centre.code))!;
  }

  @FieldResolver(() => [AssessmentScore])
  scores(@Root() assessment: Assessment, @Ctx() { loaders }: Context): Promise<AssessmentScore[]> {
    return loaders.scoresByAssessmentId.load(assessment.id);
  }

  @FieldResolver(() => [IndicatorDeviation], { description: "Per indicator, this stage's score against the centre's self-assessment (empty for SELF)." })
  async deviations(@Root() assessment: Assessment, @Ctx() { loaders }: Context): Promise<IndicatorDeviation[]> {
    if (assessment.stage === AssessmentStage.SELF) return [];
    const self = (await loaders.assessmentsByCycleId.load(assessment.cycle.id)).find((candidate) => candidate.centre.code === assessment.centre.code && candidate.stage === AssessmentStage.SELF);
    const [own, selfScores] = await Promise.all([loaders.scoresByAssessmentId.load(assessment.id), self ? loaders.scoresByAssessmentId.load(self.id) : []]);
    const indicators = await loaders.indicatorById.loadMany(own.map((score) => score.indicator.id));
    return own.map((score, index) => {
      const selfScore = selfScores.find((candidate) => candidate.indicator.id === score.indicator.id)?.score ?? null;
      const value = score.score ?? null;
      return { indicator: indicators[index] as RatingIndicatorView, selfScore, score: value, difference: value === null || selfScore === null ? null : Math.round((value - selfScore) * 100) / 100 };
    });
  }
}

@Resolver(() => AssessmentScore)
export class AssessmentScoreResolver {
  @FieldResolver(() => RatingIndicatorView)
  async indicator(@Root() score: AssessmentScore, @Ctx() { loaders }: Context): Promise<RatingIndicatorView> {
    return (await loaders.indicatorById.load(score.indicator.id))!;
  }
}

@Resolver(() => RatingScheme)
export class RatingSchemeIndicatorsResolver {
  @Query(() => RatingScheme, { nullable: true, description: "A work year's rating scheme: dimensions, indicators, thresholds." })
  ratingScheme(@Arg('year', () => Int) year: number, @Ctx() { loaders }: Context): Promise<RatingScheme | null> {
    return loaders.schemeByYear.load(year);
  }

  @FieldResolver(() => [RatingIndicatorView], { description: 'Every indicator, in dimension order.' })
  indicators(@Root() scheme: RatingScheme, @Ctx() { loaders }: Context): Promise<RatingIndicatorView[]> {
    return loaders.indicatorsByYear.load(scheme.year);
  }
}
