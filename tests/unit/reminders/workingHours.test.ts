import { describe, expect, it } from 'vitest';
import { defaultReminderSettings } from '../../../src/reminders/ReminderSettings.js';
import { isWorkingTime, nextWorkingTime } from '../../../src/reminders/workingHours.js';

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
