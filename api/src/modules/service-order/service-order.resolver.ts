import { ValidateNested } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { StaffRole } from '../../auth/actor';
import { assertMayManageCentre, forbidden, requireActor } from '../../auth/authorize';
import { runStaffMutation } from '../../auth/staff-mutation';
import { markPrivate } from '../../cache/cache.plugin';
import type { Context } from '../../context';
import type { EntityManager } from '@mikro-orm/postgresql';
import { offsetAfter, PageArgs, selectsTotalCount, toConnection } from '../../shared/pagination';
import { AllianceUnitView } from '../alliance/alliance.view';
import { assertStaffMayRead } from '../centre-records/record-access';
import type { RecordPlace } from '../centre-records/record-place';
import { IDEMPOTENCY } from '../centre-records/record-write';
import { CentreView } from '../centre/centre.view';
import { ResourceView } from '../resources/resource.view';
import { VolunteerTeamView } from '../volunteer/volunteer.view';
import type { ServiceOrder } from './service-order.entity';
import { AdvanceServiceOrderInput, CentreServiceOrderFilterInput, DispatchServiceOrderInput, ServiceOrderFilterInput } from './service-order.inputs';
import { orderList } from './service-order.loaders';
import { advanceOrder, dispatchOrder, respondToDispatch, type StaffActing } from './service-order.service';
import { ServiceOrderConnection, ServiceOrderDispatchView, ServiceOrderEventView, ServiceOrderView } from './service-order.view';

@ArgsType()
class ServiceOrderListArgs extends PageArgs {
  @Field(() => ServiceOrderFilterInput, { nullable: true })
  @ValidateNested()
  filter?: ServiceOrderFilterInput;
}

@ArgsType()
class CentreServiceOrderArgs extends PageArgs {
  @Field(() => CentreServiceOrderFilterInput, { nullable: true })
  @ValidateNested()
  filter?: CentreServiceOrderFilterInput;
}

/** Staff reads and writes of orders: contacts included, so every answer is private. */
@Resolver(() => ServiceOrderView)
export class ServiceOrderResolver {
  @Query(() => ServiceOrderConnection, {
    description: 'Staff only: service orders of the centres the caller manages (centre staff: their centre; administrators: their region), newest first.',
  })
  async serviceOrders(@Args(() => ServiceOrderListArgs) { filter, first, after }: ServiceOrderListArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const actor = requireActor(context);
    markPrivate(context);
    if (actor.role === StaffRole.EVALUATOR) throw forbidden(actor, 'read service orders');
    let place: RecordPlace = { scopePath: context.read.scope?.path };
    if (filter?.centreCode) {
      await assertStaffMayRead(context, filter.centreCode);
      place = { ...place, centreCode: filter.centreCode };
    } else {
      place = actor.role === StaffRole.CENTRE_STAFF ? { ...place, centreCode: actor.centreCode } : { ...place, regionPath: actor.regionPath };
    }
    return toConnection(await orderList.page(context.read, place, filter, { first, offset: offsetAfter(after) }, selectsTotalCount(info)));
  }

