/** Norway's time zone: working hours, reminders and the times people read are all in it. */
export const OSLO = 'Europe/Oslo';

const dateTime = new Intl.DateTimeFormat('sv-SE', { timeZone: OSLO, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "2026-11-23 09:30" in Oslo time, whatever the server's zone. */
export function osloDateTime(instant: Date | string): string {
  return dateTime.format(typeof instant === 'string' ? new Date(instant) : instant);
}
