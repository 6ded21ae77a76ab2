import { isNorwegianHoliday } from '../time/norwegianHolidays.js';
import { addDays, osloInstant, osloParts } from '../time/oslo.js';
import type { ReminderSettings } from './ReminderSettings.js';

type Hours = Pick<ReminderSettings, 'workdayStartHour' | 'workdayEndHour'>;

/** A weekday that is not a public holiday (the weekday from the date when not given). */
export function isWorkday(date: string, weekday = osloParts(osloInstant(date, 12)).weekday): boolean {
  return weekday <= 5 && !isNorwegianHoliday(date);
}

/** Weekdays, not public holidays, between the start and end hour in Oslo. */
export function isWorkingTime(instant: Date, hours: Hours): boolean {
  const { date, hour, weekday } = osloParts(instant);
  return isWorkday(date, weekday) && hour >= hours.workdayStartHour && hour < hours.workdayEndHour;
}

/** Where «Utsett N dager» pressed at `now` lands: the start of the working day N calendar days on, or the first working day after. */
export function snoozeUntil(now: Date, days: number, hours: Hours): Date {
  return nextWorkingTime(osloInstant(addDays(osloParts(now).date, days), hours.workdayStartHour), hours);
}

/** The first instant at or after `instant` that is working time. */
export function nextWorkingTime(instant: Date, hours: Hours): Date {
  if (isWorkingTime(instant, hours)) return instant;
  const now = osloParts(instant);
  // Later today if the day has not started yet; otherwise from tomorrow.
  let date = now.hour >= hours.workdayStartHour ? addDays(now.date, 1) : now.date;
  for (let i = 0; i < 30; i++, date = addDays(date, 1)) {
    const start = osloInstant(date, hours.workdayStartHour);
    if (isWorkday(date, osloParts(start).weekday)) return start;
  }
  throw new Error('no working day within 30 days');
}
