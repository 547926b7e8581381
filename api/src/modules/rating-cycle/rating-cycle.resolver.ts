import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { StaffRole } from '../../auth/actor';
import { assertRole } from '../../auth/authorize';
import { runStaffMutation } from '../../auth/staff-mutation';
import { Tags } from '../../cache/cache-tags';
import type { Context } from '../../context';
import { RatingSchemeView } from '../rating/rating-scheme.view';
import { RegionView } from '../region/region.view';
import { CycleStage, STAGE_ORDER } from './rating-cycle.entity';
import { OpenCycleInput, RatingSchemeInput } from './rating-cycle.inputs';
import { advanceCycle, assignEvaluator, finalDecision, findCycleView, openCycle } from './rating-cycle.service';
import { NoticeEntry } from './rating-cycle.types';
import { RatingCycleView } from './rating-cycle.view';
import { RatingIndicatorView } from './rating-indicator.view';
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

  @Mutation(() => RatingSchemeView, { description: "Creates or replaces a year's scheme (city administrators); refused once frozen." })
  saveRatingScheme(@Arg('input') input: RatingSchemeInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return runStaffMutation(context, { name: 'saveRatingScheme', idempotencyKey, input }, async (em, actor) => {
      assertRole(actor, [StaffRole.CITY_ADMIN], 'change the rating scheme');
      const { scheme, before } = await saveRatingScheme(em, input);
      return {
        result: scheme,
        audit: {
          action: 'saveRatingScheme',
          targetType: 'RatingScheme',
          targetId: String(input.year),
          regionPath: actor.regionPath,
          before,
          after: await describeScheme(em, input.year),
        },
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
        audit: {
          action: 'advanceRatingCycle',
          targetType: 'RatingCycle',
          targetId: String(cycle.id),
          regionPath: cycle.region.path,
          before: { stage: from },
          after: { stage: cycle.stage, noticeEndsOn: cycle.noticeEndsOn ?? null },
        },
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
}

@Resolver(() => RatingSchemeView)
export class RatingSchemeIndicatorsResolver {
  @Query(() => RatingSchemeView, { nullable: true, description: "A work year's rating scheme: dimensions, indicators, thresholds." })
  ratingScheme(@Arg('year', () => Int) year: number, @Ctx() { loaders }: Context): Promise<RatingSchemeView | null> {
    return loaders.schemeByYear.load(year);
  }

  @FieldResolver(() => [RatingIndicatorView], { description: 'Every indicator, in dimension order.' })
  indicators(@Root() scheme: RatingSchemeView, @Ctx() { loaders }: Context): Promise<RatingIndicatorView[]> {
    return loaders.indicatorsByYear.load(scheme.year);
  }
}
