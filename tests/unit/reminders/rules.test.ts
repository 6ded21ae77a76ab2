import { describe, expect, it } from 'vitest';
import type { Case } from '../../../src/cases/Case.js';
import { defaultReminderSettings } from '../../../src/reminders/ReminderSettings.js';
import { caseReminders, meetingReminders, milestoneDates, taskReminders, trainingReminders, type ReminderKind } from '../../../src/reminders/rules.js';

const NOW = new Date('2026-11-23T09:30:00Z');
const settings = defaultReminderSettings;
const CHECKLIST = { consentSigned: true, expectationsClarified: true, contactAgreed: true, partnersInformed: true, nextMeetingAgreed: true };

function aCase(overrides: Partial<Case> = {}): Case {
  return {
    id: 'case-1',
    reference: 'RANA-2026-0001',
    municipality: 'rana',
    state: 'planInProgress',
    report: {
      resident: { name: 'Kari', birthDate: '2014-05-06' },
      ageGroup: 'child',
      servicesInvolved: ['a', 'b'],
      need: 'x',
      consent: { givenBy: 'guardian', form: 'written', date: '2026-10-01' },
      reporter: { userId: 'reporter', unit: 'Skole' },
    },
    createdAt: '2026-10-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    declinedProposals: [],
    previousCoordinators: [],
    history: [],
    coordinator: { userId: 'coord', unit: 'Hjemmetjenesten', appointedAt: '2026-10-10T10:00:00.000Z', approvedBy: 'leader', proposalId: 'p' },
    plan: { startedAt: '2026-10-15', checklist: CHECKLIST, evaluation: { nextOn: '2027-04-01', everyMonths: 6 } },
    lastContactOn: '2026-11-02',
    ...overrides,
  };
}

const byKind = (c: Case, kind: ReminderKind) => caseReminders(c, settings, NOW).filter((r) => r.kind === kind);

