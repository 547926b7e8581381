import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { AllianceMembership } from './alliance.entity';

@ObjectType({ description: 'A page of alliance memberships.' })
export class AllianceMembershipConnection extends Connection(AllianceMembership, 'AllianceMembership') {}

@ObjectType({ description: 'Someone to call at a unit, as staff see them.' })
export class UnitContact {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}
