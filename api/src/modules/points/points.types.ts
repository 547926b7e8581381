import { registerEnumType } from 'type-graphql';

/**
 * The ledger's accounts. SOURCE is the one account allowed below zero: every point in
 * circulation was granted out of it, so its balance is minus the points that exist.
 */
export enum PointsAccountKind {
  SOURCE = 'SOURCE',
  CENTRE_BUDGET = 'CENTRE_BUDGET',
  RESIDENT = 'RESIDENT',
  /** Per centre: points of redemptions not yet fulfilled or released. */
  HOLD = 'HOLD',
  /** Per centre: the sink of fulfilled redemptions. */
  REDEEMED = 'REDEEMED',
}

export enum PointsTransferKind {
  BUDGET_GRANT = 'BUDGET_GRANT',
  ISSUE = 'ISSUE',
  HOLD = 'HOLD',
  FULFIL = 'FULFIL',
  RELEASE = 'RELEASE',
  REVERSAL = 'REVERSAL',
}

export enum PointsRuleKey {
  ORDER_REVIEWED = 'ORDER_REVIEWED',
  REPORT_VERIFIED = 'REPORT_VERIFIED',
  ACTIVITY_ATTENDED = 'ACTIVITY_ATTENDED',
  VOLUNTEER_HOURS = 'VOLUNTEER_HOURS',
}

export enum RewardChannel {
  ONLINE = 'ONLINE',
  AT_CENTRE = 'AT_CENTRE',
}

export enum RedemptionStatus {
  HELD = 'HELD',
  FULFILLED = 'FULFILLED',
  RELEASED = 'RELEASED',
}

export enum PointsActor {
  RESIDENT = 'RESIDENT',
  STAFF = 'STAFF',
  SYSTEM = 'SYSTEM',
}

registerEnumType(PointsTransferKind, {
  name: 'PointsTransferKind',
  description: 'BUDGET_GRANT (to a centre’s budget), ISSUE (budget → resident, by a rule), HOLD (a redemption), FULFIL, RELEASE, REVERSAL (a correction).',
});
registerEnumType(PointsRuleKey, { name: 'PointsRuleKey', description: 'What earns points: 点单点评, 随手拍核实, 活动参与, 志愿服务时长.' });
registerEnumType(RewardChannel, { name: 'RewardChannel', description: 'Redeemed online (mailed, an e-voucher) or collected at the centre.' });
registerEnumType(RedemptionStatus, { name: 'RedemptionStatus', description: 'HELD (points held, item reserved) → FULFILLED or RELEASED (points and stock back).' });
