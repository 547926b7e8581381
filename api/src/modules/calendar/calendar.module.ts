import { Tags } from '../../cache/cache-tags';
import { defineModule } from '../module';
import { WorkingCalendarDay } from './calendar.entity';
import { CalendarResolver } from './calendar.resolver';

export const calendarModule = defineModule({
  name: 'calendar',
  entities: [WorkingCalendarDay],
  resolvers: [CalendarResolver],
  listTags: { workingCalendar: Tags.calendar },
});
