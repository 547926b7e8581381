import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { StaffRole } from '../../auth/actor';
import { assertRole, isInSubtree, requireActor } from '../../auth/authorize';
import { runStaffMutation } from '../../auth/staff-mutation';
import { Tags } from '../../cache/cache-tags';
import { markPrivate } from '../../cache/cache.plugin';
import type { Context } from '../../context';
import { CentreView } from '../centre/centre.view';
import { AssessmentStage } from './assessment.entity';
import { assignedCentreCodes, findAssessmentView, findObjectionView, objectionsOfCycle } from './assessment.loaders';
import { submitAssessment } from './assessment.service';
import { AssessmentScoreView, AssessmentView, RatingObjectionView } from './assessment.view';
import { LodgeObjectionInput, OverrideRatingInput, SubmitAssessmentInput } from './rating-cycle.inputs';
import { finalDecision, lodgeObjection, overrideRating, resolveObjection } from './rating-cycle.service';
import { IndicatorDeviation } from './rating-cycle.types';
import { RatingCycleView } from './rating-cycle.view';
import { RatingIndicatorView } from './rating-indicator.view';

const IDEMPOTENCY = { nullable: true, description: 'A retry with the same key returns the first result instead of writing twice.' } as const;

/** The answers to writes: what was written, read back like any other view. */
async function assessmentAfterWrite(context: Context, id: number): Promise<AssessmentView> {
  return (await findAssessmentView(context.read, id))!;
}

async function objectionAfterWrite(context: Context, id: number): Promise<RatingObjectionView> {
  return (await findObjectionView(context.read, id))!;
}

/** A cycle's assessments and objections, and the writes that make them: staff only. */
@Resolver(() => RatingCycleView)
export class CycleAssessmentResolver {
  @FieldResolver(() => [AssessmentView], { description: "Staff only: the assessments the signed-in account may see (its region's; an evaluator's assigned centres)." })
  async assessments(
    @Root() cycle: RatingCycleView,
    @Arg('centreCode', () => String, { nullable: true }) centreCode: string | null,
    @Arg('stage', () => AssessmentStage, { nullable: true }) stage: AssessmentStage | null,
    @Ctx() context: Context,
  ): Promise<AssessmentView[]> {
    const actor = requireActor(context);
    markPrivate(context);
    const all = (await context.loaders.assessmentsByCycleId.load(cycle.id)).filter(
      (assessment) => (!centreCode || assessment.centreCode === centreCode) && (!stage || assessment.stage === stage),
    );
    if (actor.role === StaffRole.EVALUATOR) {
      const codes = await assignedCentreCodes(context.read, cycle.id, actor.accountId);
      return all.filter((assessment) => codes.has(assessment.centreCode));
    }
    if (actor.role === StaffRole.CENTRE_STAFF) return all.filter((assessment) => assessment.centreCode === actor.centreCode);
    const centres = await Promise.all(all.map((assessment) => context.loaders.centreByCode.load(assessment.centreCode)));
    return all.filter((_, index) => centres[index] && isInSubtree(actor, centres[index]!.regionPath));
  }

  @FieldResolver(() => [RatingObjectionView], { description: 'Staff only (administrators): objections lodged during the notice.' })
  async objections(@Root() cycle: RatingCycleView, @Ctx() context: Context): Promise<RatingObjectionView[]> {
    const actor = requireActor(context);
    assertRole(actor, [StaffRole.CITY_ADMIN, StaffRole.COUNTY_ADMIN, StaffRole.STREET_ADMIN], 'read objections');
    markPrivate(context);
    return objectionsOfCycle(context.read, cycle.id);
  }

  @Mutation(() => AssessmentView, {
    description: 'Submits a full assessment for one stage: SELF (centre staff), COUNTY (county administrators, assigned evaluators), CITY (city administrators).',
  })
  async submitAssessment(@Arg('input') input: SubmitAssessmentInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    const submitted = await runStaffMutation(context, { name: 'submitAssessment', idempotencyKey, input }, async (em, actor) => {
      const { assessment, before, regionPath } = await submitAssessment(em, actor, input);
      return {
        result: assessment,
        audit: {
          action: 'submitAssessment',
          targetType: 'Assessment',
          targetId: String(assessment.id),
          regionPath,
          before,
          after: {
            stage: assessment.stage,
            centreCode: input.centreCode,
            totalScore: assessment.totalScore,
            stars: assessment.stars,
            tier: assessment.tier,
            isVetoed: assessment.isVetoed,
          },
        },
        purgeTags: [Tags.cycle(input.cycleId)],
      };
    });
    return assessmentAfterWrite(context, submitted.id);
  }

