import { ArrayMaxSize, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CENTRE_CODE_PATTERN } from '../centre/centre.inputs';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../region/region.inputs';
import { IsCalendarDate } from '../../shared/calendar-date';
import { AllianceUnitType, MembershipStatus } from './alliance.entity';

@InputType({ description: 'All given conditions must hold.' })
export class MembershipFilterInput {
  @Field(() => [MembershipStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  status?: MembershipStatus[];

  @Field(() => [AllianceUnitType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  unitType?: AllianceUnitType[];
}

@InputType({ description: 'Someone to call at a unit; staff-only.' })
export class UnitContactInput {
  @Field()
  @Length(1, 50, { message: '$property must be 1 to 50 characters long' })
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 50, { message: '$property must be 1 to 50 characters long' })
  role?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[\d -]{5,20}$/, { message: '$property must be a phone number' })
  phone?: string;
}

@InputType({ description: 'A co-building unit (党建联盟单位 / 驻区单位).' })
export class CreateAllianceUnitInput {
  @Field()
  @Length(1, 200, { message: '$property must be 1 to 200 characters long' })
  name!: string;

  @Field(() => AllianceUnitType)
  unitType!: AllianceUnitType;

  @Field(() => ID, { description: 'Where the unit sits.' })
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  regionCode!: string;

  @Field(() => [UnitContactInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  contacts?: UnitContactInput[];
}

@InputType({ description: 'A unit joins a centre’s alliance: with an agreement date it is ACTIVE, without it APPLIED.' })
export class AddAllianceMembershipInput {
  @Field(() => ID)
  @Matches(CENTRE_CODE_PATTERN, { message: '$property must be a centre code, e.g. 530402901000-01' })
  centreCode!: string;

  @Field(() => ID)
  unitId!: string;

  @Field({ nullable: true, description: 'Date the 共建协议 was signed (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  agreementSignedOn?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  commitments?: string[];
}

@InputType({ description: 'applied → active → suspended / withdrawn; activation needs the agreement date.' })
export class ChangeMembershipStatusInput {
  @Field(() => ID)
  membershipId!: string;

  @Field(() => MembershipStatus)
  status!: MembershipStatus;

  @Field({ nullable: true })
  @IsOptional()
  @IsCalendarDate()
  agreementSignedOn?: string;

  @Field({ nullable: true, description: 'Date of withdrawal; today when absent.' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}