describe('caseReminders()', () => {
  it.each<[string, Partial<Case>, ReminderKind[]]>([
    ['a plan in progress for a child', {}, ['contact', 'evaluation', 'transition', 'transition', 'transition']],
    [
      'an adult without an evaluation date',
      {
        report: { ...aCase().report, ageGroup: 'adult', resident: { name: 'Per', birthDate: '1970-01-01' } },
        plan: { startedAt: '2026-10-15', checklist: CHECKLIST },
      },
      ['contact'],
    ],
    ['a report waiting for KE', { state: 'reported', coordinator: undefined, plan: undefined, lastContactOn: undefined }, ['keWaiting']],
    ['an accepted case waiting for a coordinator', { state: 'accepted', coordinator: undefined, plan: undefined, lastContactOn: undefined }, ['keWaiting']],
    ['a reported change, still with its coordinator', { state: 'changeReported' }, ['contact', 'keWaiting', 'transition', 'transition', 'transition']],
    ['a closed case', { state: 'closed' }, []],
    ['a declined case', { state: 'declined', coordinator: undefined }, []],
  ])('gives %s: %j', (_name, overrides, kinds) => {
    expect(
      caseReminders(aCase(overrides), settings, NOW)
        .map((r) => r.kind)
        .sort(),
    ).toEqual([...kinds].sort());
  });

  it('reminds of the evaluation a week before, at 08:00 Oslo time', () => {
    expect(byKind(aCase(), 'evaluation')).toEqual([
      expect.objectContaining({
        key: 'evaluation:case-1:2027-04-01',
        to: { kind: 'user', userId: 'coord' },
        dueAt: '2027-03-25T07:00:00.000Z',
        on: '2027-04-01',
      }),
    ]);
  });

  it('asks for follow-up six weeks after the last recorded contact (summer time considered)', () => {
    expect(byKind(aCase({ lastContactOn: '2027-04-20' }), 'contact')[0]).toMatchObject({ key: 'contact:case-1:2027-04-20', dueAt: '2027-06-01T06:00:00.000Z' });
    expect(byKind(aCase({ lastContactOn: undefined }), 'contact')[0]).toMatchObject({ key: 'contact:case-1:2026-10-15', on: '2026-10-15' });
  });

  it('plans the child’s transitions six months ahead and skips those passed', () => {
    expect(milestoneDates('2014-05-06')).toEqual({
      kindergarten: '2015-08-15',
      schoolStart: '2020-08-15',
      lowerSecondary: '2027-08-15',
      upperSecondary: '2030-08-15',
      adult: '2032-05-06',
    });
    expect(byKind(aCase(), 'transition').map((r) => [r.milestone, r.dueAt])).toEqual([
      ['lowerSecondary', '2027-02-15T07:00:00.000Z'],
      ['upperSecondary', '2030-02-15T07:00:00.000Z'],
      ['adult', '2031-11-06T07:00:00.000Z'],
    ]);
  });

  it('reminds the coordinator of an expected child a month after the due date to record the birth, and of no school transitions until then', () => {
    const expected = aCase({ report: { ...aCase().report, expectedChild: true, resident: { name: 'Forelder', birthDate: '2027-03-10' } } });
    expect(byKind(expected, 'birth')).toMatchObject([
      { key: 'birth:case-1:2027-03-10', to: { kind: 'user' }, on: '2027-03-10', dueAt: '2027-04-10T06:00:00.000Z' },
    ]);
    expect(byKind(expected, 'transition')).toEqual([]);
  });

  it('plans a toddler’s kindergarten start six months ahead', () => {
    const toddler = aCase({ report: { ...aCase().report, resident: { name: 'Liten', birthDate: '2026-03-01' } } });
    expect(byKind(toddler, 'transition').map((r) => [r.milestone, r.on])[0]).toEqual(['kindergarten', '2027-08-15']);
  });

  it('reminds KE after 14 days and leaders after 3, counted from when the wait began', () => {
    expect(byKind(aCase({ state: 'reported', coordinator: undefined }), 'keWaiting')[0]).toMatchObject({
      key: 'keWaiting:case-1:decision',
      to: { kind: 'ke' },
      dueAt: '2026-10-15T08:00:00.000Z',
    });
    const proposed = aCase({
      state: 'coordinatorProposed',
      coordinator: undefined,
      proposal: { id: 'p9', coordinator: { userId: 'c2', unit: 'Skole' }, proposedBy: 'ke', proposedAt: '2026-11-20T13:00:00.000Z', returnTo: 'accepted' },
    });
    expect(caseReminders(proposed, settings, NOW)).toEqual([
      expect.objectContaining({
        key: 'approvalPending:case-1:p9',
        kind: 'approvalPending',
        to: { kind: 'leadersOf', unit: 'Skole' },
        dueAt: '2026-11-23T13:00:00.000Z',
      }),
    ]);
  });

  it('follows the municipality’s settings', () => {
    const own = { ...settings, contactWeeks: 2, evaluationNoticeDays: 0 };
    const reminders = caseReminders(aCase(), own, NOW);
    expect(reminders.find((r) => r.kind === 'contact')?.dueAt).toBe('2026-11-16T07:00:00.000Z');
    expect(reminders.find((r) => r.kind === 'evaluation')?.dueAt).toBe('2027-04-01T06:00:00.000Z');
  });

  it('gives the same keys for the same case, whenever it is evaluated', () => {
    const later = new Date('2027-01-10T10:00:00Z');
    expect(caseReminders(aCase(), settings, later).map((r) => r.key)).toEqual(caseReminders(aCase(), settings, NOW).map((r) => r.key));
  });
});

