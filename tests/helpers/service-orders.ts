import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AllianceMembership, AllianceUnit, AllianceUnitType, MembershipStatus } from '../../api/src/modules/alliance/alliance.entity';
import { VolunteerTeam } from '../../api/src/modules/volunteer/volunteer.entity';
import { staffOperation } from './staff';
import type { GraphQLResponse, TestApp } from './test-app';

/** 红塔区高龙潭社区: the centre the development CENTRE_STAFF account (gaolongtan@example.com) keeps. */
export const ORDER_CENTRE = '530402999001-01';

/** A resident operation (schema/operations/service-order/<name>.graphql). */
export function residentOperation(name: string): string {
  return readFileSync(path.join(__dirname, '../../schema/operations/service-order', `${name}.graphql`), 'utf8');
}

export const OPS = {
  submit: residentOperation('submit'),
  byToken: residentOperation('by-token'),
  cancel: residentOperation('cancel'),
  confirm: residentOperation('confirm'),
  review: residentOperation('review'),
  advance: staffOperation('advance-service-order'),
  dispatch: staffOperation('dispatch-service-order'),
  respond: staffOperation('respond-to-dispatch'),
  list: staffOperation('service-orders'),
};

export interface Providers {
  units: [string, string];
  team: string;
}

/** Two alliance units with active memberships of the centre and one of its volunteer teams, made for this run. */
export async function createProviders(api: TestApp, centreCode = ORDER_CENTRE): Promise<Providers> {
  const em = api.app.orm.em.fork();
  const suffix = randomUUID().slice(0, 8);
  const units = [1, 2].map((n) =>
    em.create(AllianceUnit, { id: `test-unit-${suffix}-${n}`, name: `测试联盟单位${n}-${suffix}`, unitType: AllianceUnitType.ENTERPRISE, region: '530402000000' }),
  );
  for (const unit of units)
    em.create(AllianceMembership, { id: `test-membership-${unit.id}`, centre: centreCode, unit, status: MembershipStatus.ACTIVE, agreementSignedOn: '2025-01-01' });
  const team = em.create(VolunteerTeam, { id: `test-team-${suffix}`, centre: centreCode, name: `测试志愿服务队-${suffix}` });
  await em.flush();
  return { units: [units[0]!.id, units[1]!.id], team: team.id };
}

let phoneCounter = 0;
/** A fresh mobile number per order, so per-contact budgets do not mix tests. */
export function newPhone(): string {
  phoneCounter += 1;
  return `139${String(Date.now() % 1e4).padStart(4, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

export function orderInput(overrides: Record<string, unknown> = {}) {
  return { centreCode: ORDER_CENTRE, category: 'LIVELIHOOD_REPAIR', description: '小区健身器材损坏，请帮忙修缮。', contactName: '李女士', contactPhone: newPhone(), ...overrides };
}

/** Fails the test with the answer's errors unless it has data. */
export function dataOf<T = any>(answer: GraphQLResponse<T>): T {
  if (answer.errors?.length || !answer.data) throw new Error(`Expected data, got ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

export async function submit(api: TestApp, overrides: Record<string, unknown> = {}, idempotencyKey?: string, headers: Record<string, string> = {}) {
  const data = dataOf(await api.gql(OPS.submit, { input: orderInput(overrides), idempotencyKey }, headers));
  return { id: data.submitServiceOrder.order.id as string, token: data.submitServiceOrder.residentToken as string };
}

/** The order row, its timeline's length and its offers, exactly as stored: compared before and after a refused step. */
export async function snapshot(api: TestApp, orderId: string) {
  const connection = api.app.orm.em.getConnection();
  const [order] = await connection.execute(`select row_to_json(o)::text as row from service_order o where o.id = ?`, [orderId]);
  const [events] = await connection.execute(`select count(*)::int as count from service_order_event where order_id = ?`, [orderId]);
  const [offers] = await connection.execute(`select coalesce(json_agg(d order by d.id), '[]')::text as rows from service_order_dispatch d where d.order_id = ?`, [orderId]);
  return { order: order.row as string, events: events.count as number, offers: offers.rows as string };
}

export async function lastEvent(api: TestApp, orderId: string) {
  const [event] = await api.app.orm.em
    .getConnection()
    .execute(`select action, from_status as "fromStatus", to_status as "toStatus", is_public as "isPublic" from service_order_event where order_id = ? order by id desc limit 1`, [
      orderId,
    ]);
  return event as { action: string; fromStatus: string | null; toStatus: string; isPublic: boolean };
}

/** The order's offers, oldest first. */
export async function offersOf(api: TestApp, orderId: string) {
  return (await api.app.orm.em
    .getConnection()
    .execute(`select id, status, is_lead as "isLead", unit_id as "unitId" from service_order_dispatch where order_id = ? order by dispatched_at, position`, [orderId])) as Array<{
    id: string;
    status: string;
    isLead: boolean;
    unitId: string | null;
  }>;
}