  @Mutation(() => AssessmentView, { description: "The city's final decision on a centre, with its reason (city administrators, CITY_RATING or PUBLIC_NOTICE)." })
  async overrideRating(@Arg('input') input: OverrideRatingInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    const overridden = await runStaffMutation(context, { name: 'overrideRating', idempotencyKey, input }, async (em, actor) => {
      const { assessment, before, regionPath } = await overrideRating(em, actor, input);
      return {
        result: assessment,
        audit: {
          action: 'overrideRating',
          targetType: 'Assessment',
          targetId: String(assessment.id),
          regionPath,
          before,
          after: { ...finalDecision(assessment), reason: assessment.overrideReason },
        },
        purgeTags: [Tags.cycle(input.cycleId)],
      };
    });
    return assessmentAfterWrite(context, overridden.id);
  }

  @Mutation(() => RatingObjectionView, {
    description: 'Records an objection (异议) against a noticed result, for whoever raised it. Staff of the centre or region; PUBLIC_NOTICE only.',
  })
  async lodgeObjection(@Arg('input') input: LodgeObjectionInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    const lodged = await runStaffMutation(context, { name: 'lodgeObjection', idempotencyKey, input }, async (em, actor) => {
      const { objection, regionPath } = await lodgeObjection(em, actor, input);
      return {
        result: objection,
        audit: {
          action: 'lodgeObjection',
          targetType: 'RatingObjection',
          targetId: String(objection.id),
          regionPath,
          after: { centreCode: input.centreCode, text: objection.text },
        },
        purgeTags: [],
      };
    });
    return objectionAfterWrite(context, lodged.id);
  }

  @Mutation(() => RatingObjectionView, { description: 'Upholds or dismisses an objection (city administrators). An upheld one is usually followed by overrideRating.' })
  async resolveObjection(
    @Arg('id', () => ID) id: string,
    @Arg('upheld') upheld: boolean,
    @Arg('resolution') resolution: string,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ) {
    const resolved = await runStaffMutation(context, { name: 'resolveObjection', idempotencyKey, input: { id, upheld, resolution } }, async (em, actor) => {
      const objection = await resolveObjection(em, actor, id, upheld, resolution);
      return {
        result: objection,
        audit: {
          action: 'resolveObjection',
          targetType: 'RatingObjection',
          targetId: String(objection.id),
          regionPath: objection.cycle.region.path,
          before: { status: 'OPEN' },
          after: { status: objection.status, resolution },
        },
        purgeTags: [],
      };
    });
    return objectionAfterWrite(context, resolved.id);
  }
}

@Resolver(() => AssessmentView)
export class AssessmentResolver {
  @FieldResolver(() => CentreView)
  async centre(@Root() assessment: AssessmentView, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(assessment.centreCode))!;
  }

  @FieldResolver(() => [AssessmentScoreView])
  scores(@Root() assessment: AssessmentView, @Ctx() { loaders }: Context): Promise<AssessmentScoreView[]> {
    return loaders.scoresByAssessmentId.load(assessment.id);
  }

  @FieldResolver(() => [IndicatorDeviation], { description: "Per indicator, this stage's score against the centre's self-assessment (empty for SELF)." })
  async deviations(@Root() assessment: AssessmentView, @Ctx() { loaders }: Context): Promise<IndicatorDeviation[]> {
    if (assessment.stage === AssessmentStage.SELF) return [];
    const self = (await loaders.assessmentsByCycleId.load(assessment.cycleId)).find(
      (candidate) => candidate.centreCode === assessment.centreCode && candidate.stage === AssessmentStage.SELF,
    );
    const [own, selfScores] = await Promise.all([loaders.scoresByAssessmentId.load(assessment.id), self ? loaders.scoresByAssessmentId.load(self.id) : []]);
    const indicators = await loaders.indicatorById.loadMany(own.map((score) => score.indicatorId));
    return own.map((score, index) => {
      const selfScore = selfScores.find((candidate) => candidate.indicatorId === score.indicatorId)?.score ?? null;
      const value = score.score ?? null;
      return {
        indicator: indicators[index] as RatingIndicatorView,
        selfScore,
        score: value,
        difference: value === null || selfScore === null ? null : Math.round((value - selfScore) * 100) / 100,
      };
    });
  }
}

@Resolver(() => AssessmentScoreView)
export class AssessmentScoreResolver {
  @FieldResolver(() => RatingIndicatorView)
  async indicator(@Root() score: AssessmentScoreView, @Ctx() { loaders }: Context): Promise<RatingIndicatorView> {
    return (await loaders.indicatorById.load(score.indicatorId))!;
  }
}
