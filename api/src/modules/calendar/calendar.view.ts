import { Field, ObjectType } from 'type-graphql';

@ObjectType('CalendarDay', { simpleResolvers: true, description: 'A day that is not what Monday–Friday says: a public holiday or a 调休 make-up working day.' })
export class CalendarDayView {
  @Field({ description: 'YYYY-MM-DD.' })
  day!: string;

  @Field({ description: 'True for a make-up working day (调休上班), false for a day off.' })
  isWorking!: boolean;

  @Field({ description: '春节, 国庆节调休上班 …' })
  name!: string;
}

/** The columns of a CalendarDayView, from `working_calendar x`. */
export const CALENDAR_COLUMNS = `x.day::text as day, x.is_working as "isWorking", x.name`;
