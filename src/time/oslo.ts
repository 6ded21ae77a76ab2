/** Norway's time zone: working hours, reminders and the times people read are all in it. */
export const OSLO = 'Europe/Oslo';

const dateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: OSLO,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: OSLO, timeZoneName: 'shortOffset' });
const weekdayFormat = new Intl.DateTimeFormat('en-US', { timeZone: OSLO, weekday: 'short' });
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "2026-11-23 09:30" in Oslo time, whatever the server's zone. */
export function osloDateTime(instant: Date | string): string {
  return dateTime.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The Oslo calendar date and clock of an instant. */
export function osloParts(instant: Date): { date: string; hour: number; minute: number; weekday: number } {
  const [date, clock] = osloDateTime(instant).split(' ') as [string, string];
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  return { date, hour, minute, weekday: WEEKDAYS.indexOf(weekdayFormat.format(instant)) + 1 };
}

/** The Oslo calendar date (yyyy-mm-dd) of an instant: «today» for everything people read and the rules that count days. */
export function osloDate(instant: Date): string {
  return osloParts(instant).date;
}

/** Minutes Oslo is ahead of UTC at that instant: 60 in winter, 120 in summer. */
function osloOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+1';
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/** The instant a wall-clock time in Oslo happens (for the hours reminders use, which never fall in a DST gap). */
export function osloInstant(date: string, hour = 0, minute = 0): Date {
  const asUtc = Date.parse(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  const first = asUtc - osloOffsetMinutes(new Date(asUtc)) * 60_000;
  return new Date(asUtc - osloOffsetMinutes(new Date(first)) * 60_000);
}

/** An Oslo wall-clock time («09:30») on a date, as an ISO instant. */
export function osloClockInstant(date: string, clock: string): string {
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  return osloInstant(date, hour, minute).toISOString();
}

/** Whole years from a birth date to a date (both yyyy-mm-dd). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Calendar arithmetic on ISO dates. Months clamp to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
