import { PrimaryKeyProp, Collection, Entity, OneToMany, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RatingDimension } from './rating-dimension.entity';

@ObjectType({ description: "The star-rating scheme of one work year: its six dimensions and their weights." })
@Entity({ tableName: 'rating_scheme' })
export class RatingScheme {
  [PrimaryKeyProp]?: 'year';

  @Field(() => Int, { description: 'The work year evaluated (the 2024 scheme rates 2024 work, published in 2025).' })
  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @OneToMany(() => RatingDimension, (dimension) => dimension.scheme, { orderBy: { position: 'asc' } })
  dimensions = new Collection<RatingDimension>(this);

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  source?: string;

  @Field(() => Float, { description: 'Lowest weighted total (of 100) for three stars.' })
  @Property({ type: 'double', default: 60 })
  threeStarMin: Opt<number> = 60;

  @Field(() => Float)
  @Property({ type: 'double', default: 75 })
  fourStarMin: Opt<number> = 75;

  @Field(() => Float)
  @Property({ type: 'double', default: 90 })
  fiveStarMin: Opt<number> = 90;

  @Field(() => Int, { description: 'Working days (Monday to Friday) the public notice (公示) lasts.' })
  @Property({ type: 'smallint', default: 5 })
  noticeWorkingDays: Opt<number> = 5;

  @Field(() => Date, { nullable: true, description: 'Set when the first cycle of the year opens; a frozen scheme cannot change.' })
  @Property({ type: 'timestamptz', nullable: true })
  frozenAt?: Date | null;
}
