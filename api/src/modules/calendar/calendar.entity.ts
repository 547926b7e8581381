import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A day that breaks the Monday–Friday rule: a public holiday on a weekday (not working) or a
 * 调休 make-up weekend day (working). Days the rule already gets right may be listed too, to
 * name a holiday's weekend days; they change nothing. Kept as data: the State Council
 * publishes each year's arrangement in the autumn before, and a city administrator enters it.
 */
@Entity({ tableName: 'working_calendar' })
export class WorkingCalendarDay {
  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'boolean' })
  isWorking!: boolean;

  /** 春节, 国庆节调休上班 …: what residents are shown beside a due date. */
  @Property({ type: 'text' })
  name!: string;
}
