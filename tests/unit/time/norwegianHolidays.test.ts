import { describe, expect, it } from 'vitest';
import { easterSunday, isNorwegianHoliday, norwegianHolidays } from '../../../src/time/norwegianHolidays.js';
import { addMonths, osloInstant, osloParts } from '../../../src/time/oslo.js';

describe('easterSunday()', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
  ])('puts Easter %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('norwegianHolidays()', () => {
  it('lists the twelve public holidays of 2026', () => {
    expect([...norwegianHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-17',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it.each([
    ['2027-03-25', true], // skjærtorsdag
    ['2027-05-06', true], // Kristi himmelfartsdag
    ['2027-05-17', true],
    ['2027-05-18', false],
    ['2026-12-24', false], // julaften is a working day by law (many close, but it is not a holiday)
  ])('%s is a holiday: %s', (date, holiday) => {
    expect(isNorwegianHoliday(date)).toBe(holiday);
  });
});

describe('Oslo time', () => {
  it.each([
    ['2026-01-15', 8, '2026-01-15T07:00:00.000Z'],
    ['2026-07-15', 8, '2026-07-15T06:00:00.000Z'],
    ['2026-03-29', 8, '2026-03-29T06:00:00.000Z'], // the day summer time starts (02:00 → 03:00)
    ['2026-10-25', 8, '2026-10-25T07:00:00.000Z'], // the day it ends
  ])('finds %s %i:00 in Oslo at %s', (date, hour, instant) => {
    expect(osloInstant(date, hour).toISOString()).toBe(instant);
    expect(osloParts(new Date(instant))).toMatchObject({ date, hour, minute: 0 });
  });

  it.each([
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-05-23', 6, '2026-11-23'],
    ['2026-11-23', -6, '2026-05-23'],
  ])('adds months to %s: %i → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
