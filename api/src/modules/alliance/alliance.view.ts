import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { AllianceUnitType, MembershipStatus } from './alliance.entity';

@ObjectType('AllianceUnit', { simpleResolvers: true, description: 'A co-building unit (党建联盟单位 / 驻区单位).' })
export class AllianceUnitView {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => AllianceUnitType)
  unitType!: AllianceUnitType;

  @Field()
  isSynthetic!: boolean;

  @Field(() => String, { nullable: true, description: 'The sentence this record comes from.' })
  source!: string | null;
}

/** The columns of an AllianceUnitView, from `alliance_unit u`: contacts are private and left out. */
export const UNIT_COLUMNS = 'u.id, u.name, u.unit_type as "unitType", u.is_synthetic as "isSynthetic", u.source';

@ObjectType('AllianceMembership', { simpleResolvers: true, description: 'A unit’s membership of a centre’s alliance, with its co-building agreement (共建协议).' })
export class AllianceMembershipView {
  @Field(() => ID)
  id!: string;

  centreCode!: string;
  unitId!: string;

  @Field(() => MembershipStatus)
  status!: MembershipStatus;

  @Field(() => String, { nullable: true, description: 'Date the co-building agreement was signed (YYYY-MM-DD).' })
  agreementSignedOn!: string | null;

  @Field(() => [String], { description: 'What the unit committed to under the agreement.' })
  commitments!: string[];

  @Field(() => String, { nullable: true })
  leftOn!: string | null;

  @Field()
  isSynthetic!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A page of alliance memberships.' })
export class AllianceMembershipConnection extends Connection(AllianceMembershipView, 'AllianceMembership') {}

/** The columns of an AllianceMembershipView, from `alliance_membership e`. */
export const MEMBERSHIP_COLUMNS = `e.id, e.centre_code as "centreCode", e.unit_id as "unitId", e.status, e.agreement_signed_on as "agreementSignedOn",
  e.commitments, e.left_on as "leftOn", e.is_synthetic as "isSynthetic"`;

@ObjectType('UnitContact', { simpleResolvers: true, description: 'Someone to call at a unit, as staff see them.' })
export class UnitContactView {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}
