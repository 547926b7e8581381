import { registerEnumType } from 'type-graphql';

/** What a resident may order: the services the article's centres offer at their windows and through their alliances. */
export enum ServiceCategory {
  POLICY_CONSULTATION = 'POLICY_CONSULTATION',
  CONVENIENCE_SERVICE = 'CONVENIENCE_SERVICE',
  LEGAL_AID = 'LEGAL_AID',
  DISPUTE_MEDIATION = 'DISPUTE_MEDIATION',
  ELDERLY_CARE = 'ELDERLY_CARE',
  CHILD_CARE = 'CHILD_CARE',
  EMPLOYMENT = 'EMPLOYMENT',
  HEALTH = 'HEALTH',
  CULTURE_SPORTS = 'CULTURE_SPORTS',
  VOLUNTEER_HELP = 'VOLUNTEER_HELP',
  LIVELIHOOD_REPAIR = 'LIVELIHOOD_REPAIR',
  OTHER = 'OTHER',
}

export enum ServiceOrderStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  DISPATCHED = 'DISPATCHED',
  PROVIDER_ACCEPTED = 'PROVIDER_ACCEPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  AWAITING_CONFIRMATION = 'AWAITING_CONFIRMATION',
  COMPLETED = 'COMPLETED',
  REVIEWED = 'REVIEWED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
  REJECTED = 'REJECTED',
  DUPLICATE = 'DUPLICATE',
}

export enum ServiceOrderAction {
  SUBMIT = 'SUBMIT',
  ACCEPT = 'ACCEPT',
  DISPATCH = 'DISPATCH',
  /** A provider declined its offer while others are still open: the status stays DISPATCHED. */
  DECLINE = 'DECLINE',
  /** The last open offer was declined: back to ACCEPTED, to be dispatched again. */
  ALL_DECLINED = 'ALL_DECLINED',
  PROVIDER_ACCEPT = 'PROVIDER_ACCEPT',
  START = 'START',
  REPORT_DONE = 'REPORT_DONE',
  CONFIRM = 'CONFIRM',
  NOT_DONE = 'NOT_DONE',
  REVIEW = 'REVIEW',
  CLOSE = 'CLOSE',
  CANCEL = 'CANCEL',
  REJECT = 'REJECT',
  MARK_DUPLICATE = 'MARK_DUPLICATE',
  REOPEN = 'REOPEN',
}

export enum DispatchStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  /** Another provider took the order first, or the order was cancelled: the offer is off. */
  WITHDRAWN = 'WITHDRAWN',
}

export enum Satisfaction {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
}

/** Who made a timeline entry. Providers have no accounts: staff record their answers (STAFF). */
export enum EventActor {
  RESIDENT = 'RESIDENT',
  STAFF = 'STAFF',
  SYSTEM = 'SYSTEM',
}

registerEnumType(ServiceCategory, {
  name: 'ServiceCategory',
  description: '政策咨询, 便民服务, 法律援助, 矛盾调解, 养老服务, 儿童关爱, 就业创业, 医疗健康, 文体活动, 志愿帮扶, 民生设施修缮 (污水管网, 健身器材 …), 其他.',
});
registerEnumType(ServiceOrderStatus, {
  name: 'ServiceOrderStatus',
  description:
    '群众点单 SUBMITTED → 中心受理 ACCEPTED → 中心派单 DISPATCHED → 接单 PROVIDER_ACCEPTED → 办理中 IN_PROGRESS → 待确认 AWAITING_CONFIRMATION → 办结 COMPLETED → 已点评 REVIEWED → CLOSED; or CANCELLED, REJECTED, DUPLICATE.',
});
registerEnumType(ServiceOrderAction, { name: 'ServiceOrderAction', description: 'What moved an order: each timeline entry names one. README “Service orders” has the table.' });
registerEnumType(DispatchStatus, {
  name: 'DispatchStatus',
  description: 'An offer to a provider: pending → accepted (接单) / declined; withdrawn when another provider took the order.',
});
registerEnumType(Satisfaction, { name: 'Satisfaction', description: '满意, 基本满意, 不满意.' });
registerEnumType(EventActor, {
  name: 'EventActor',
  description: 'Who made a timeline entry: the resident, centre staff (also for providers, who have no accounts), or the system.',
});
