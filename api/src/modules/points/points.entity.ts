import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel, Unique } from '@mikro-orm/core';
import { PointsAccountKind, PointsActor, PointsRuleKey, PointsTransferKind, RedemptionStatus, RewardChannel } from './points.types';

/**
 * An account of the points ledger. Ids are readable and derived from the owner (`budget:<centre>`,
 * `hold:<centre>`, `redeemed:<centre>`, `resident:<sha256 of the phone>`, `source`), so an account
 * is found or made by one idempotent insert. `balance` is kept by a database trigger from the
 * movements inserted (never written by code) and a CHECK keeps it at zero or more (README “Points”).
 */
@Entity({ tableName: 'points_account' })
@Check({ name: 'points_account_balance_check', expression: "balance >= 0 or kind = 'SOURCE'" })
export class PointsAccount {
  [OptionalProps]?: 'balance' | 'createdAt';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @Enum({ items: () => PointsAccountKind, nativeEnumName: 'points_account_kind' })
  kind!: PointsAccountKind;

  /** The centre of a budget, hold or redeemed account. */
  @Index()
  @Property({ type: 'text', nullable: true })
  centreCode?: string;

  /** A resident's account: SHA-256 of the normalised phone, never the phone. */
  @Property({ type: 'text', nullable: true, unique: 'points_account_resident_key_unique' })
  residentKey?: string;

  @Property({ type: 'integer', default: 0 })
  balance: number = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** One transfer: its movements sum to zero (a deferred constraint trigger checks it at commit). Never updated or deleted. */
@Entity({ tableName: 'points_transfer' })
@Index({ properties: ['centreCode', 'at'] })
export class PointsTransfer {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Enum({ items: () => PointsTransferKind, nativeEnumName: 'points_transfer_kind' })
  kind!: PointsTransferKind;

  @Enum({ items: () => PointsRuleKey, nativeEnumName: 'points_rule_key', nullable: true })
  rule?: PointsRuleKey;

  /** The centre whose budget or rewards the transfer concerns: staff of it may read and correct it. */
  @Property({ type: 'text' })
  centreCode!: string;

  /** What earned it: `order:<id>` for ORDER_REVIEWED. */
  @Property({ type: 'text', nullable: true })
  reference?: string;

  /** ISSUE: rule, reference and resident account; one issue each, ever. */
  @Property({ type: 'text', nullable: true, unique: 'points_transfer_issue_key_unique' })
  issueKey?: string;

  /** A transfer is reversed at most once. */
  @ManyToOne(() => PointsTransfer, { fieldName: 'reverses_transfer_id', nullable: true, unique: 'points_transfer_reverses_unique', deleteRule: 'no action' })
  reverses?: Rel<PointsTransfer>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  @Enum({ items: () => PointsActor, nativeEnumName: 'points_actor' })
  actor!: PointsActor;

  @Property({ type: 'uuid', nullable: true })
  actorAccountId?: string;

  @Property({ type: 'text', nullable: true })
  note?: string;
}

@Entity({ tableName: 'points_movement' })
@Check({ name: 'points_movement_amount_check', expression: 'amount <> 0' })
export class PointsMovement {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Index()
  @ManyToOne(() => PointsTransfer, { fieldName: 'transfer_id', deleteRule: 'no action' })
  transfer!: Rel<PointsTransfer>;

  @Index()
  @ManyToOne(() => PointsAccount, { fieldName: 'account_id', deleteRule: 'no action' })
  account!: Rel<PointsAccount>;

  @Property({ type: 'integer' })
  amount!: number;
}

/** How many points a rule issues, and how many a resident may get by it per day and per year (China time). City administrators edit them. */
@Entity({ tableName: 'points_rule' })
@Check({ name: 'points_rule_limits_check', expression: 'points > 0 and daily_limit >= 0 and yearly_limit >= 0' })
export class PointsRule {
  [OptionalProps]?: 'isActive' | 'updatedAt';

  @PrimaryKey({ type: 'text' })
  key!: PointsRuleKey;

  @Property({ type: 'text' })
  name!: string;

  /** Per unit (an order, a report, an activity, an hour of volunteering). */
  @Property({ type: 'integer' })
  points!: number;

  @Property({ type: 'integer' })
  dailyLimit!: number;

  @Property({ type: 'integer' })
  yearlyLimit!: number;

  @Property({ type: 'boolean', default: true })
  isActive: boolean = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}

/** A reward a centre offers for points (online or at the centre); stock never below zero. */
@Entity({ tableName: 'reward_item' })
@Check({ name: 'reward_item_stock_check', expression: 'stock >= 0 and points_cost > 0' })
export class RewardItem {
  [OptionalProps]?: 'isActive' | 'createdAt';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @Index()
  @Property({ type: 'text' })
  centreCode!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer' })
  pointsCost!: number;

  @Property({ type: 'integer' })
  stock!: number;

  @Enum({ items: () => RewardChannel, nativeEnumName: 'reward_channel' })
  channel!: RewardChannel;

  @Property({ type: 'boolean', default: true })
  isActive: boolean = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A resident's redemption: points held (HOLD transfer) and one item reserved, then fulfilled or released. */
@Entity({ tableName: 'points_redemption' })
@Unique({ name: 'points_redemption_key_unique', properties: ['keyHash'] })
export class PointsRedemption {
  [OptionalProps]?: 'status' | 'createdAt';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @Index()
  @ManyToOne(() => RewardItem, { fieldName: 'item_id', deleteRule: 'no action' })
  item!: Rel<RewardItem>;

  @Index()
  @ManyToOne(() => PointsAccount, { fieldName: 'account_id', deleteRule: 'no action' })
  account!: Rel<PointsAccount>;

  @Property({ type: 'integer' })
  points!: number;

  @Enum({ items: () => RedemptionStatus, nativeEnumName: 'redemption_status' })
  status: RedemptionStatus = RedemptionStatus.HELD;

  /** SHA-256 of the resident's idempotency key, and of the input it came with. */
  @Property({ type: 'text' })
  keyHash!: string;

  @Property({ type: 'text' })
  inputHash!: string;

  @ManyToOne(() => PointsTransfer, { fieldName: 'hold_transfer_id', deleteRule: 'no action' })
  holdTransfer!: Rel<PointsTransfer>;

  @ManyToOne(() => PointsTransfer, { fieldName: 'settle_transfer_id', nullable: true, deleteRule: 'no action' })
  settleTransfer?: Rel<PointsTransfer>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  settledAt?: Date;
}
