import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { assertStaffMayRead } from '../centre-records/record-access';
import { centreRecordResolvers, type ResolverClasses } from '../centre-records/record-resolvers';
import { IDEMPOTENCY, writeCentreRecord } from '../centre-records/record-write';
import { CreateNeedInput, DecideNeedInput, NeedFilterInput } from './need.inputs';
import { needList, type NeedFilter } from './need.loaders';
import { addNeedRequesters, createNeed, decideNeed, publishNeedDecision } from './need.service';
import { NeedConnection, NeedView, NeedWorkingState } from './need.view';

export const needListResolvers: ResolverClasses = centreRecordResolvers<NeedView, NeedFilter>({
  field: 'needs',
  list: needList,
  view: NeedView,
  connection: NeedConnection,
  filter: NeedFilterInput,
  loaders: ({ loaders }) => loaders.needRecords,
  description: { root: 'Needs lists (需求清单) across centres, newest first.', centre: 'The centre’s needs list (需求清单), newest first.' },
});

@Resolver(() => NeedView)
export class NeedResolver {
  @FieldResolver(() => NeedWorkingState, { description: 'Staff only (the centre’s staff and administrators of its region): the decision in progress and internal note.' })
  async workingState(@Root() need: NeedView, @Ctx() context: Context): Promise<NeedWorkingState> {
    await assertStaffMayRead(context, need.centreCode);
    return (await context.loaders.needWorkingStateById.load(need.id))!;
  }
}

@Resolver()
export class NeedMutationResolver {
  @Mutation(() => NeedView, { description: 'Adds a need to a centre’s needs list (centre staff, or administrators of its region).' })
  createNeed(@Arg('input') input: CreateNeedInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, needList, { name: 'createNeed', idempotencyKey, input, work: (em, guard) => createNeed(em, input, guard) });
  }

  @Mutation(() => NeedView, { description: '"Me too": more residents raise the same need.' })
  addNeedRequesters(
    @Arg('needId', () => ID) needId: string,
    @Arg('count', () => Int) count: number,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ) {
    return writeCentreRecord(context, needList, {
      name: 'addNeedRequesters',
      idempotencyKey,
      input: { needId, count },
      beforeId: needId,
      work: (em, guard) => addNeedRequesters(em, { needId, count }, guard),
    });
  }

  @Mutation(() => NeedView, { description: 'Moves a need along its workflow. Residents keep seeing the published status until publishNeedDecision.' })
  decideNeed(@Arg('input') input: DecideNeedInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    // A merge also changes the need it merges into; it is of the same centre, so the same tags cover it.
    return writeCentreRecord(context, needList, { name: 'decideNeed', idempotencyKey, input, beforeId: input.needId, work: (em, guard) => decideNeed(em, input, guard) });
  }

  @Mutation(() => NeedView, { description: 'Publishes the current decision and answer: from now on residents see them.' })
  publishNeedDecision(@Arg('needId', () => ID) needId: string, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeCentreRecord(context, needList, {
      name: 'publishNeedDecision',
      idempotencyKey,
      input: { needId },
      beforeId: needId,
      work: (em, guard) => publishNeedDecision(em, { needId }, guard),
    });
  }
}
