/**
 * Norwegian public holidays (helligdager and 1 and 17 May), as ISO dates. The movable ones follow
 * Easter Sunday, computed with the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** Days after Easter Sunday: Skjærtorsdag, Langfredag, 1. and 2. påskedag, Kristi himmelfartsdag, 1. and 2. pinsedag. */
const EASTER_OFFSETS = [-3, -2, 0, 1, 39, 49, 50] as const;
/** Nyttårsdag, arbeidernes dag, grunnlovsdag, 1. and 2. juledag. */
const FIXED = ['01-01', '05-01', '05-17', '12-25', '12-26'] as const;

const cache = new Map<number, ReadonlySet<string>>();

export function norwegianHolidays(year: number): ReadonlySet<string> {
  let holidays = cache.get(year);
  if (!holidays) {
    const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
    holidays = new Set([
      ...FIXED.map((day) => `${year}-${day}`),
      ...EASTER_OFFSETS.map((offset) => new Date(easter + offset * 86_400_000).toISOString().slice(0, 10)),
    ]);
    cache.set(year, holidays);
  }
  return holidays;
}

export function isNorwegianHoliday(date: string): boolean {
  return norwegianHolidays(Number(date.slice(0, 4))).has(date);
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
