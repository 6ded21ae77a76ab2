import { describe, expect, it } from 'vitest';
import {
  cancelMeeting,
  changeMeeting,
  completeTask,
  declineMeeting,
  handBackTask,
  isOverdue,
  newTask,
  planMeeting,
  postponeTask,
  recordReferat,
  removalRefusal,
  seriesDates,
  taskRefusal,
  type InternalPartner,
  type ExternalPartner,
  type Meeting,
  type MeetingInput,
  type ReferatInput,
  type WorkRefusal,
} from '../../../src/coordination/CaseWork.js';
import { mayActOnTask, mayManage, mayViewMeeting, mayWriteReferat, type CaseBrief } from '../../../src/coordination/access.js';
import type { Actor } from '../../../src/roles/Actor.js';

/** Monday 7 December 2026, 10:00 in Oslo (winter time). */
const NOW = new Date('2026-12-07T09:00:00Z');
const PER: InternalPartner = {
  id: 'p-per',
  caseId: 'c1',
  municipality: 'rana',
  kind: 'internal',
  userId: 'per',
  name: 'Per',
  role: 'kontaktlærer',
  addedBy: 'kari',
  addedAt: '',
};
const BUP: ExternalPartner = {
  id: 'p-bup',
  caseId: 'c1',
  municipality: 'rana',
  kind: 'external',
  organisation: 'BUP',
  role: 'behandler',
  addedBy: 'kari',
  addedAt: '',
};
const partners = [PER, BUP];
const context = { id: 'm1', caseId: 'c1', reference: 'RANA-2026-0001', municipality: 'rana', partners, by: 'kari' };
const input: MeetingInput = {
  kind: 'coordination',
  date: '2026-12-14',
  from: '09:00',
  to: '10:00',
  online: true,
  participants: ['p-per', 'p-bup'],
  residentTakesPart: false,
};

function planned(overrides: Partial<MeetingInput> = {}): Meeting {
  const result = planMeeting({ ...input, ...overrides }, context, NOW);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}
const held = (): Meeting => ({ ...planned(), startsAt: '2026-12-07T08:00:00.000Z', endsAt: '2026-12-07T08:30:00.000Z' });

describe('planMeeting()', () => {
  const rows: [string, Partial<MeetingInput>, WorkRefusal | 'ok'][] = [
    ['plans a meeting next week on Teams', {}, 'ok'],
    ['plans a meeting at a place without Teams', { online: false, place: 'Rådhuset' }, 'ok'],
    ['refuses a meeting in the past', { date: '2026-12-06' }, 'meetingInPast'],
    ['refuses a meeting earlier today', { date: '2026-12-07', from: '09:00', to: '09:30' }, 'meetingInPast'],
    ['refuses an end before the start', { from: '10:00', to: '09:00' }, 'endBeforeStart'],
    ['refuses an end at the start', { from: '10:00', to: '10:00' }, 'endBeforeStart'],
    ['refuses a meeting longer than eight hours', { from: '08:00', to: '16:30' }, 'tooLong'],
    ['accepts exactly eight hours', { from: '08:00', to: '16:00' }, 'ok'],
    ['refuses a meeting with nowhere to meet', { online: false, place: '  ' }, 'noPlace'],
    ['refuses a participant who is no partner', { participants: ['p-gone'] }, 'participantGone'],
    ['refuses a referent who is not invited', { participants: ['p-bup'], referent: 'per' }, 'participantGone'],
  ];
  it.each(rows)('%s', (_name, overrides, expected) => {
    const result = planMeeting({ ...input, ...overrides }, context, NOW);
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });

  it('reads the times as Oslo time, in winter and in summer', () => {
    expect(planned().startsAt).toBe('2026-12-14T08:00:00.000Z');
    const summer = planMeeting({ ...input, date: '2027-06-14' }, context, NOW);
    expect(summer.ok && summer.value.startsAt).toBe('2027-06-14T07:00:00.000Z');
  });
});

