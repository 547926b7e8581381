import { PrimaryKeyProp, Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

@Entity({ tableName: 'rating_scheme' })
export class RatingScheme {
  [PrimaryKeyProp]?: 'year';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  source?: string;

  @Property({ type: 'double', default: 60 })
  threeStarMin: Opt<number> = 60;

  @Property({ type: 'double', default: 75 })
  fourStarMin: Opt<number> = 75;

  @Property({ type: 'double', default: 90 })
  fiveStarMin: Opt<number> = 90;

  @Property({ type: 'smallint', default: 5 })
  noticeWorkingDays: Opt<number> = 5;

  @Property({ type: 'timestamptz', nullable: true })
  frozenAt?: Date | null;
}
