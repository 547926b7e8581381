import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidateNested } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { StaffRole } from '../../auth/actor';
import { assertMayManageCentre, forbidden, requireActor } from '../../auth/authorize';
import { runStaffMutation } from '../../auth/staff-mutation';
import { Tags } from '../../cache/cache-tags';
import { markPrivate } from '../../cache/cache.plugin';
import type { Context } from '../../context';
import { offsetAfter, PageArgs, selectsTotalCount, toConnection } from '../../shared/pagination';
import { AllianceUnitView } from '../alliance/alliance.view';
import { assertStaffMayRead } from '../centre-records/record-access';
import type { RecordPlace } from '../centre-records/record-place';
import { IDEMPOTENCY } from '../centre-records/record-write';
import { CentreView } from '../centre/centre.view';
import type { StaffActing } from '../service-order/service-order.service';
import { VolunteerTeamView } from '../volunteer/volunteer.view';
import type { Report } from './report.entity';
import { AcceptReportInput, AdvanceReportInput, CentreReportFilterInput, ReportBackInput, ReportFilterInput } from './report.inputs';
import { reportList } from './report.loaders';
import { acceptReport, advanceReport, reportBack } from './report.service';
import { ReportConnection, ReportEventView, ReportHandlerView, ReportPhotoView, ReportView } from './report.view';

@ArgsType()
class ReportListArgs extends PageArgs {
  @Field(() => ReportFilterInput, { nullable: true })
  @ValidateNested()
  filter?: ReportFilterInput;
}

@ArgsType()
class CentreReportArgs extends PageArgs {
  @Field(() => CentreReportFilterInput, { nullable: true })
  @ValidateNested()
  filter?: CentreReportFilterInput;
}

/** Staff reads and writes of reports: contacts and private kinds included, so every answer is private. */
@Resolver(() => ReportView)
export class ReportResolver {
  @Query(() => ReportConnection, { description: 'Staff only: reports to the centres the caller manages, every kind, hidden ones included, newest first.' })
  async reports(@Args(() => ReportListArgs) { filter, first, after }: ReportListArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    const actor = requireActor(context);
    markPrivate(context);
    if (actor.role === StaffRole.EVALUATOR) throw forbidden(actor, 'read reports');
    let place: RecordPlace = { scopePath: context.read.scope?.path };
    if (filter?.centreCode) {
      await assertStaffMayRead(context, filter.centreCode);
      place = { ...place, centreCode: filter.centreCode };
    } else {
      place = actor.role === StaffRole.CENTRE_STAFF ? { ...place, centreCode: actor.centreCode } : { ...place, regionPath: actor.regionPath };
    }
    return toConnection(await reportList.page(context.read, place, filter, { first, offset: offsetAfter(after) }, selectsTotalCount(info)));
  }

