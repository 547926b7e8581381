import { PrimaryKeyProp, Collection, Entity, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
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
}
