import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { markPrivate } from '../../cache/cache.plugin';
import type { Context } from '../../context';
import { CentreView } from '../centre/centre.view';
import { ResourceView } from '../resources/resource.view';
import { type ResidentStep, residentStep, spendSubmission, submitOrder, tokenHashOf } from './resident.service';
import { ReviewServiceOrderInput, SubmitServiceOrderInput } from './service-order.inputs';
import { readResidentOrder } from './service-order.loaders';
import { ServiceOrderAction as A } from './service-order.types';
import { ResidentServiceOrderView, ServiceOrderEventView, SubmittedServiceOrderView } from './service-order.view';

const TOKEN = { description: 'The residentToken submitServiceOrder answered (sor_…).' } as const;

/**
 * What residents do without signing in: submit (rate-limited, idempotent) and, with the order's
 * token, follow, cancel, confirm and review it. Answers are about one person: never cached.
 */
@Resolver(() => ResidentServiceOrderView)
export class ResidentServiceOrderResolver {
  @Mutation(() => SubmittedServiceOrderView, {
    description:
      '群众点单: a resident orders a service from a centre, no sign-in. Answers the order and its residentToken (shown once; a replay with the same idempotencyKey and input answers both again). Limited per address and per contact phone (RATE_LIMITED).',
  })
  async submitServiceOrder(
    @Arg('input') input: SubmitServiceOrderInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A fresh random value (a UUID) per order: a double tap then makes one order.' })
    idempotencyKey: string | null,
    @Ctx() context: Context,
  ): Promise<SubmittedServiceOrderView> {
    markPrivate(context);
    // The budgets are spent before anything is read or written: a flood costs the database nothing.
    await spendSubmission(context.limiter, context.orderSubmissions, context.client.address, input.contactPhone);
    const { orderId, token } = await submitOrder(context.em, input, idempotencyKey ?? undefined, context.scope);
    return { order: (await readResidentOrder(context.read, { id: orderId }))!, residentToken: token };
  }

  @Query(() => ResidentServiceOrderView, {
    nullable: true,
    description: 'The resident’s own order and its public timeline, by the token given at submission; null for an unknown token.',
  })
  async serviceOrderByToken(@Arg('token', TOKEN) token: string, @Ctx() context: Context): Promise<ResidentServiceOrderView | null> {
    markPrivate(context);
    const tokenHash = tokenHashOf(token);
    return tokenHash ? readResidentOrder(context.read, { tokenHash }) : null;
  }

  @Mutation(() => ResidentServiceOrderView, { description: 'The resident cancels the order (any time before it is completed).' })
  cancelServiceOrder(@Arg('token', TOKEN) token: string, @Arg('reason', () => String, { nullable: true }) reason: string | null, @Ctx() context: Context) {
    return step(context, token, { action: A.CANCEL, reason });
  }

  @Mutation(() => ResidentServiceOrderView, {
    description: 'The resident answers “done?” (AWAITING_CONFIRMATION): isDone true completes it (办结), false sends it back to IN_PROGRESS.',
  })
  confirmServiceOrder(
    @Arg('token', TOKEN) token: string,
    @Arg('isDone') isDone: boolean,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() context: Context,
  ) {
    return step(context, token, { action: isDone ? A.CONFIRM : A.NOT_DONE, note });
  }

  @Mutation(() => ResidentServiceOrderView, { description: '群众点评: the resident reviews a completed order (满意 / 基本满意 / 不满意, a score 1–5, a comment).' })
  reviewServiceOrder(@Arg('token', TOKEN) token: string, @Arg('input') input: ReviewServiceOrderInput, @Ctx() context: Context) {
    return step(context, token, { action: A.REVIEW, review: input });
  }

  @FieldResolver(() => CentreView)
  async centre(@Root() order: ResidentServiceOrderView, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(order.centreCode))!;
  }

  @FieldResolver(() => ResourceView, { nullable: true })
  resource(@Root() order: ResidentServiceOrderView, @Ctx() { loaders }: Context) {
    return order.resourceId ? loaders.resourceRecords.byId.load(order.resourceId) : null;
  }

  @FieldResolver(() => [ServiceOrderEventView], { description: 'The public steps, oldest first: internal entries (declines, staff notes) are left out.' })
  async timeline(@Root() order: ResidentServiceOrderView, @Ctx() { loaders }: Context): Promise<ServiceOrderEventView[]> {
    return (await loaders.orderEvents.load(order.id)).filter((event) => event.isPublic);
  }
}

async function step(context: Context, token: string, request: ResidentStep): Promise<ResidentServiceOrderView> {
  markPrivate(context);
  const id = await residentStep(context.em, token, request);
  return (await readResidentOrder(context.read, { id }))!;
}
