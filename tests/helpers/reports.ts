import { readFileSync } from 'node:fs';
import path from 'node:path';
import { newPhone, ORDER_CENTRE } from './service-orders';
import { staffOperation } from './staff';
import type { TestApp } from './test-app';

export { dataOf, newPhone } from './service-orders';

/** 红塔区高龙潭社区: the centre tests write to (gaolongtan@example.com keeps it). */
export const REPORT_CENTRE = ORDER_CENTRE;

export function reportOperation(name: string): string {
  return readFileSync(path.join(__dirname, '../../schema/operations/report', `${name}.graphql`), 'utf8');
}

export const RPT = {
  submit: reportOperation('submit'),
  byToken: reportOperation('by-token'),
  confirm: reportOperation('confirm'),
  publicList: reportOperation('public-reports'),
  accept: staffOperation('accept-report'),
  back: staffOperation('report-back'),
  advance: staffOperation('advance-report'),
  list: staffOperation('reports'),
};

export function reportInput(overrides: Record<string, unknown> = {}) {
  return {
    centreCode: REPORT_CENTRE,
    kind: 'HAZARD',
    description: '小区东门路灯损坏，夜间行人易摔倒。',
    locationText: '3号楼东侧',
    contactName: '张先生',
    contactPhone: newPhone(),
    ...overrides,
  };
}

export async function submitReport(api: TestApp, overrides: Record<string, unknown> = {}, idempotencyKey?: string, headers: Record<string, string> = {}) {
  const answer = await api.gql(RPT.submit, { input: reportInput(overrides), idempotencyKey }, headers);
  if (!answer.data) throw new Error(`submitReport failed: ${JSON.stringify(answer.errors)}`);
  return { id: answer.data.submitReport.report.id as string, token: answer.data.submitReport.residentToken as string };
}

/** The report row, its timeline's length and its handlers, exactly as stored: compared before and after a refused step. */
export async function reportSnapshot(api: TestApp, reportId: string) {
  const connection = api.app.orm.em.getConnection();
  const [report] = await connection.execute(`select row_to_json(r)::text as row from report r where r.id = ?`, [reportId]);
  const [events] = await connection.execute(`select count(*)::int as count from report_event where report_id = ?`, [reportId]);
  const [handlers] = await connection.execute(`select coalesce(json_agg(h order by h.position), '[]')::text as rows from report_handler h where h.report_id = ?`, [reportId]);
  return { report: report.row as string, events: events.count as number, handlers: handlers.rows as string };
}

export async function lastReportEvent(api: TestApp, reportId: string) {
  const [event] = await api.app.orm.em
    .getConnection()
    .execute(
      `select action, from_status as "fromStatus", to_status as "toStatus", is_public as "isPublic", note from report_event where report_id = ? order by at desc, id desc limit 1`,
      [reportId],
    );
  return event as { action: string; fromStatus: string | null; toStatus: string; isPublic: boolean; note: string | null };
}

export async function handlersOf(api: TestApp, reportId: string) {
  return (await api.app.orm.em
    .getConnection()
    .execute(`select id, is_lead as "isLead", reported_at as "reportedAt" from report_handler where report_id = ? order by position`, [reportId])) as Array<{
    id: string;
    isLead: boolean;
    reportedAt: string | null;
  }>;
}
