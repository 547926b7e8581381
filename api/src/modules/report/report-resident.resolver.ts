import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Tags } from '../../cache/cache-tags';
import { markPrivate } from '../../cache/cache.plugin';
import type { Context } from '../../context';
import { spendResidentSubmission } from '../../shared/resident-submission';
import { centreRecordResolvers, type ResolverClasses } from '../centre-records/record-resolvers';
import { CentreView } from '../centre/centre.view';
import { confirmReport, reportTokenHash, submitReport } from './report-resident.service';
import { ConfirmReportInput, PublicReportFilterInput, SubmitReportInput } from './report.inputs';
import { publicReportList, readResidentReport, type PublicReportFilter } from './report.loaders';
import { isPublicKind } from './report.types';
import { PublicReportConnection, PublicReportView, ReportEventView, ReportPhotoView, ResidentReportView, SubmittedReportView } from './report.view';

const TOKEN = { description: 'The residentToken submitReport answered (rpt_…).' } as const;

/** `publicReports(regionCode, centreCode, filter, first, after)`, `Centre.publicReports`, `PublicReport.centre`: cached, purged by every staff write. */
export const publicReportResolvers: ResolverClasses = centreRecordResolvers<PublicReportView, PublicReportFilter>({
  field: 'publicReports',
  list: publicReportList,
  view: PublicReportView,
  connection: PublicReportConnection,
  filter: PublicReportFilterInput,
  loaders: ({ loaders }) => loaders.publicReportRecords,
  description: {
    root: '随手拍 as the public sees it: hazards, lost property and mutual help that centres accepted and did not hide, newest first. Never disputes, case leads or household information; never contacts.',
    centre: 'The centre’s public reports (public kinds, accepted, not hidden), newest first.',
  },
});

@Resolver(() => PublicReportView)
export class PublicReportResolver {
  @FieldResolver(() => [ReportPhotoView], { description: 'Its photos (public kinds only; metadata stripped).' })
  async photos(@Root() report: PublicReportView, @Ctx() { loaders }: Context): Promise<ReportPhotoView[]> {
    return isPublicKind(report.kind) ? loaders.reportPhotos.load(report.id) : [];
  }
}

/** What residents do without signing in: submit (rate-limited, idempotent) and, with the token, follow, confirm and rate. Never cached. */
@Resolver(() => ResidentReportView)
export class ResidentReportResolver {
  @Mutation(() => SubmittedReportView, {
    description:
      '随手拍: a resident reports to a centre, no sign-in. Answers the report and its residentToken (shown once; a replay with the same idempotencyKey and input answers both again). Limited per address and per contact phone (RATE_LIMITED). Photos: POST /reports/{id}/photos with the token.',
  })
  async submitReport(
    @Arg('input') input: SubmitReportInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A fresh random value (a UUID) per report: a double tap then makes one report.' })
    idempotencyKey: string | null,
    @Ctx() context: Context,
  ): Promise<SubmittedReportView> {
    markPrivate(context);
    // The budgets are spent before anything is read or written: a flood costs the database nothing.
    await spendResidentSubmission(context.limiter, context.orderSubmissions, { bucket: 'report-submit', noun: 'reports' }, context.client.address, input.contactPhone);
    const { reportId, token } = await submitReport(context.em, input, idempotencyKey ?? undefined, context.scope);
    return { report: (await readResidentReport(context.read, { id: reportId }))!, residentToken: token };
  }

  @Query(() => ResidentReportView, { nullable: true, description: 'The resident’s own report and its public timeline, by its token; null for an unknown token.' })
  async reportByToken(@Arg('token', TOKEN) token: string, @Ctx() context: Context): Promise<ResidentReportView | null> {
    markPrivate(context);
    const tokenHash = reportTokenHash(token);
    return tokenHash ? readResidentReport(context.read, { tokenHash }) : null;
  }

  @Mutation(() => ResidentReportView, { description: 'The resident confirms the result (closing the case) and rates it, once: 满意 / 基本满意 / 不满意, 1–5, a comment.' })
  async confirmReport(@Arg('token', TOKEN) token: string, @Arg('input') input: ConfirmReportInput, @Ctx() context: Context): Promise<ResidentReportView> {
    markPrivate(context);
    const { id, centreCode } = await confirmReport(context.em, token, input);
    // Closing may change what the public list shows of it.
    await context.purge([Tags.centre(centreCode)]);
    return (await readResidentReport(context.read, { id }))!;
  }

  @FieldResolver(() => CentreView)
  async centre(@Root() report: ResidentReportView, @Ctx() { loaders }: Context): Promise<CentreView> {
    return (await loaders.centreByCode.load(report.centreCode))!;
  }

  @FieldResolver(() => [ReportEventView], { description: 'The public steps, oldest first.' })
  async timeline(@Root() report: ResidentReportView, @Ctx() { loaders }: Context): Promise<ReportEventView[]> {
    return (await loaders.reportEvents.load(report.id)).filter((event) => event.isPublic);
  }

  @FieldResolver(() => [ReportPhotoView], { description: 'The photos the resident sent.' })
  photos(@Root() report: ResidentReportView, @Ctx() { loaders }: Context): Promise<ReportPhotoView[]> {
    return loaders.reportPhotos.load(report.id);
  }
}
