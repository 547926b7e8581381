import type { Reader } from '../../db/read';
import { pgArray, toInstant } from '../../db/sql';
import { manyByKey } from '../../shared/loader';
import { defineCentreRecordList } from '../centre-records/record-list';
import { given, oneOf, sql } from '../centre-records/record-sql';
import type { LoaderDeps } from '../module';
import { Report } from './report.entity';
import { PUBLIC_KINDS, ReportStatus, type ReportKind } from './report.types';
import {
  EVENT_COLUMNS,
  HANDLER_COLUMNS,
  PHOTO_COLUMNS,
  PUBLIC_REPORT_COLUMNS,
  REPORT_COLUMNS,
  RESIDENT_REPORT_COLUMNS,
  reportView,
  type PublicReportView,
  type ReportEventView,
  type ReportHandlerView,
  type ReportPhotoView,
  type ReportView,
  type ResidentReportView,
} from './report.view';

export interface ReportFilter {
  status?: ReportStatus[];
  kind?: ReportKind[];
  isHidden?: boolean;
}

export interface PublicReportFilter {
  kind?: ReportKind[];
}

/** Reports as staff list them, newest first: every read is staff-only (the resolvers check the caller and mark the answer private). */
export const reportList = defineCentreRecordList<ReportView, ReportView, ReportFilter, Report>({
  entity: Report,
  targetType: 'Report',
  table: 'report',
  columns: REPORT_COLUMNS,
  filter: (filter) => [oneOf('e.status', given(filter.status)), oneOf('e.kind', given(filter.kind)), filter.isHidden == null ? undefined : sql('e.is_hidden = ?', filter.isHidden)],
  order: 'e.submitted_at desc, e.id desc',
  toView: reportView,
});

/** Statuses in which the centre has taken a report on: only these are ever public. */
export const PUBLIC_STATUSES = [ReportStatus.ACCEPTED, ReportStatus.IN_HANDLING, ReportStatus.FEEDBACK_GIVEN, ReportStatus.CLOSED];

/**
 * The public list: public kinds only (never disputes, case leads or household information),
 * accepted and not hidden, whatever the filter asks. Its columns have no contact at all.
 */
export const publicReportList = defineCentreRecordList<PublicReportView, PublicReportView, PublicReportFilter, Report>({
  entity: Report,
  targetType: 'Report',
  table: 'report',
  columns: PUBLIC_REPORT_COLUMNS,
  filter: (filter) => [oneOf('e.kind', PUBLIC_KINDS), oneOf('e.status', PUBLIC_STATUSES), sql('not e.is_hidden'), oneOf('e.kind', given(filter.kind))],
  order: 'e.submitted_at desc, e.id desc',
  toView: (row) => reportView(row),
});

/** The report a resident's token opens (by the token's SHA-256), without its contact. */
export async function readResidentReport(read: Reader, where: { id: string } | { tokenHash: string }): Promise<ResidentReportView | null> {
  const [column, value] = 'id' in where ? ['e.id', where.id] : ['e.token_hash', where.tokenHash];
  const [row] = await read.rows<ResidentReportView>(`select ${RESIDENT_REPORT_COLUMNS} from report e where ${column} = ?`, [value]);
  return row ? reportView(row) : null;
}

export function createReportLoaders(deps: LoaderDeps) {
  const { read, options } = deps;
  return {
    reportRecords: reportList.loaders(deps),
    publicReportRecords: publicReportList.loaders(deps),
    /** Each report's whole timeline, oldest first, one statement for a page; residents and the public get less of it. */
    reportEvents: manyByKey<string, ReportEventView>(
      async (ids) =>
        (await read.rows<ReportEventView>(`select ${EVENT_COLUMNS} from report_event v where v.report_id = any(?::text[]) order by v.at, v.id`, [pgArray(ids)])).map((row) => ({
          ...row,
          at: new Date(row.at),
        })),
      (event) => event.reportId,
      options,
    ),
    reportHandlers: manyByKey<string, ReportHandlerView>(
      async (ids) =>
        (await read.rows<ReportHandlerView>(`select ${HANDLER_COLUMNS} from report_handler h where h.report_id = any(?::text[]) order by h.position`, [pgArray(ids)])).map(
          (row) => ({
            ...row,
            reportedAt: toInstant(row.reportedAt),
          }),
        ),
      (handler) => handler.reportId,
      options,
    ),
    /** Photo records (never the bytes): callers decide who may see them (report.resolver.ts). */
    reportPhotos: manyByKey<string, ReportPhotoView>(
      async (ids) =>
        (await read.rows<ReportPhotoView>(`select ${PHOTO_COLUMNS} from report_photo p where p.report_id = any(?::text[]) order by p.created_at, p.id`, [pgArray(ids)])).map(
          (row) => ({
            ...row,
            createdAt: new Date(row.createdAt),
          }),
        ),
      (photo) => photo.reportId,
      options,
    ),
  };
}
