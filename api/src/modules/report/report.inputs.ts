import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PHONE_PATTERN } from '../../shared/resident-submission';
import { CENTRE_CODE_MESSAGE, CENTRE_CODE_PATTERN } from '../centre/centre.inputs';
import { Satisfaction } from '../service-order/service-order.types';
import { CaseMode, ReportAction, ReportKind, ReportStatus } from './report.types';

@InputType({ description: 'A resident’s report (随手拍): no sign-in; a contact only the centre’s staff see, required for private kinds.' })
export class SubmitReportInput {
  @Field(() => ID)
  @Matches(CENTRE_CODE_PATTERN, { message: CENTRE_CODE_MESSAGE })
  centreCode!: string;

  @Field(() => ReportKind)
  kind!: ReportKind;

  @Field({ description: 'What was found, in the resident’s words.' })
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  description!: string;

  @Field({ nullable: true, description: 'Where, in words (“3号楼东侧路灯”): never coordinates.' })
  @IsOptional()
  @Length(1, 200, { message: '$property must be 1 to 200 characters long' })
  locationText?: string;

  @Field({ nullable: true, description: 'Required for DISPUTE, CASE_LEAD and HOUSEHOLD_INFO. Staff of the centre only, never in logs.' })
  @IsOptional()
  @Length(1, 50, { message: '$property must be 1 to 50 characters long' })
  contactName?: string;

  @Field({ nullable: true, description: 'Required with contactName; staff of the centre only.' })
  @IsOptional()
  // The message names the field, never the value: phone numbers stay out of errors and logs.
  @Matches(PHONE_PATTERN, { message: '$property must be a phone number' })
  contactPhone?: string;
}

@InputType({ description: 'The resident confirms the result and rates it (满意 / 基本满意 / 不满意, 1–5).' })
export class ConfirmReportInput {
  @Field(() => Satisfaction)
  satisfaction!: Satisfaction;

  @Field(() => Int)
  @Min(1, { message: '$property must be 1 to 5' })
  @Max(5, { message: '$property must be 1 to 5' })
  score!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  comment?: string;
}

@InputType({ description: 'One handler of a case: an alliance unit with an active membership of the centre, a volunteer team of the centre, or a department by name.' })
export class ReportHandlerInput {
  @Field(() => ID, { nullable: true })
  allianceUnitId?: string;

  @Field(() => ID, { nullable: true })
  volunteerTeamId?: string;

  @Field({ nullable: true, description: 'A department staff name: 派出所, 司法所 …' })
  @IsOptional()
  @Length(1, 100, { message: '$property must be 1 to 100 characters long' })
  department?: string;

  @Field({ nullable: true, description: 'The lead (联办: exactly one).' })
  isLead?: boolean;
}

@InputType({ description: '受理: IMMEDIATE (即办) with its result closes it on the spot; TRACKED (跟踪) with at most one handler; JOINT (联办) with 2–10 handlers, one the lead.' })
export class AcceptReportInput {
  @Field(() => ID)
  reportId!: string;

  @Field(() => CaseMode)
  caseMode!: CaseMode;

  @Field({ nullable: true, description: 'IMMEDIATE only: the result given on the spot (public).' })
  @IsOptional()
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  result?: string;

  @Field(() => [ReportHandlerInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  handlers?: ReportHandlerInput[];

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  note?: string;
}

@InputType({ description: '反馈: a handler reports back. 联办: name the handler; only the lead’s report gives the feedback.' })
export class ReportBackInput {
  @Field(() => ID)
  reportId!: string;

  @Field(() => ID, { nullable: true })
  handlerId?: string;

  @Field({ description: 'What was done; the lead’s (or the centre’s) is shown to the resident and, for public kinds, to everyone.' })
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  result!: string;
}

@InputType({ description: 'A staff step: START, CLOSE, REJECT, MARK_DUPLICATE, HIDE, UNHIDE or REOPEN.' })
export class AdvanceReportInput {
  @Field(() => ID)
  reportId!: string;

  @Field(() => ReportAction)
  action!: ReportAction;

  @Field({ nullable: true, description: 'Required for REJECT and REOPEN (public) and HIDE (internal).' })
  @IsOptional()
  @Length(1, 500, { message: '$property must be 1 to 500 characters long' })
  reason?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: '$property must be 1 to 2000 characters long' })
  note?: string;

  @Field({ nullable: true, defaultValue: true, description: 'False keeps the note to staff.' })
  isPublic?: boolean;

  @Field(() => ID, { nullable: true, description: 'For MARK_DUPLICATE: the original, kept and linked.' })
  duplicateOfId?: string;
}

@InputType({ description: 'All given conditions must hold.' })
export class CentreReportFilterInput {
  @Field(() => [ReportStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(7)
  status?: ReportStatus[];

  @Field(() => [ReportKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6)
  kind?: ReportKind[];

  @Field({ nullable: true })
  @IsOptional()
  isHidden?: boolean;
}

@InputType({ description: 'All given conditions must hold; without centreCode, every centre the caller manages.' })
export class ReportFilterInput extends CentreReportFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(CENTRE_CODE_PATTERN, { message: CENTRE_CODE_MESSAGE })
  centreCode?: string;
}

@InputType({ description: 'Public kinds only: HAZARD, LOST_PROPERTY, MUTUAL_HELP (others match nothing).' })
export class PublicReportFilterInput {
  @Field(() => [ReportKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6)
  kind?: ReportKind[];
}