describe('trainingReminders()', () => {
  it.each([
    ['2026-05-23T12:00:00.000Z', '2026-11-23T07:00:00.000Z'],
    ['2026-08-31T12:00:00.000Z', '2027-02-28T07:00:00.000Z'], // no 31 February: the last day of the month
    ['2026-03-29T12:00:00.000Z', '2026-09-29T06:00:00.000Z'], // appointed on the DST day
  ])('puts the six-month deadline for an appointment on %s at %s, to the coordinator with KE copied', (startedAt, dueAt) => {
    const reminders = trainingReminders('coord', startedAt, settings);
    expect(reminders.map((r) => [r.to, r.dueAt])).toEqual([
      [{ kind: 'user', userId: 'coord' }, dueAt],
      [{ kind: 'ke' }, dueAt],
    ]);
  });

  it('is not due the day before the six months are up, and is on the day', () => {
    const [reminder] = trainingReminders('coord', '2026-05-23T12:00:00.000Z', settings);
    expect(Date.parse(reminder!.dueAt) <= Date.parse('2026-11-22T15:00:00Z')).toBe(false);
    expect(Date.parse(reminder!.dueAt) <= Date.parse('2026-11-23T07:00:00Z')).toBe(true);
  });
});

describe('meetingReminders() and taskReminders()', () => {
  const settings = defaultReminderSettings;
  /** Wednesday 9 December 2026, 10:00 Oslo. */
  const now = new Date('2026-12-09T09:00:00Z');
  const meeting = {
    id: 'm1',
    caseId: 'c1',
    reference: 'RANA-2026-0001',
    kind: 'coordination',
    // Monday 14 December, 09:00–10:00 Oslo.
    startsAt: '2026-12-14T08:00:00.000Z',
    endsAt: '2026-12-14T09:00:00.000Z',
    state: 'planned' as const,
    hasReferat: false,
  };

  it('reminds each participant the working day before (Friday for a Monday meeting), and the coordinator two working days after without a referat', () => {
    const reminders = meetingReminders(meeting, { participants: ['per'], coordinator: 'kari' }, settings, now);
    expect(reminders.map((r) => [r.kind, r.to, r.dueAt])).toEqual([
      ['meeting', { kind: 'user', userId: 'per' }, '2026-12-11T07:00:00.000Z'],
      ['referat', { kind: 'user', userId: 'kari' }, '2026-12-16T07:00:00.000Z'],
    ]);
  });

  it('asks the coordinator to confirm a møteplan meeting two weeks before, and drops everything for a cancelled meeting', () => {
    const later = { ...meeting, seriesId: 's1', startsAt: '2027-01-11T08:00:00.000Z', endsAt: '2027-01-11T09:00:00.000Z' };
    expect(meetingReminders(later, { participants: [], coordinator: 'kari' }, settings, now).map((r) => [r.kind, r.dueAt])).toContainEqual([
      'meetingConfirm',
      '2026-12-28T07:00:00.000Z',
    ]);
    expect(meetingReminders({ ...meeting, state: 'cancelled' }, { participants: ['per'], coordinator: 'kari' }, settings, now)).toEqual([]);
    expect(meetingReminders({ ...meeting, hasReferat: true }, { participants: [], coordinator: 'kari' }, settings, now)).toEqual([]);
  });

  it('reminds a task owner the working day before the deadline and weekly once overdue; an outside owner’s task reminds the coordinator', () => {
    const task = { id: 't1', caseId: 'c1', reference: 'R', dueOn: '2026-12-14', state: 'open' as const, ownerUserId: 'per' };
    expect(taskReminders(task, 'kari', settings).map((r) => [r.kind, r.to, r.dueAt, r.repeatDays])).toEqual([
      ['taskDue', { kind: 'user', userId: 'per' }, '2026-12-11T07:00:00.000Z', undefined],
      ['taskOverdue', { kind: 'user', userId: 'per' }, '2026-12-15T07:00:00.000Z', 7],
    ]);
    const outside = { ...task, ownerUserId: undefined };
    expect(taskReminders(outside, 'kari', settings).map((r) => [r.kind, r.to, r.repeatDays])).toEqual([['taskFollowUp', { kind: 'user', userId: 'kari' }, 7]]);
    expect(taskReminders({ ...task, state: 'done' }, 'kari', settings)).toEqual([]);
  });
});