describe('changeMeeting(), cancelMeeting(), declineMeeting()', () => {
  it('moves a meeting and asks those who could not come again', () => {
    const declined = { ...planned(), declined: ['per'] };
    const moved = changeMeeting(declined, { ...input, from: '12:00', to: '13:00' }, partners, declined.version, NOW);
    expect(moved.ok && moved.value.declined).toEqual([]);
    expect(moved.ok && moved.value.version).toBe(2);
  });
  const rows: [string, () => ReturnType<typeof cancelMeeting>, WorkRefusal][] = [
    ['refuses a change from a stale card', () => changeMeeting(planned(), input, partners, 0, NOW), 'stale'],
    ['refuses a change once the meeting has begun', () => changeMeeting(held(), input, partners, 1, NOW), 'meetingOver'],
    ['refuses to cancel twice', () => cancelMeeting({ ...planned(), state: 'cancelled' }, 1, NOW), 'meetingCancelled'],
    ['refuses to cancel a meeting that has been held', () => cancelMeeting(held(), 1, NOW), 'meetingOver'],
    ['refuses «kan ikke komme» from someone not invited', () => declineMeeting(planned({ participants: ['p-bup'] }), PER, NOW), 'notInvited'],
    ['refuses «kan ikke komme» to a cancelled meeting', () => declineMeeting({ ...planned(), state: 'cancelled' }, PER, NOW), 'meetingCancelled'],
    ['refuses «kan ikke komme» after the meeting began', () => declineMeeting(held(), PER, NOW), 'meetingOver'],
  ];
  it.each(rows)('%s', (_name, run, reason) => {
    const result = run();
    expect(result.ok ? 'ok' : result.reason).toBe(reason);
  });
  it('records «kan ikke komme» once, however often it is said', () => {
    const once = declineMeeting(planned(), PER, NOW);
    const twice = once.ok ? declineMeeting(once.value, PER, NOW) : once;
    expect(twice.ok && twice.value.declined).toEqual(['per']);
    expect(twice).toEqual(once);
  });
});

describe('recordReferat()', () => {
  const referat: ReferatInput = { attended: ['p-per'], residentPresent: true, agreed: ['Plan for skolestart', ' '], tasks: [] };
  const rows: [string, () => Meeting, Partial<ReferatInput>, number, WorkRefusal | 'ok'][] = [
    ['records the referat of a meeting that has begun', held, {}, 1, 'ok'],
    ['refuses a referat before the meeting', () => planned(), {}, 1, 'referatBeforeStart'],
    ['refuses a referat for a cancelled meeting', () => ({ ...held(), state: 'cancelled' }), {}, 1, 'referatCancelled'],
    ['refuses someone present who was not invited', held, { attended: ['p-other'] }, 1, 'referatNotInvited'],
    ['refuses a stale form', held, {}, 0, 'stale'],
    ['refuses a task due before its meeting', held, { tasks: [{ what: 'x', owner: { kind: 'coordinator' }, dueOn: '2026-12-06' }] }, 1, 'taskBeforeMeeting'],
    ['accepts a task due on the meeting day', held, { tasks: [{ what: 'x', owner: { kind: 'coordinator' }, dueOn: '2026-12-07' }] }, 1, 'ok'],
  ];
  it.each(rows)('%s', (_name, meeting, overrides, version, expected) => {
    const result = recordReferat(meeting(), { ...referat, ...overrides }, partners, 'kari', version, NOW);
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });
  it('keeps the agreed points short and without empty lines', () => {
    const result = recordReferat(held(), referat, partners, 'kari', 1, NOW);
    expect(result.ok && result.value.referat?.agreed).toEqual(['Plan for skolestart']);
  });
});

