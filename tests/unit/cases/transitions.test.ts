import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/roles/Actor.js';
import { caseStates, type Case, type CaseState, type Report } from '../../../src/cases/Case.js';
import { canView, reportCase, transition, type Command } from '../../../src/cases/transitions.js';

const NOW = new Date('2026-11-23T09:30:00+01:00');
const CHECKLIST = { consentSigned: true, expectationsClarified: true, contactAgreed: true, partnersInformed: true, nextMeetingAgreed: true };

const actors = {
  ke: { userId: 'ke-1', municipality: 'rana', isKe: true, leads: [] },
  keOtherMunicipality: { userId: 'ke-9', municipality: 'alesund', isKe: true, leads: [] },
  leaderOfCoordinatorUnit: { userId: 'leader-1', municipality: 'rana', isKe: false, leads: ['Hjemmetjenesten'] },
  leaderOfOtherUnit: { userId: 'leader-2', municipality: 'rana', isKe: false, leads: ['Skole'] },
  coordinator: { userId: 'coord-1', municipality: 'rana', isKe: false, leads: [] },
  reporter: { userId: 'reporter-1', municipality: 'rana', isKe: false, leads: [] },
  employee: { userId: 'emp-1', municipality: 'rana', isKe: false, leads: [] },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

const report: Report = {
  resident: { name: 'Kari Nordmann', birthDate: '2015-04-01' },
  ageGroup: 'child',
  servicesInvolved: ['rana-barnevern', 'rana-pp-tjenesten'],
  need: 'Trenger hjelp til å samordne skole og avlastning.',
  consent: { givenBy: 'guardian', form: 'written', date: '2026-11-20' },
  reporter: { userId: 'reporter-1', unit: 'Skole' },
};

const coordinatorRef = { userId: 'coord-1', unit: 'Hjemmetjenesten' };
const colleague = { userId: 'coord-2', unit: 'Hjemmetjenesten', name: 'Kollega i samme enhet' };
const otherUnitColleague = { userId: 'coord-3', unit: 'Skole', name: 'Lærer på Selfors' };
const CLOSING = { agreedWithResident: true, leaderInformed: true, keInformed: true, partnersInformed: true };

/** A case in the given state, built the way the rules build it. */
function caseIn(state: CaseState): Case {
  const base: Case = {
    id: 'c1',
    reference: 'RANA-2026-0001',
    municipality: 'rana',
    state: 'reported',
    report,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    declinedProposals: [],
    previousCoordinators: [],
    history: [],
  };
  const withProposal = {
    ...base,
    proposal: { id: 'p1', coordinator: coordinatorRef, proposedBy: 'ke-1', proposedAt: NOW.toISOString(), returnTo: 'accepted' as const },
  };
  const appointed = { ...base, coordinator: { ...coordinatorRef, appointedAt: NOW.toISOString(), approvedBy: 'leader-1', proposalId: 'p0' } };
  const byState: Record<CaseState, Case> = {
    reported: base,
    underAssessment: { ...base, state: 'underAssessment' },
    declined: { ...base, state: 'declined' },
    accepted: { ...base, state: 'accepted' },
    coordinatorProposed: { ...withProposal, state: 'coordinatorProposed' },
    coordinatorAppointed: { ...appointed, state: 'coordinatorAppointed' },
    planInProgress: { ...appointed, state: 'planInProgress', plan: { startedAt: '2026-11-01', checklist: CHECKLIST } },
    changeReported: {
      ...appointed,
      state: 'changeReported',
      change: {
        kind: 'change',
        reason: 'leavesPosition',
        leaveKind: 'newJob',
        effectiveOn: '2026-12-01',
        reportedBy: 'coord-1',
        reportedAt: NOW.toISOString(),
      },
    },
    closed: {
      ...appointed,
      state: 'closed',
      closure: { closedOn: '2026-11-20', reason: 'needEnded', checklist: CLOSING, by: 'coord-1', at: NOW.toISOString() },
    },
  };
  return byState[state];
}

const commands: Record<Command['type'], Command> = {
  startAssessment: { type: 'startAssessment' },
  accept: { type: 'accept' },
  decline: { type: 'decline', reason: 'Behovet gjelder bare én tjeneste.' },
  proposeCoordinator: { type: 'proposeCoordinator', proposalId: 'p2', coordinator: colleague },
  approveAppointment: { type: 'approveAppointment', proposalId: 'p1' },
  declineAppointment: { type: 'declineAppointment', proposalId: 'p1', reason: 'Ingen kapasitet før over nyttår.' },
  startPlan: { type: 'startPlan', startedAt: '2026-11-23', checklist: CHECKLIST },
  reportChange: { type: 'reportChange', reason: 'leavesPosition', leaveKind: 'leave', effectiveOn: '2026-12-01', note: 'Foreldrepermisjon fra desember.' },
  requestTransfer: { type: 'requestTransfer', proposalId: 'p3', to: otherUnitColleague },
  close: { type: 'close', closedOn: '2026-11-23', reason: 'needEnded', checklist: CLOSING },
  reopen: { type: 'reopen' },
  recordContact: { type: 'recordContact', on: '2026-11-23' },
  recordEvaluation: { type: 'recordEvaluation', on: '2026-11-23' },
  recordBirth: { type: 'recordBirth', name: 'Lille Nordmann', birthDate: '2026-11-20' },
};

/** The case a command is tried on: a birth is recorded on an expected child's case (a parent named, the due date in place of the birth date). */
function subject(command: Command['type'], state: CaseState): Case {
  const c = caseIn(state);
  return command === 'recordBirth' ? { ...c, report: { ...c.report, expectedChild: true, resident: { name: 'Kari Nordmann', birthDate: '2026-12-01' } } } : c;
}

/** The specification, written out: who may do what, from which state, and where it leads. Every other cell is refused. */
const allowed: [Command['type'], ActorName, CaseState, CaseState][] = [
  ['startAssessment', 'ke', 'reported', 'underAssessment'],
  ['accept', 'ke', 'reported', 'accepted'],
  ['accept', 'ke', 'underAssessment', 'accepted'],
  ['decline', 'ke', 'reported', 'declined'],
  ['decline', 'ke', 'underAssessment', 'declined'],
  ['proposeCoordinator', 'ke', 'accepted', 'coordinatorProposed'],
  ['approveAppointment', 'leaderOfCoordinatorUnit', 'coordinatorProposed', 'coordinatorAppointed'],
  ['declineAppointment', 'leaderOfCoordinatorUnit', 'coordinatorProposed', 'accepted'],
  ['startPlan', 'coordinator', 'coordinatorAppointed', 'planInProgress'],
  ['proposeCoordinator', 'ke', 'changeReported', 'coordinatorProposed'],
  ['reportChange', 'coordinator', 'coordinatorAppointed', 'changeReported'],
  ['reportChange', 'coordinator', 'planInProgress', 'changeReported'],
  ['requestTransfer', 'coordinator', 'coordinatorAppointed', 'changeReported'],
  ['requestTransfer', 'coordinator', 'planInProgress', 'changeReported'],
  ['close', 'ke', 'accepted', 'closed'],
  ['close', 'ke', 'coordinatorAppointed', 'closed'],
  ['close', 'ke', 'planInProgress', 'closed'],
  ['close', 'ke', 'changeReported', 'closed'],
  ['close', 'coordinator', 'coordinatorAppointed', 'closed'],
  ['close', 'coordinator', 'planInProgress', 'closed'],
  ['close', 'coordinator', 'changeReported', 'closed'],
  ['reopen', 'ke', 'closed', 'accepted'],
  ['recordContact', 'coordinator', 'coordinatorAppointed', 'coordinatorAppointed'],
  ['recordContact', 'coordinator', 'planInProgress', 'planInProgress'],
  ['recordContact', 'coordinator', 'changeReported', 'changeReported'],
  ['recordEvaluation', 'coordinator', 'planInProgress', 'planInProgress'],
  ['recordBirth', 'ke', 'reported', 'reported'],
  ['recordBirth', 'ke', 'underAssessment', 'underAssessment'],
  ['recordBirth', 'ke', 'accepted', 'accepted'],
  ['recordBirth', 'ke', 'coordinatorProposed', 'coordinatorProposed'],
  ['recordBirth', 'ke', 'coordinatorAppointed', 'coordinatorAppointed'],
  ['recordBirth', 'ke', 'planInProgress', 'planInProgress'],
  ['recordBirth', 'ke', 'changeReported', 'changeReported'],
  ['recordBirth', 'coordinator', 'coordinatorAppointed', 'coordinatorAppointed'],
  ['recordBirth', 'coordinator', 'planInProgress', 'planInProgress'],
  ['recordBirth', 'coordinator', 'changeReported', 'changeReported'],
];

const cells = (Object.keys(commands) as Command['type'][]).flatMap((command) =>
  (Object.keys(actors) as ActorName[]).flatMap((actor) => caseStates.map((state) => [command, actor, state] as const)),
);

describe('transition()', () => {
  it.each(allowed)('lets %s by %s move a case from %s to %s', (command, actor, from, to) => {
    const outcome = transition(subject(command, from), commands[command], actors[actor], NOW);
    expect(outcome.ok && outcome.case.state).toBe(to);
    expect(outcome.ok && outcome.case.updatedAt).toBe(NOW.toISOString());
  });

  it.each(cells.filter(([c, a, s]) => !allowed.some(([ac, aa, as]) => ac === c && aa === a && as === s)))(
    'refuses %s by %s in state %s',
    (command, actor, state) => {
      const before = subject(command, state);
      const snapshot = structuredClone(before);
      const outcome = transition(before, commands[command], actors[actor], NOW);
      expect(outcome.ok).toBe(false);
      expect(before).toEqual(snapshot);
    },
  );

  it('says why: another municipality and the wrong role are notAllowed, the right role at the wrong time is wrongState', () => {
    expect(transition(caseIn('reported'), commands.accept, actors.keOtherMunicipality, NOW)).toEqual({ ok: false, reason: 'notAllowed' });
    expect(transition(caseIn('reported'), commands.accept, actors.employee, NOW)).toEqual({ ok: false, reason: 'notAllowed' });
    expect(transition(caseIn('declined'), commands.accept, actors.ke, NOW)).toEqual({ ok: false, reason: 'wrongState' });
  });

  it('records an expected child’s birth: the child’s name and birth date replace the parent and the due date, once', () => {
    const born = transition(subject('recordBirth', 'planInProgress'), commands.recordBirth, actors.coordinator, NOW);
    expect(born.ok && born.case.report).toMatchObject({ expectedChild: false, resident: { name: 'Lille Nordmann', birthDate: '2026-11-20' } });
    expect(born.ok && born.events).toEqual([{ type: 'audit', action: 'case.recordBirth' }]);
    expect(transition(born.ok ? born.case : caseIn('closed'), commands.recordBirth, actors.coordinator, NOW)).toEqual({ ok: false, reason: 'notExpected' });
    expect(transition(caseIn('planInProgress'), commands.recordBirth, actors.coordinator, NOW)).toEqual({ ok: false, reason: 'notExpected' });
  });

  it.each([
    ['a birth tomorrow', '2026-11-24'],
    ['a birth more than six months before the due date', '2026-05-31'],
  ])('refuses %s', (_name, birthDate) => {
    expect(transition(subject('recordBirth', 'planInProgress'), { ...commands.recordBirth, birthDate } as Command, actors.coordinator, NOW)).toEqual({
      ok: false,
      reason: 'birthDate',
    });
  });

  it('refuses an approval from a stale card (an older proposal)', () => {
    const outcome = transition(caseIn('coordinatorProposed'), { type: 'approveAppointment', proposalId: 'p0' }, actors.leaderOfCoordinatorUnit, NOW);
    expect(outcome).toEqual({ ok: false, reason: 'staleProposal' });
  });

  it('refuses a second approval of the same proposal', () => {
    const first = transition(caseIn('coordinatorProposed'), commands.approveAppointment, actors.leaderOfCoordinatorUnit, NOW);
    expect(first.ok).toBe(true);
    const second = transition(first.ok ? first.case : caseIn('closed'), commands.approveAppointment, actors.leaderOfCoordinatorUnit, NOW);
    expect(second).toEqual({ ok: false, reason: 'wrongState' });
  });

  it('requires a reason to decline, and keeps the appeal notice for the reporter', () => {
    expect(transition(caseIn('reported'), { type: 'decline', reason: '  ' }, actors.ke, NOW)).toEqual({ ok: false, reason: 'reasonMissing' });
    const declined = transition(caseIn('reported'), commands.decline, actors.ke, NOW);
    expect(declined.ok && declined.events).toContainEqual({ type: 'notify', to: { kind: 'user', userId: 'reporter-1' }, kind: 'reportDeclined' });
  });

  it('on approval appoints the coordinator, welcomes them, tells KE and starts the training deadline', () => {
    const outcome = transition(caseIn('coordinatorProposed'), commands.approveAppointment, actors.leaderOfCoordinatorUnit, NOW);
    expect(outcome.ok && outcome.case.coordinator).toEqual({ ...coordinatorRef, appointedAt: NOW.toISOString(), approvedBy: 'leader-1', proposalId: 'p1' });
    expect(outcome.ok && outcome.events).toEqual([
      { type: 'audit', action: 'case.approveAppointment' },
      { type: 'notify', to: { kind: 'user', userId: 'coord-1' }, kind: 'welcomeCoordinator' },
      { type: 'notify', to: { kind: 'ke' }, kind: 'coordinatorAppointed' },
      { type: 'trainingDeadlineStarts', userId: 'coord-1' },
    ]);
  });

  it('on a declined appointment returns to accepted and keeps the declined proposal in the history', () => {
    const outcome = transition(caseIn('coordinatorProposed'), commands.declineAppointment, actors.leaderOfCoordinatorUnit, NOW);
    expect(outcome.ok && outcome.case.proposal).toBeUndefined();
    expect(outcome.ok && outcome.case.declinedProposals).toMatchObject([{ id: 'p1', declinedBy: 'leader-1', reason: 'Ingen kapasitet før over nyttår.' }]);
  });

  it('writes every change into the history, with codes and names but never the free-text note', () => {
    const outcome = transition(caseIn('planInProgress'), commands.reportChange, { ...actors.coordinator, name: 'Kari Koordinator' }, NOW);
    expect(outcome.ok && outcome.case.history.at(-1)).toEqual({
      at: NOW.toISOString(),
      by: 'coord-1',
      byName: 'Kari Koordinator',
      event: 'reportChange',
      code: 'leavesPosition',
    });
    expect(JSON.stringify(outcome.ok && outcome.case.history)).not.toContain('permisjon fra desember');
    expect(JSON.stringify(outcome.ok && outcome.events)).not.toContain('Foreldrepermisjon');
  });

  it('asks the leaders of the proposed coordinator’s unit for approval', () => {
    const outcome = transition(caseIn('accepted'), commands.proposeCoordinator, actors.ke, NOW);
    expect(outcome.ok && outcome.events).toContainEqual({ type: 'notify', to: { kind: 'leadersOf', unit: 'Hjemmetjenesten' }, kind: 'approvalRequested' });
  });
});

describe('transition() for a coordinator change (endringsskjema)', () => {
  it('tells KE and keeps the coordinator responsible while KE acts', () => {
    const outcome = transition(caseIn('planInProgress'), commands.reportChange, actors.coordinator, NOW);
    expect(outcome.ok && outcome.case).toMatchObject({
      state: 'changeReported',
      coordinator: { userId: 'coord-1' },
      change: { kind: 'change', reason: 'leavesPosition', leaveKind: 'leave', note: 'Foreldrepermisjon fra desember.' },
    });
    expect(outcome.ok && outcome.events).toContainEqual({ type: 'notify', to: { kind: 'ke' }, kind: 'changeReported' });
  });

  it('needs to know why the coordinator leaves the position, and drops that detail for other reasons', () => {
    expect(
      transition(caseIn('planInProgress'), { type: 'reportChange', reason: 'leavesPosition', effectiveOn: '2026-12-01' }, actors.coordinator, NOW),
    ).toEqual({ ok: false, reason: 'leaveKindMissing' });
    const ended = transition(
      caseIn('planInProgress'),
      { type: 'reportChange', reason: 'needEnded', leaveKind: 'leave', effectiveOn: '2026-12-01' },
      actors.coordinator,
      NOW,
    );
    expect(ended.ok && ended.case.change).not.toHaveProperty('leaveKind');
  });

  it('refuses a change on a closed case with its own reason, so the user hears the case is closed', () => {
    expect(transition(caseIn('closed'), commands.reportChange, actors.coordinator, NOW)).toEqual({ ok: false, reason: 'closed' });
  });

  it('replaces the coordinator on approval: the plan goes on, the old period ends, both are told', () => {
    const changed = { ...caseIn('changeReported'), plan: { startedAt: '2026-10-01', checklist: CHECKLIST } };
    const proposed = transition(changed, { type: 'proposeCoordinator', proposalId: 'p5', coordinator: colleague }, actors.ke, NOW);
    expect(proposed.ok && proposed.case).toMatchObject({
      state: 'coordinatorProposed',
      coordinator: { userId: 'coord-1' },
      proposal: { returnTo: 'changeReported' },
    });
    const later = new Date(NOW.getTime() + 86_400_000);
    const approved = transition(proposed.ok ? proposed.case : changed, { type: 'approveAppointment', proposalId: 'p5' }, actors.leaderOfCoordinatorUnit, later);
    expect(approved.ok && approved.case).toMatchObject({
      state: 'planInProgress',
      coordinator: { userId: 'coord-2', appointedAt: later.toISOString() },
      change: undefined,
    });
    expect(approved.ok && approved.case.previousCoordinators).toEqual([
      { ...coordinatorRef, appointedAt: NOW.toISOString(), approvedBy: 'leader-1', proposalId: 'p0', until: later.toISOString() },
    ]);
    expect(approved.ok && approved.events).toEqual(
      expect.arrayContaining([
        { type: 'notify', to: { kind: 'user', userId: 'coord-2' }, kind: 'welcomeCoordinator' },
        { type: 'notify', to: { kind: 'user', userId: 'coord-1' }, kind: 'coordinatorReplaced' },
        // The case's partners are told, and the tasks the old coordinator held follow the case.
        { type: 'coordinatorChanged', from: 'coord-1', to: 'coord-2' },
      ]),
    );
  });

  it('goes back to the change report when the leader declines the new coordinator', () => {
    const proposed = transition(caseIn('changeReported'), { type: 'proposeCoordinator', proposalId: 'p5', coordinator: colleague }, actors.ke, NOW);
    const declined = transition(
      proposed.ok ? proposed.case : caseIn('closed'),
      { type: 'declineAppointment', proposalId: 'p5', reason: 'Full kalender.' },
      actors.leaderOfCoordinatorUnit,
      NOW,
    );
    expect(declined.ok && declined.case).toMatchObject({ state: 'changeReported', coordinator: { userId: 'coord-1' } });
  });

  it('refuses to propose the person who is already the coordinator', () => {
    expect(transition(caseIn('changeReported'), { type: 'proposeCoordinator', proposalId: 'p5', coordinator: coordinatorRef }, actors.ke, NOW)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('transition() for a transfer (overføring)', () => {
  it('within the unit goes straight to the leader, and KE is told', () => {
    const outcome = transition(caseIn('planInProgress'), { type: 'requestTransfer', proposalId: 'p7', to: colleague }, actors.coordinator, NOW);
    expect(outcome.ok && outcome.case).toMatchObject({
      state: 'coordinatorProposed',
      coordinator: { userId: 'coord-1' },
      proposal: { id: 'p7', proposedBy: 'coord-1', returnTo: 'planInProgress' },
    });
    expect(outcome.ok && outcome.events).toEqual([
      { type: 'audit', action: 'case.requestTransfer' },
      { type: 'notify', to: { kind: 'leadersOf', unit: 'Hjemmetjenesten' }, kind: 'approvalRequested' },
      { type: 'notify', to: { kind: 'ke' }, kind: 'transferStarted' },
    ]);
  });

  it('to another unit goes through KE, and the own leader is informed', () => {
    const outcome = transition(caseIn('planInProgress'), commands.requestTransfer, actors.coordinator, NOW);
    expect(outcome.ok && outcome.case).toMatchObject({
      state: 'changeReported',
      coordinator: { userId: 'coord-1' },
      change: { kind: 'transfer', to: otherUnitColleague },
    });
    expect(outcome.ok && outcome.events).toEqual(
      expect.arrayContaining([
        { type: 'notify', to: { kind: 'ke' }, kind: 'transferRequested' },
        { type: 'notify', to: { kind: 'leadersOf', unit: 'Hjemmetjenesten' }, kind: 'transferRequested' },
      ]),
    );
  });

  it('tells the coordinator when the leader declines, and leaves them responsible', () => {
    const started = transition(caseIn('planInProgress'), { type: 'requestTransfer', proposalId: 'p7', to: colleague }, actors.coordinator, NOW);
    const declined = transition(
      started.ok ? started.case : caseIn('closed'),
      { type: 'declineAppointment', proposalId: 'p7', reason: 'Ikke nå.' },
      actors.leaderOfCoordinatorUnit,
      NOW,
    );
    expect(declined.ok && declined.case).toMatchObject({ state: 'planInProgress', coordinator: { userId: 'coord-1' } });
    expect(declined.ok && declined.events).toContainEqual({ type: 'notify', to: { kind: 'user', userId: 'coord-1' }, kind: 'transferDeclined' });
  });

  it('refuses a transfer to oneself or to someone without a unit', () => {
    expect(transition(caseIn('planInProgress'), { type: 'requestTransfer', proposalId: 'p7', to: coordinatorRef }, actors.coordinator, NOW)).toEqual({
      ok: false,
      reason: 'transferToSelf',
    });
    expect(
      transition(caseIn('planInProgress'), { type: 'requestTransfer', proposalId: 'p7', to: { userId: 'x', unit: ' ' } }, actors.coordinator, NOW),
    ).toEqual({ ok: false, reason: 'invalid' });
  });

  it('lets the leader of the unit the case moves to see it while KE decides', () => {
    const outcome = transition(caseIn('planInProgress'), commands.requestTransfer, actors.coordinator, NOW);
    expect(canView(outcome.ok ? outcome.case : caseIn('closed'), actors.leaderOfOtherUnit)).toBe(true);
  });
});

describe('transition() for closing (avslutning) and reopening', () => {
  it.each(['agreedWithResident', 'leaderInformed', 'keInformed', 'partnersInformed'] as const)('refuses to close while «%s» is not ticked', (item) => {
    const before = caseIn('planInProgress');
    expect(transition(before, { ...commands.close, checklist: { ...CLOSING, [item]: false } } as Command, actors.coordinator, NOW)).toEqual({
      ok: false,
      reason: 'checklistIncomplete',
    });
  });

  it('records date, reason and checklist, tells KE and the leader when the coordinator closes, and the partners are to be told', () => {
    const outcome = transition(caseIn('planInProgress'), commands.close, actors.coordinator, NOW);
    expect(outcome.ok && outcome.case.closure).toEqual({
      closedOn: '2026-11-23',
      reason: 'needEnded',
      checklist: CLOSING,
      by: 'coord-1',
      at: NOW.toISOString(),
    });
    expect(outcome.ok && outcome.events).toEqual([
      { type: 'audit', action: 'case.close' },
      { type: 'notify', to: { kind: 'ke' }, kind: 'caseClosed' },
      { type: 'notify', to: { kind: 'leadersOf', unit: 'Hjemmetjenesten' }, kind: 'caseClosed' },
      { type: 'caseClosed' },
    ]);
  });

  it('tells the coordinator when KE closes the case', () => {
    const outcome = transition(caseIn('changeReported'), commands.close, actors.ke, NOW);
    expect(outcome.ok && outcome.events).toContainEqual({ type: 'notify', to: { kind: 'user', userId: 'coord-1' }, kind: 'caseClosed' });
    expect(outcome.ok && outcome.case.change).toBeUndefined();
  });

  it('reopens to accepted: the last coordinator’s period ends at closing, and KE appoints anew', () => {
    const outcome = transition(caseIn('closed'), commands.reopen, actors.ke, NOW);
    expect(outcome.ok && outcome.case).toMatchObject({ state: 'accepted', coordinator: undefined, closure: undefined });
    expect(outcome.ok && outcome.case.previousCoordinators).toMatchObject([{ userId: 'coord-1', until: NOW.toISOString() }]);
    expect(outcome.ok && outcome.events).toContainEqual({ type: 'notify', to: { kind: 'user', userId: 'coord-1' }, kind: 'caseReopened' });
  });
});

describe('transition() for follow-up and evaluation', () => {
  it('starts the plan with its evaluation date and counts the first meeting as contact', () => {
    const outcome = transition(
      caseIn('coordinatorAppointed'),
      { ...commands.startPlan, firstMeeting: '2026-11-25', evaluation: { nextOn: '2027-05-01', everyMonths: 6 } } as Command,
      actors.coordinator,
      NOW,
    );
    expect(outcome.ok && outcome.case.plan?.evaluation).toEqual({ nextOn: '2027-05-01', everyMonths: 6 });
    expect(outcome.ok && outcome.case.lastContactOn).toBe('2026-11-25');
  });

  it.each<[string, { nextOn?: string; everyMonths?: number }, string | undefined, string | undefined]>([
    ['moves a repeating evaluation on by its interval', { nextOn: '2026-11-30', everyMonths: 6 }, undefined, '2027-05-23'],
    ['takes the next date the coordinator gives', { nextOn: '2026-11-30', everyMonths: 6 }, '2027-02-01', '2027-02-01'],
    ['leaves a one-off evaluation without a next date', { nextOn: '2026-11-30' }, undefined, undefined],
  ])('%s', (_name, evaluation, given, expected) => {
    const planned = { ...caseIn('planInProgress'), plan: { startedAt: '2026-05-01', checklist: CHECKLIST, evaluation } };
    const outcome = transition(planned, { type: 'recordEvaluation', on: '2026-11-23', nextOn: given }, actors.coordinator, NOW);
    expect(outcome.ok && outcome.case.plan?.evaluation).toEqual({ ...evaluation, lastOn: '2026-11-23', nextOn: expected });
    expect(outcome.ok && outcome.case.lastContactOn).toBe('2026-11-23');
  });
});

describe('transition() date rules: dates that make sense against today (2026-11-23, Oslo) and the case', () => {
  const withPlan = (startedAt: string) => ({ ...caseIn('planInProgress'), plan: { startedAt, checklist: CHECKLIST } });
  // Consent was given 2026-11-20; the coordinator was appointed 2026-11-23; the plan below started 2026-11-01.
  it.each<[string, Case, Command, string | undefined]>([
    ['starts the plan today', caseIn('coordinatorAppointed'), commands.startPlan, undefined],
    [
      'refuses to start before the consent signature is ticked',
      caseIn('coordinatorAppointed'),
      { ...commands.startPlan, checklist: { ...CHECKLIST, consentSigned: false } } as Command,
      'consentUnsigned',
    ],
    ['refuses a start tomorrow', caseIn('coordinatorAppointed'), { ...commands.startPlan, startedAt: '2026-11-24' } as Command, 'startDate'],
    ['refuses a start before consent was given', caseIn('coordinatorAppointed'), { ...commands.startPlan, startedAt: '2026-11-19' } as Command, 'startDate'],
    ['starts on the consent date', caseIn('coordinatorAppointed'), { ...commands.startPlan, startedAt: '2026-11-20' } as Command, undefined],
    [
      'refuses a first conversation before the start',
      caseIn('coordinatorAppointed'),
      { ...commands.startPlan, startedAt: '2026-11-21', firstMeeting: '2026-11-20' } as Command,
      'firstMeetingDate',
    ],
    ['plans a first conversation ahead', caseIn('coordinatorAppointed'), { ...commands.startPlan, firstMeeting: '2026-12-02' } as Command, undefined],
    [
      'refuses an evaluation on the start date',
      caseIn('coordinatorAppointed'),
      { ...commands.startPlan, evaluation: { nextOn: '2026-11-23' } } as Command,
      'evaluationDate',
    ],
    [
      'refuses an evaluation already passed',
      caseIn('coordinatorAppointed'),
      { ...commands.startPlan, startedAt: '2026-11-20', evaluation: { nextOn: '2026-11-22' } } as Command,
      'evaluationDate',
    ],
    ['plans an evaluation ahead', caseIn('coordinatorAppointed'), { ...commands.startPlan, evaluation: { nextOn: '2027-05-01' } } as Command, undefined],
    ['reports a change from a date ahead', caseIn('planInProgress'), { ...commands.reportChange, effectiveOn: '2027-01-01' } as Command, undefined],
    [
      'refuses a change dated before the coordinator was appointed',
      caseIn('planInProgress'),
      { ...commands.reportChange, effectiveOn: '2026-11-01' } as Command,
      'changeDate',
    ],
    ['closes today', withPlan('2026-11-01'), commands.close, undefined],
    ['refuses to close tomorrow', withPlan('2026-11-01'), { ...commands.close, closedOn: '2026-11-24' } as Command, 'closeDate'],
    ['refuses to close before the plan started', withPlan('2026-11-01'), { ...commands.close, closedOn: '2026-10-31' } as Command, 'closeDate'],
    [
      'refuses to close a case without a plan before it was reported',
      caseIn('accepted'),
      { ...commands.close, closedOn: '2026-11-22' } as Command,
      'closeDate',
    ],
    ['refuses a contact recorded tomorrow', caseIn('planInProgress'), { type: 'recordContact', on: '2026-11-24' }, 'futureDate'],
    ['refuses an evaluation recorded tomorrow', caseIn('planInProgress'), { type: 'recordEvaluation', on: '2026-11-24' }, 'futureDate'],
  ])('%s', (_name, before, command, refusal) => {
    const actor = command.type === 'close' ? actors.ke : actors.coordinator;
    const outcome = transition(before, command, actor, NOW);
    if (refusal) expect(outcome).toEqual({ ok: false, reason: refusal });
    else expect(outcome.ok).toBe(true);
  });
});

describe('reportCase()', () => {
  it('creates a reported case in the reporter’s municipality and tells KE', () => {
    const outcome = reportCase({ id: 'c9', reference: 'RANA-2026-0009', report }, actors.reporter, NOW);
    expect(outcome.ok && outcome.case).toMatchObject({ state: 'reported', municipality: 'rana', createdAt: NOW.toISOString() });
    expect(outcome.ok && outcome.events).toContainEqual({ type: 'notify', to: { kind: 'ke' }, kind: 'reportReceived' });
  });

  it('needs two or more services (coordinated services) and the reporter to be the actor', () => {
    expect(reportCase({ id: 'c', reference: 'r', report: { ...report, servicesInvolved: ['rana-nav'] } }, actors.reporter, NOW)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(reportCase({ id: 'c', reference: 'r', report }, actors.employee, NOW)).toEqual({ ok: false, reason: 'notAllowed' });
  });
});

describe('canView()', () => {
  it.each<[ActorName, CaseState, boolean]>([
    ['ke', 'reported', true],
    ['keOtherMunicipality', 'reported', false],
    ['reporter', 'reported', true],
    ['employee', 'planInProgress', false],
    ['coordinator', 'planInProgress', true],
    ['coordinator', 'reported', false],
    ['leaderOfCoordinatorUnit', 'coordinatorProposed', true],
    ['leaderOfCoordinatorUnit', 'planInProgress', true],
    ['leaderOfCoordinatorUnit', 'reported', false],
    ['leaderOfOtherUnit', 'planInProgress', false],
    ['coordinator', 'changeReported', true],
    ['coordinator', 'closed', true],
    ['employee', 'closed', false],
  ])('%s sees a %s case: %s', (actor, state, visible) => {
    expect(canView(caseIn(state), actors[actor])).toBe(visible);
  });
});
