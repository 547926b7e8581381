import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CENTRE_CODE_MESSAGE, CENTRE_CODE_PATTERN } from '../centre/centre.inputs';
import { PHONE_PATTERN } from './resident.service';
import { Satisfaction, ServiceCategory, ServiceOrderAction, ServiceOrderStatus } from './service-order.types';

@InputType({ description: 'A resident’s order (群众点单): no sign-in, a contact that only the centre’s staff see.' })
export class SubmitServiceOrderInput {
  @Field(() => ID)
  @Matches(CENTRE_CODE_PATTERN, { message: CENTRE_CODE_MESSAGE })
  centreCode!: string;

  @Field(() => ServiceCategory)
  category!: ServiceCategory;

  @Field({ description: 'What is needed, in the resident’s words.' })
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  description!: string;

  @Field({ description: 'Who to call back. Staff of the centre see it; nobody else, never in logs.' })
  @Length(1, 50, { message: '$property must be 1 to 50 characters long' })
  contactName!: string;

  @Field({ description: 'A phone number to call back; staff of the centre only.' })
  // The message names the field, never the value: phone numbers stay out of errors and logs.
  @Matches(PHONE_PATTERN, { message: '$property must be a phone number' })
  contactPhone!: string;

  @Field(() => ID, { nullable: true, description: 'A published (ACTIVE) resource of the centre the order asks for.' })
  resourceId?: string;
}

@InputType({ description: 'The resident’s review (点评) of a completed order.' })
export class ReviewServiceOrderInput {
  @Field(() => Satisfaction)
  satisfaction!: Satisfaction;

  @Field(() => Int, { description: '1 to 5.' })
  @Min(1, { message: '$property must be 1 to 5' })
  @Max(5, { message: '$property must be 1 to 5' })
  score!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  comment?: string;
}

@InputType({ description: 'One provider the order is offered to: an alliance unit with an active membership of the centre, or a volunteer team of the centre.' })
export class DispatchOfferInput {
  @Field(() => ID, { nullable: true })
  allianceUnitId?: string;

  @Field(() => ID, { nullable: true })
  volunteerTeamId?: string;

  @Field({ nullable: true, description: 'The lead provider; required on exactly one offer when there are several.' })
  isLead?: boolean;
}

@InputType({ description: '派单: offers an ACCEPTED order to one or more providers.' })
export class DispatchServiceOrderInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => [DispatchOfferInput])
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  offers!: DispatchOfferInput[];

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  note?: string;
}

@InputType({ description: 'A staff step of the order loop: ACCEPT, START, REPORT_DONE, CLOSE, CANCEL, REJECT, MARK_DUPLICATE or REOPEN.' })
export class AdvanceServiceOrderInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => ServiceOrderAction)
  action!: ServiceOrderAction;

  @Field({ nullable: true, description: 'Required for REJECT, REOPEN and CANCEL; always on the public timeline.' })
  @IsOptional()
  @Length(1, 500, { message: '$property must be 1 to 500 characters long' })
  reason?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  note?: string;

  @Field({ nullable: true, defaultValue: true, description: 'False keeps the note to staff (an internal entry).' })
  isPublic?: boolean;

  @Field(() => ID, { nullable: true, description: 'For MARK_DUPLICATE: the order of the same centre this one repeats.' })
  duplicateOfId?: string;
}

@InputType({ description: 'All given conditions must hold.' })
export class CentreServiceOrderFilterInput {
  @Field(() => [ServiceOrderStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(12)
  status?: ServiceOrderStatus[];
}

@InputType({ description: 'All given conditions must hold; without centreCode, every centre the caller manages.' })
export class ServiceOrderFilterInput extends CentreServiceOrderFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(CENTRE_CODE_PATTERN, { message: CENTRE_CODE_MESSAGE })
  centreCode?: string;
}
