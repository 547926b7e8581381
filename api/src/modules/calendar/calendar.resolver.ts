import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { StaffRole } from '../../auth/actor';
import { assertRole } from '../../auth/authorize';
import { runStaffMutation } from '../../auth/staff-mutation';
import { Tags } from '../../cache/cache-tags';
import type { Context } from '../../context';
import { CalendarDayInput } from './calendar.inputs';
import { readWorkingCalendar, setWorkingCalendar, statementsOf } from './calendar.service';
import { CalendarDayView } from './calendar.view';

@Resolver()
export class CalendarResolver {
  @Query(() => [CalendarDayView], {
    description: 'The year’s exceptions to the Monday–Friday rule: public holidays and 调休 make-up working days. Due dates are counted on it.',
  })
  workingCalendar(@Arg('year', () => Int) year: number, @Ctx() { read }: Context): Promise<CalendarDayView[]> {
    read.tag(Tags.calendar);
    return readWorkingCalendar(read.rows, year);
  }

  // No idempotencyKey: setting the same list again changes nothing, and the answer is a list, not one record a replay could reload.
  @Mutation(() => [CalendarDayView], {
    description: 'Replaces a year’s holidays and make-up working days (city administrators): every day in that year, each once. Later due dates follow it; earlier ones stay.',
  })
  async setWorkingCalendar(
    @Arg('year', () => Int) year: number,
    @Arg('days', () => [CalendarDayInput]) days: CalendarDayInput[],
    @Ctx() context: Context,
  ): Promise<CalendarDayView[]> {
    const written = await runStaffMutation(context, { name: 'setWorkingCalendar', input: { year, days } }, async (em, actor) => {
      assertRole(actor, [StaffRole.CITY_ADMIN], 'set the working calendar');
      const before = await readWorkingCalendar(statementsOf(em), year);
      const after = await setWorkingCalendar(em, year, days);
      return {
        result: { days: after },
        audit: { action: 'setWorkingCalendar', targetType: 'WorkingCalendar', targetId: String(year), before, after },
        purgeTags: [Tags.calendar],
      };
    });
    return written.days;
  }
}
