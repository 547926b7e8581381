import { OptionalProps, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Centre } from '../centre/centre.entity';

export enum NeedSource {
  VISIT = 'VISIT',
  SURVEY = 'SURVEY',
  ONLINE = 'ONLINE',
  HOTLINE = 'HOTLINE',
  ORDER = 'ORDER',
}

export enum NeedCategory {
  ELDERLY_CARE = 'ELDERLY_CARE',
  CHILDCARE = 'CHILDCARE',
  EMPLOYMENT = 'EMPLOYMENT',
  HEALTH = 'HEALTH',
  LEGAL_AID = 'LEGAL_AID',
  CULTURE_SPORTS = 'CULTURE_SPORTS',
  ENVIRONMENT = 'ENVIRONMENT',
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  SAFETY = 'SAFETY',
  HARDSHIP_AID = 'HARDSHIP_AID',
}

/** Chinese names of the need categories, as the lists show them. */
export const NEED_CATEGORY_NAMES: Record<NeedCategory, string> = {
  ELDERLY_CARE: '养老服务',
  CHILDCARE: '儿童托管',
  EMPLOYMENT: '就业指导',
  HEALTH: '医疗健康',
  LEGAL_AID: '法律服务',
  CULTURE_SPORTS: '文体活动',
  ENVIRONMENT: '环境整治',
  INFRASTRUCTURE: '基础设施',
  SAFETY: '平安建设',
  HARDSHIP_AID: '困难帮扶',
};

export enum NeedStatus {
  SUBMITTED = 'SUBMITTED',
  EVALUATING = 'EVALUATING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  MERGED = 'MERGED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(NeedSource, { name: 'NeedSource', description: '入户走访, 问卷调查, 云端征集, 热线, 群众点单.' });
registerEnumType(NeedCategory, { name: 'NeedCategory', description: '养老服务, 儿童托管, 就业指导, 医疗健康, 法律服务, 文体活动, 环境整治, 基础设施, 平安建设, 困难帮扶.' });
registerEnumType(NeedStatus, { name: 'NeedStatus', description: 'submitted → evaluating → accepted / rejected / merged / withdrawn.' });

@Entity({ tableName: 'need' })
@Index({ properties: ['centre', 'status'] })
@Check({ name: 'need_requester_count_check', expression: 'requester_count >= 1' })
export class Need {
  [OptionalProps]?: 'isSynthetic' | 'status' | 'publishedStatus' | 'requesterCount';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Enum({ items: () => NeedSource, nativeEnumName: 'need_source' })
  source!: NeedSource;

  @Enum({ items: () => NeedCategory, nativeEnumName: 'need_category' })
  category!: NeedCategory;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description?: string;

  @Property({ type: 'integer', default: 1 })
  requesterCount: number = 1;

  @Property({ type: 'date' })
  submittedOn!: string;

  /** The working status; the public sees `publishedStatus` until staff publish a decision. */
  @Enum({ items: () => NeedStatus, nativeEnumName: 'need_status' })
  status: NeedStatus = NeedStatus.SUBMITTED;

  /** Staff's reasoning: never public. */
  @Property({ type: 'text', nullable: true })
  internalNote?: string;

  /** The answer being drafted; becomes `publicAnswer` when published. */
  @Property({ type: 'text', nullable: true })
  draftAnswer?: string;

  @Enum({ items: () => NeedStatus, nativeEnumName: 'need_status', default: NeedStatus.SUBMITTED })
  publishedStatus: NeedStatus = NeedStatus.SUBMITTED;

  @Property({ type: 'text', nullable: true })
  publicAnswer?: string;

  @Property({ type: 'timestamptz', nullable: true })
  answerPublishedAt?: Date;

  @ManyToOne(() => Need, { fieldName: 'merged_into_id', nullable: true, deleteRule: 'set null' })
  mergedInto?: Rel<Need>;

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;

  @Property({ type: 'text', nullable: true, fieldName: 'source_text' })
  sourceText?: string;
}
