import { Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsCalendarDate } from '../../shared/calendar-date';

@InputType({ description: 'One exception to the Monday–Friday rule.' })
export class CalendarDayInput {
  @Field({ description: 'YYYY-MM-DD, in the year being set.' })
  @IsCalendarDate()
  day!: string;

  @Field({ description: 'True for a make-up working day (调休上班), false for a day off.' })
  isWorking!: boolean;

  @Field({ description: 'The holiday it belongs to: 春节, 国庆节调休上班 …' })
  @Length(1, 50, { message: '$property must be 1 to 50 characters long' })
  name!: string;
}