describe('tasks', () => {
  const task = newTask(
    { what: ' Lage plan ', owner: { kind: 'partner', partnerId: 'p-per' }, dueOn: '2026-12-10' },
    { id: 't1', caseId: 'c1', reference: 'R', municipality: 'rana', ownerUserId: 'per', by: 'kari' },
    NOW,
  );

  it('refuses a task owned by someone who is no partner, or due in the past', () => {
    expect(taskRefusal({ what: 'x', owner: { kind: 'partner', partnerId: 'p-gone' }, dueOn: '2026-12-10' }, undefined, partners, NOW)).toBe('participantGone');
    expect(taskRefusal({ what: 'x', owner: { kind: 'family' }, dueOn: '2026-12-06' }, undefined, partners, NOW)).toBe('taskDueInPast');
    expect(taskRefusal({ what: 'x', owner: { kind: 'family' }, dueOn: '2026-12-07' }, undefined, partners, NOW)).toBeUndefined();
  });
  it('records «Ferdig» once: a second click changes nothing', () => {
    const first = completeTask(task, 'per', NOW);
    const second = first.ok ? completeTask(first.value.task, 'per', NOW) : first;
    expect(first.ok && first.value.changed).toBe(true);
    expect(second.ok && second.value.changed).toBe(false);
    expect(completeTask({ ...task, state: 'cancelled' }, 'per', NOW).ok).toBe(false);
  });
  it('postpones a week from the deadline, or from today when it is overdue', () => {
    const ahead = postponeTask(task, 7, NOW);
    expect(ahead.ok && ahead.value.dueOn).toBe('2026-12-17');
    const late = postponeTask({ ...task, dueOn: '2026-12-01' }, 7, NOW);
    expect(late.ok && late.value.dueOn).toBe('2026-12-14');
  });
  it('hands a task back to the coordinator with the reason', () => {
    const back = handBackTask(task, ' Har ikke tid ', 'kari', NOW);
    expect(back.ok && back.value).toMatchObject({ owner: { kind: 'coordinator' }, ownerUserId: 'kari', handedBackNote: 'Har ikke tid' });
  });
  it('is overdue the day after its deadline (Oslo)', () => {
    expect(isOverdue({ state: 'open', dueOn: '2026-12-07' }, NOW)).toBe(false);
    expect(isOverdue({ state: 'open', dueOn: '2026-12-06' }, NOW)).toBe(true);
    expect(isOverdue({ state: 'done', dueOn: '2026-12-06' }, NOW)).toBe(false);
  });
  it('keeps a partner who owns open tasks until they are handed on', () => {
    expect(removalRefusal(PER, [task])).toBe('partnerOwnsTasks');
    expect(removalRefusal(PER, [{ ...task, state: 'done' }])).toBeUndefined();
    expect(removalRefusal(BUP, [task])).toBeUndefined();
  });
});

describe('seriesDates()', () => {
  it.each([
    ['every 4 weeks until March', { weeks: 4 }, '2027-03-01', ['2026-12-14', '2027-01-11', '2027-02-08']],
    ['every 3 months until the end of next year', { months: 3 }, '2027-12-31', ['2026-12-14', '2027-03-14', '2027-06-14', '2027-09-14', '2027-12-14']],
  ] as const)('%s', (_name, every, until, dates) => {
    const result = seriesDates('2026-12-14', every, until);
    expect(result.ok && result.value).toEqual(dates);
  });
  it('refuses an end before the first meeting, and stops at 26 meetings', () => {
    expect(seriesDates('2026-12-14', { weeks: 2 }, '2026-12-01').ok).toBe(false);
    const long = seriesDates('2026-12-14', { weeks: 1 }, '2030-01-01');
    expect(long.ok && long.value).toHaveLength(26);
  });
});

describe('who may do what', () => {
  const brief: CaseBrief = {
    id: 'c1',
    reference: 'R',
    municipality: 'rana',
    state: 'planInProgress',
    residentName: 'Ola',
    coordinator: { userId: 'kari', unit: 'Hjemmetjenesten' },
  };
  const actor = (userId: string, extra: Partial<Actor> = {}): Actor => ({ userId, municipality: 'rana', isKe: false, leads: [], ...extra });
  const meeting = { ...planned({ participants: ['p-per'] }), referent: 'per' };
  const task = newTask(
    { what: 'x', owner: { kind: 'partner', partnerId: 'p-per' }, dueOn: '2026-12-10' },
    { id: 't', caseId: 'c1', reference: 'R', municipality: 'rana', ownerUserId: 'per', by: 'kari' },
    NOW,
  );
  const rows: [string, Actor, boolean, boolean, boolean, boolean][] = [
    // who,                                   manage, view,  referat, task
    ['the coordinator', actor('kari'), true, true, true, true],
    ['KE', actor('ke', { isKe: true }), true, true, true, true],
    ['an invited internal partner, the referent and owner', actor('per'), false, true, true, true],
    ['a leader of the unit', actor('leder', { leads: ['Hjemmetjenesten'] }), false, false, false, false],
    ['KE of another municipality', actor('ke', { isKe: true, municipality: 'alesund' }), false, false, false, false],
    ['someone else', actor('ola'), false, false, false, false],
  ];
  it.each(rows)('%s', (_name, who, manage, view, referat, onTask) => {
    expect(mayManage(brief, who)).toBe(manage);
    expect(mayViewMeeting(brief, meeting, partners, who)).toBe(view);
    expect(mayWriteReferat(brief, meeting, who)).toBe(referat);
    expect(mayActOnTask(brief, task, who)).toBe(onTask);
  });
});
