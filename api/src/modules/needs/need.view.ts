import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { toInstant } from '../../db/sql';
import { NeedCategory, NeedSource, NeedStatus } from './need.entity';

@ObjectType('Need', { simpleResolvers: true, description: 'An item of a centre’s needs list (需求清单).' })
export class NeedView {
  @Field(() => ID)
  id!: string;

  centreCode!: string;

  @Field(() => NeedSource)
  source!: NeedSource;

  @Field(() => NeedCategory)
  category!: NeedCategory;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { description: 'Residents who raised or joined this need ("me too").' })
  requesterCount!: number;

  @Field({ description: 'Date collected (YYYY-MM-DD).' })
  submittedOn!: string;

  /** The published status: a decision in progress stays internal until staff publish it. */
  @Field(() => NeedStatus, { description: 'The status as last published; a decision in progress stays internal until staff publish it.' })
  status!: NeedStatus;

  @Field(() => String, { nullable: true, description: 'The published answer to the residents.' })
  publicAnswer!: string | null;

  @Field(() => Date, { nullable: true })
  answerPublishedAt!: Date | null;

  @Field()
  isSynthetic!: boolean;

  @Field(() => String, { nullable: true, description: 'The sentence this record comes from.' })
  sourceText!: string | null;
}

/** The columns of a NeedView, from `need e`: residents see the published status. */
export const NEED_COLUMNS = `e.id, e.centre_code as "centreCode", e.source, e.category, e.title, e.description, e.requester_count as "requesterCount",
  e.submitted_on as "submittedOn", e.published_status as status, e.public_answer as "publicAnswer", e.answer_published_at as "answerPublishedAt",
  e.is_synthetic as "isSynthetic", e.source_text as "sourceText"`;

/** A need as `NEED_COLUMNS` selects it. */
export type NeedRow = Omit<NeedView, 'answerPublishedAt'> & { answerPublishedAt: string | null };

export function toNeedView(row: NeedRow): NeedView {
  return { ...row, answerPublishedAt: toInstant(row.answerPublishedAt) };
}

@ObjectType({ simpleResolvers: true, description: 'Where staff stand on a need before (or after) they publish.' })
export class NeedWorkingState {
  @Field(() => NeedStatus, { description: 'The current decision, published or not.' })
  status!: NeedStatus;

  @Field(() => String, { nullable: true })
  internalNote!: string | null;

  @Field(() => String, { nullable: true, description: 'The answer to be published.' })
  draftAnswer!: string | null;

  @Field({ description: 'True when residents see an older status or answer than this.' })
  hasUnpublishedChanges!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A page of needs.' })
export class NeedConnection extends Connection(NeedView, 'Need') {}
