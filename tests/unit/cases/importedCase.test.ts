import { describe, expect, it } from 'vitest';
import { canView } from '../../../src/cases/transitions.js';
import { EARLIER_SYSTEM, importedCase, importedCaseId, type ExistingCase } from '../../../src/cases/importedCase.js';
import { defaultReminderSettings } from '../../../src/reminders/ReminderSettings.js';
import { caseReminders } from '../../../src/reminders/rules.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const meta = { reference: 'TESTVIK-2026-0001', municipality: 'testvik', importedBy: 'operator:it', at: NOW.toISOString() };
const started: ExistingCase = {
  externalId: 'IP-1',
  resident: { name: 'Eksempel', birthDate: '2018-05-20' },
  ageGroup: 'child',
  need: 'Behov',
  servicesInvolved: ['a', 'b'],
  consent: { givenBy: 'guardian', form: 'written', date: '2025-09-01' },
  state: 'planInProgress',
  reportedOn: '2025-09-01',
  decidedOn: '2025-09-10',
  coordinator: { userId: 'coord-1', unit: 'Helsestasjon', name: 'Ola Olsen' },
  appointedOn: '2025-09-15',
  planStartedOn: '2025-10-01',
  nextEvaluationOn: '2027-03-01',
  evaluationEveryMonths: 6,
};

describe('importedCase()', () => {
  it('gives the same case id for the same external id, and another in another municipality', () => {
    expect(importedCaseId('testvik', 'IP-1')).toBe(importedCaseId('testvik', 'IP-1'));
    expect(importedCaseId('testvik', 'IP-1')).not.toBe(importedCaseId('rana', 'IP-1'));
    expect(importedCaseId('testvik', 'IP-1')).toMatch(/^case-ext-[0-9a-f]{32}$/);
  });

  it('turns the steps a case went through into its history, dated as they happened, then the import', () => {
    const c = importedCase(started, meta);
    expect(c.history.map((entry) => [entry.event, entry.at.slice(0, 10)])).toEqual([
      ['report', '2025-09-01'],
      ['accept', '2025-09-10'],
      ['approveAppointment', '2025-09-15'],
      ['startPlan', '2025-10-01'],
      ['import', '2026-11-25'],
    ]);
    expect(c.history.map((entry) => entry.by)).toEqual([EARLIER_SYSTEM, EARLIER_SYSTEM, EARLIER_SYSTEM, EARLIER_SYSTEM, 'operator:it']);
    expect(c).toMatchObject({ state: 'planInProgress', externalId: 'IP-1', reference: 'TESTVIK-2026-0001', updatedAt: '2025-10-01T08:00:00.000Z' });
    expect(c.plan).toMatchObject({ startedAt: '2025-10-01', checklist: { consentSigned: true }, evaluation: { nextOn: '2027-03-01', everyMonths: 6 } });
  });

  it('is an ordinary case: the coordinator sees it, and the rules give it the reminders a case from chat would have', () => {
    const c = importedCase(started, meta);
    expect(canView(c, { userId: 'coord-1', municipality: 'testvik', isKe: false, leads: [] })).toBe(true);
    expect(canView(c, { userId: 'someone', municipality: 'testvik', isKe: false, leads: [] })).toBe(false);
    expect(
      caseReminders(c, defaultReminderSettings, NOW)
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['contact', 'evaluation', 'transition', 'transition', 'transition']);
  });

  it('closes a closed case with the checklist done and keeps its reason', () => {
    const c = importedCase({ ...started, state: 'closed', closedOn: '2026-06-30', closeReason: 'needEnded' }, meta);
    expect(c.closure).toMatchObject({
      closedOn: '2026-06-30',
      reason: 'needEnded',
      checklist: { agreedWithResident: true, leaderInformed: true, keInformed: true, partnersInformed: true },
    });
    expect(caseReminders(c, defaultReminderSettings, NOW)).toEqual([]);
  });

  it('keeps a report waiting for KE as it is, so KE is reminded of it', () => {
    const { decidedOn: _d, coordinator: _c, appointedOn: _a, planStartedOn: _p, nextEvaluationOn: _n, evaluationEveryMonths: _e, ...reported } = started;
    const c = importedCase({ ...reported, state: 'reported' }, meta);
    expect(c.decision).toBeUndefined();
    expect(caseReminders(c, defaultReminderSettings, NOW).map((r) => [r.kind, r.to])).toEqual([['keWaiting', { kind: 'ke' }]]);
  });
});
