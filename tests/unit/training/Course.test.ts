import { describe, expect, it } from 'vitest';
import { cancel, completedBy, recordAttendance, seatsLeft, signOff, signUp, type Course, type CourseRefusal } from '../../../src/training/Course.js';
import { trainingStatus } from '../../../src/roles/trainingStatus.js';
import { mayEdit, mayView } from '../../../src/training/competence.js';

const BEFORE = '2027-03-01T09:00:00.000Z';
const DURING = '2027-03-10T12:00:00.000Z';
const AFTER = '2027-03-30T12:00:00.000Z';

function course(partial: Partial<Course> = {}): Course {
  return {
    id: 'course-1',
    municipality: 'alesund',
    kind: 'school',
    name: 'Koordinatorskolen våren 2027',
    sessions: [
      { id: 's1', startsAt: '2027-03-10T08:00:00.000Z', endsAt: '2027-03-10T11:30:00.000Z' },
      { id: 's2', startsAt: '2027-03-17T08:00:00.000Z', endsAt: '2027-03-17T11:30:00.000Z' },
      { id: 's3', startsAt: '2027-03-24T08:00:00.000Z', endsAt: '2027-03-24T11:30:00.000Z' },
    ],
    place: 'Rådhuset, møterom 3',
    capacity: 2,
    participants: [{ userId: 'kari', signedUpAt: '2027-02-01T09:00:00.000Z' }],
    attendance: {},
    createdBy: 'ke-admin',
    createdAt: '2027-01-10T09:00:00.000Z',
    updatedAt: '2027-01-10T09:00:00.000Z',
    ...partial,
  };
}

const refusal = (result: { ok: boolean; reason?: CourseRefusal }) => (result.ok ? 'ok' : result.reason);

describe('Course rules: every refusal a row', () => {
  it.each<[string, () => { ok: boolean; reason?: CourseRefusal }, CourseRefusal | 'ok']>([
    ['sign up with a seat left', () => signUp(course(), { userId: 'ola' }, BEFORE), 'ok'],
    ['sign up to a full course', () => signUp(course({ capacity: 1 }), { userId: 'ola' }, BEFORE), 'full'],
    ['sign up twice', () => signUp(course(), { userId: 'kari' }, BEFORE), 'alreadySignedUp'],
    ['sign up once it has begun', () => signUp(course(), { userId: 'ola' }, DURING), 'started'],
    ['sign up to a cancelled course', () => signUp(course({ cancelledAt: BEFORE }), { userId: 'ola' }, BEFORE), 'cancelled'],
    ['sign off', () => signOff(course(), 'kari', BEFORE), 'ok'],
    ['sign off without being signed up', () => signOff(course(), 'ola', BEFORE), 'notSignedUp'],
    ['sign off once it has begun', () => signOff(course(), 'kari', DURING), 'started'],
    ['attendance for a session that has begun', () => recordAttendance(course(), 's1', ['kari'], DURING), 'ok'],
    ['attendance for a session ahead', () => recordAttendance(course(), 's2', ['kari'], DURING), 'sessionAhead'],
    ['attendance for an unknown session', () => recordAttendance(course(), 'sx', ['kari'], AFTER), 'unknownSession'],
    ['attendance for someone not signed up', () => recordAttendance(course(), 's1', ['ola'], AFTER), 'notParticipant'],
    ['attendance on a cancelled course', () => recordAttendance(course({ cancelledAt: BEFORE }), 's1', ['kari'], AFTER), 'cancelled'],
    ['cancel before it ends', () => cancel(course(), DURING), 'ok'],
    ['cancel after it ended', () => cancel(course(), AFTER), 'started'],
    ['cancel twice', () => cancel(course({ cancelledAt: BEFORE }), DURING), 'cancelled'],
  ])('%s', (_, act, expected) => expect(refusal(act())).toBe(expected));

  it('counts seats and names who came to every session', () => {
    const full = course({
      capacity: 3,
      participants: ['kari', 'ola', 'per'].map((userId) => ({ userId, signedUpAt: BEFORE })),
      attendance: { s1: ['kari', 'ola', 'per'], s2: ['kari', 'ola'], s3: ['kari', 'per'] },
    });
    expect(seatsLeft(full)).toBe(0);
    expect(completedBy(full)).toEqual(['kari']);
  });
});

describe('trainingStatus', () => {
  it.each<[string, Parameters<typeof trainingStatus>[0], string, Partial<ReturnType<typeof trainingStatus>>]>([
    ['never appointed: no deadline', undefined, '2027-01-01', { overdue: false, refresherOverdue: false }],
    ['appointed, within six months', { startedAt: '2026-09-15T10:00:00.000Z' }, '2027-03-15', { deadline: '2027-03-15', overdue: false }],
    ['appointed, past the deadline', { startedAt: '2026-09-15T10:00:00.000Z' }, '2027-03-16', { deadline: '2027-03-15', overdue: true }],
    [
      'done: a refresher due a year later',
      { startedAt: '2026-01-10T10:00:00.000Z', completedOn: '2026-04-01' },
      '2027-03-01',
      { completedOn: '2026-04-01', refresherDue: '2027-04-01', refresherOverdue: false, overdue: false },
    ],
    ['done, refresher overdue', { completedOn: '2025-04-01' }, '2026-04-02', { refresherDue: '2026-04-01', refresherOverdue: true }],
    [
      'refreshed: the next a year after the last',
      { completedOn: '2025-04-01', refreshedOn: '2026-03-20' },
      '2026-04-02',
      { refresherDue: '2027-03-20', refresherOverdue: false },
    ],
  ])('%s', (_, record, today, expected) => expect(trainingStatus(record, 6, today)).toMatchObject(expected));
});

describe('who sees and fills in a competence mapping', () => {
  const kari = { userId: 'kari', unit: 'Hjemmetjenesten' };
  const actor = (userId: string, extra: Partial<{ isKe: boolean; leads: string[] }> = {}) => ({
    userId,
    municipality: 'rana',
    isKe: false,
    leads: [],
    ...extra,
  });
  it.each<[string, ReturnType<typeof actor>, boolean, boolean]>([
    ['the coordinator: reads, does not assess themselves', actor('kari'), true, false],
    ['their leader: reads and fills in', actor('leader', { leads: ['Hjemmetjenesten'] }), true, true],
    ['a leader of another unit: neither', actor('other', { leads: ['Skole'] }), false, false],
    ['KE: reads', actor('ke', { isKe: true }), true, false],
    ['a colleague: neither', actor('ola'), false, false],
  ])('%s', (_, who, view, edit) => {
    expect(mayView(who, kari)).toBe(view);
    expect(mayEdit(who, kari)).toBe(edit);
  });
});