  @FieldResolver(() => CentreView)
  async centre(@Root() order: ServiceOrderView, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(order.centreCode))!;
  }

  @FieldResolver(() => ResourceView, { nullable: true, description: 'The resource the resident asked for, if any.' })
  resource(@Root() order: ServiceOrderView, @Ctx() { loaders }: Context) {
    return order.resourceId ? loaders.resourceRecords.byId.load(order.resourceId) : null;
  }

  @FieldResolver(() => ServiceOrderView, { nullable: true, description: 'The order this one repeats (DUPLICATE).' })
  duplicateOf(@Root() order: ServiceOrderView, @Ctx() { loaders }: Context) {
    return order.duplicateOfId ? loaders.orderRecords.byId.load(order.duplicateOfId) : null;
  }

  @FieldResolver(() => [ServiceOrderEventView], { description: 'Every step, oldest first, internal entries included.' })
  timeline(@Root() order: ServiceOrderView, @Ctx() { loaders }: Context): Promise<ServiceOrderEventView[]> {
    return loaders.orderEvents.load(order.id);
  }

  @FieldResolver(() => [ServiceOrderDispatchView], { description: 'Offers to providers (派单) and their answers, oldest first.' })
  dispatches(@Root() order: ServiceOrderView, @Ctx() { loaders }: Context): Promise<ServiceOrderDispatchView[]> {
    return loaders.orderDispatches.load(order.id);
  }

  @Mutation(() => ServiceOrderView, {
    description: 'A staff step of the order loop (ACCEPT sets the due date; REJECT, REOPEN and CANCEL need a reason). CONFLICT when the order’s status does not allow it.',
  })
  advanceServiceOrder(@Arg('input') input: AdvanceServiceOrderInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeOrder(context, 'advanceServiceOrder', idempotencyKey, input, (em, acting) => advanceOrder(em, input, acting));
  }

  @Mutation(() => ServiceOrderView, { description: '派单: offers an ACCEPTED order to alliance units and volunteer teams of its centre, one of them the lead.' })
  dispatchServiceOrder(@Arg('input') input: DispatchServiceOrderInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeOrder(context, 'dispatchServiceOrder', idempotencyKey, input, (em, acting) => dispatchOrder(em, input, acting));
  }

  @Mutation(() => ServiceOrderView, {
    description:
      'Records a provider’s answer to its offer (providers have no accounts): the first acceptance (接单) wins the order and leads it; a later one is a CONFLICT. A decline needs a reason.',
  })
  respondToDispatch(
    @Arg('dispatchId', () => ID) dispatchId: string,
    @Arg('accept') accept: boolean,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null,
    @Ctx() context: Context,
  ) {
    const input = { dispatchId, accept, reason: reason ?? undefined };
    return writeOrder(context, 'respondToDispatch', idempotencyKey, input, (em, acting) => respondToDispatch(em, input, acting));
  }
}

/**
 * Every staff write to an order: the caller must manage its centre; the audit keeps the status
 * and due date, never the contact. Nothing public shows orders yet, so there is nothing to purge.
 */
async function writeOrder(
  context: Context,
  name: string,
  idempotencyKey: string | null,
  input: unknown,
  work: (em: EntityManager, acting: StaffActing) => Promise<ServiceOrder>,
): Promise<ServiceOrderView> {
  const order = await runStaffMutation(context, { name, idempotencyKey, input }, async (em, actor) => {
    const written = await work(em, { accountId: actor.accountId, guard: (centre) => assertMayManageCentre(actor, centre) });
    return {
      result: written,
      audit: {
        action: name,
        targetType: 'ServiceOrder',
        targetId: written.id,
        regionPath: written.centre.region.path,
        after: { status: written.status, dueOn: written.dueOn ?? null },
      },
      purgeTags: [],
    };
  });
  return (await orderList.readOne(context.read, order.id))!;
}

@Resolver(() => CentreView)
export class CentreServiceOrdersResolver {
  @FieldResolver(() => ServiceOrderConnection, { description: 'Staff only (the centre’s staff and administrators of its region): the centre’s service orders, newest first.' })
  async serviceOrders(@Root() centre: CentreView, @Args(() => CentreServiceOrderArgs) { filter, first, after }: CentreServiceOrderArgs, @Ctx() context: Context) {
    await assertStaffMayRead(context, centre.code);
    return toConnection(await context.loaders.orderRecords.pagesByCentre(filter, first, offsetAfter(after)).load(centre.code));
  }
}

@Resolver(() => ServiceOrderDispatchView)
export class ServiceOrderDispatchResolver {
  @FieldResolver(() => AllianceUnitView, { nullable: true })
  unit(@Root() dispatch: ServiceOrderDispatchView, @Ctx() { loaders }: Context) {
    return dispatch.unitId ? loaders.unitById.load(dispatch.unitId) : null;
  }

  @FieldResolver(() => VolunteerTeamView, { nullable: true })
  team(@Root() dispatch: ServiceOrderDispatchView, @Ctx() { loaders }: Context) {
    return dispatch.teamId ? loaders.teamRecords.byId.load(dispatch.teamId) : null;
  }
}
