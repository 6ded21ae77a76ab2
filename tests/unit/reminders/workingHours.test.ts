import { describe, expect, it } from 'vitest';
import { defaultReminderSettings } from '../../../src/reminders/ReminderSettings.js';
import { isWorkingTime, nextWorkingTime, snoozeUntil } from '../../../src/reminders/workingHours.js';
import { osloDateTime } from '../../../src/time/oslo.js';

const hours = defaultReminderSettings;

describe('isWorkingTime()', () => {
  it.each([
    ['2026-11-23T06:59:00Z', false, 'Monday 07:59 in winter'],
    ['2026-11-23T07:00:00Z', true, 'Monday 08:00 in winter'],
    ['2026-11-23T14:59:00Z', true, 'Monday 15:59'],
    ['2026-11-23T15:00:00Z', false, 'Monday 16:00'],
    ['2026-11-28T10:00:00Z', false, 'Saturday'],
    ['2026-11-29T10:00:00Z', false, 'Sunday'],
    ['2026-03-30T05:59:00Z', false, 'the Monday after summer time starts, 07:59'],
    ['2026-03-30T06:00:00Z', true, 'the Monday after summer time starts, 08:00'],
    ['2026-10-26T06:30:00Z', false, 'the Monday after summer time ends, 07:30'],
    ['2026-10-26T07:00:00Z', true, 'the Monday after summer time ends, 08:00'],
    ['2026-04-03T09:00:00Z', false, 'Langfredag'],
    ['2027-05-17T09:00:00Z', false, '17 May on a Monday'],
    ['2026-12-24T09:00:00Z', true, 'julaften, a Thursday'],
  ])('%s → %s (%s)', (instant, expected) => {
    expect(isWorkingTime(new Date(instant), hours)).toBe(expected);
  });

  it('follows a municipality’s own hours', () => {
    expect(isWorkingTime(new Date('2026-11-23T15:30:00Z'), { workdayStartHour: 9, workdayEndHour: 17 })).toBe(true);
    expect(isWorkingTime(new Date('2026-11-23T07:30:00Z'), { workdayStartHour: 9, workdayEndHour: 17 })).toBe(false);
  });
});

describe('nextWorkingTime()', () => {
  it.each([
    ['2026-11-23T10:00:00Z', '2026-11-23T10:00:00.000Z', 'already working time'],
    ['2026-11-23T05:00:00Z', '2026-11-23T07:00:00.000Z', 'early Monday → 08:00 the same day'],
    ['2026-11-27T15:30:00Z', '2026-11-30T07:00:00.000Z', 'Friday after work → Monday 08:00'],
    ['2026-04-01T15:00:00Z', '2026-04-07T06:00:00.000Z', 'Wednesday before Easter → Tuesday after 2. påskedag, in summer time'],
    ['2026-12-23T16:00:00Z', '2026-12-24T07:00:00.000Z', 'the evening before julaften → julaften 08:00'],
    ['2026-12-24T16:00:00Z', '2026-12-28T07:00:00.000Z', 'julaften evening → past 1. and 2. juledag and the weekend'],
  ])('%s → %s (%s)', (from, expected) => {
    expect(nextWorkingTime(new Date(from), hours).toISOString()).toBe(expected);
  });
});

describe('snoozeUntil(): «Utsett» lands at the start of a working day in Oslo, never at midnight', () => {
  const hours = { workdayStartHour: 8, workdayEndHour: 16 };
  it.each<[string, string, number, string]>([
    ['a Monday evening, one day', '2026-11-23T21:37:00+01:00', 1, '2026-11-24 08:00'],
    ['just after midnight, one day (the next day, not the same morning)', '2026-11-24T00:30:00+01:00', 1, '2026-11-25 08:00'],
    ['a Friday evening, one day (the weekend skipped)', '2026-11-27T21:37:00+01:00', 1, '2026-11-30 08:00'],
    ['a Tuesday morning, seven days', '2026-11-24T09:15:00+01:00', 7, '2026-12-01 08:00'],
    ['Christmas Eve, one day (Christmas Day and Boxing Day skipped)', '2026-12-24T13:00:00+01:00', 1, '2026-12-28 08:00'],
    ['a summer evening (daylight saving time), one day', '2026-06-15T21:37:00+02:00', 1, '2026-06-16 08:00'],
  ])('%s', (_name, pressedAt, days, expected) => {
    expect(osloDateTime(snoozeUntil(new Date(pressedAt), days, hours))).toBe(expected);
  });
});