  @FieldResolver(() => CentreView)
  async centre(@Root() report: ReportView, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(report.centreCode))!;
  }

  @FieldResolver(() => ReportView, { nullable: true, description: 'The original this report repeats (DUPLICATE); it is kept.' })
  duplicateOf(@Root() report: ReportView, @Ctx() { loaders }: Context) {
    return report.duplicateOfId ? loaders.reportRecords.byId.load(report.duplicateOfId) : null;
  }

  @FieldResolver(() => [ReportEventView], { description: 'Every step, oldest first, internal entries included.' })
  timeline(@Root() report: ReportView, @Ctx() { loaders }: Context): Promise<ReportEventView[]> {
    return loaders.reportEvents.load(report.id);
  }

  @FieldResolver(() => [ReportHandlerView], { description: 'The handlers of a 跟踪 or 联办 case, the lead among them.' })
  handlers(@Root() report: ReportView, @Ctx() { loaders }: Context): Promise<ReportHandlerView[]> {
    return loaders.reportHandlers.load(report.id);
  }

  @FieldResolver(() => [ReportPhotoView], { description: 'Every photo, private kinds included (staff only).' })
  photos(@Root() report: ReportView, @Ctx() { loaders }: Context): Promise<ReportPhotoView[]> {
    return loaders.reportPhotos.load(report.id);
  }

  @Mutation(() => ReportView, {
    description: '受理: accepts a SUBMITTED report as 即办 (closed on the spot with its result), 跟踪 or 联办 (handlers, one lead); sets the due date.',
  })
  acceptReport(@Arg('input') input: AcceptReportInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeReport(context, 'acceptReport', idempotencyKey, input, (em, acting) => acceptReport(em, input, acting));
  }

  @Mutation(() => ReportView, { description: '反馈: a handler reports back; for 联办 only the lead’s report gives the feedback (FEEDBACK_GIVEN).' })
  reportBack(@Arg('input') input: ReportBackInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeReport(context, 'reportBack', idempotencyKey, input, (em, acting) => reportBack(em, input, acting));
  }

  @Mutation(() => ReportView, { description: 'A staff step: START, CLOSE, REJECT, MARK_DUPLICATE, HIDE, UNHIDE, REOPEN. CONFLICT when the report’s status does not allow it.' })
  advanceReport(@Arg('input') input: AdvanceReportInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY) idempotencyKey: string | null, @Ctx() context: Context) {
    return writeReport(context, 'advanceReport', idempotencyKey, input, (em, acting) => advanceReport(em, input, acting));
  }
}

/** Every staff write: the caller must manage the centre; the audit keeps status and case, never the contact; public lists of the centre are purged. */
async function writeReport(
  context: Context,
  name: string,
  idempotencyKey: string | null,
  input: unknown,
  work: (em: EntityManager, acting: StaffActing) => Promise<Report>,
): Promise<ReportView> {
  const report = await runStaffMutation(context, { name, idempotencyKey, input }, async (em, actor) => {
    const written = await work(em, { accountId: actor.accountId, guard: (centre) => assertMayManageCentre(actor, centre) });
    return {
      result: written,
      audit: {
        action: name,
        targetType: 'Report',
        targetId: written.id,
        regionPath: written.centre.region.path,
        after: { status: written.status, caseMode: written.caseMode ?? null, isHidden: written.isHidden, dueOn: written.dueOn ?? null },
      },
      purgeTags: [Tags.centre(written.centre.code), Tags.operationalLists],
    };
  });
  return (await reportList.readOne(context.read, report.id))!;
}

@Resolver(() => CentreView)
export class CentreReportsResolver {
  @FieldResolver(() => ReportConnection, { description: 'Staff only (the centre’s staff and administrators of its region): every report to the centre, newest first.' })
  async reports(@Root() centre: CentreView, @Args(() => CentreReportArgs) { filter, first, after }: CentreReportArgs, @Ctx() context: Context) {
    await assertStaffMayRead(context, centre.code);
    return toConnection(await context.loaders.reportRecords.pagesByCentre(filter, first, offsetAfter(after)).load(centre.code));
  }
}

@Resolver(() => ReportHandlerView)
export class ReportHandlerResolver {
  @FieldResolver(() => AllianceUnitView, { nullable: true })
  unit(@Root() handler: ReportHandlerView, @Ctx() { loaders }: Context) {
    return handler.unitId ? loaders.unitById.load(handler.unitId) : null;
  }

  @FieldResolver(() => VolunteerTeamView, { nullable: true })
  team(@Root() handler: ReportHandlerView, @Ctx() { loaders }: Context) {
    return handler.teamId ? loaders.teamRecords.byId.load(handler.teamId) : null;
  }
}

@Resolver(() => ReportPhotoView)
export class ReportPhotoResolver {
  @FieldResolver(() => String, { description: 'GET it: public kinds to anyone once listed; private ones with the report’s token (X-Report-Token) or as staff.' })
  url(@Root() photo: ReportPhotoView, @Ctx() { publicUrl }: Context): string {
    return `${publicUrl}/reports/photos/${photo.id}`;
  }
}
