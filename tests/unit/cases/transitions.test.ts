import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/cases/Actor.js';
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

/** A case in the given state, built the way the rules build it. */
function caseIn(state: CaseState): Case {
  const base: Case = { id: 'c1', reference: 'RANA-2026-0001', municipality: 'rana', state: 'reported', report, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), declinedProposals: [] };
  const withProposal = { ...base, proposal: { id: 'p1', coordinator: coordinatorRef, proposedBy: 'ke-1', proposedAt: NOW.toISOString() } };
  const appointed = { ...base, coordinator: { ...coordinatorRef, appointedAt: NOW.toISOString(), approvedBy: 'leader-1', proposalId: 'p0' } };
  const byState: Record<CaseState, Case> = {
    reported: base,
    underAssessment: { ...base, state: 'underAssessment' },
    declined: { ...base, state: 'declined' },
    accepted: { ...base, state: 'accepted' },
    coordinatorProposed: { ...withProposal, state: 'coordinatorProposed' },
    coordinatorAppointed: { ...appointed, state: 'coordinatorAppointed' },
    planInProgress: { ...appointed, state: 'planInProgress' },
    closed: { ...appointed, state: 'closed' },
  };
  return byState[state];
}

const commands: Record<Command['type'], Command> = {
  startAssessment: { type: 'startAssessment' },
  accept: { type: 'accept' },
  decline: { type: 'decline', reason: 'Behovet gjelder bare én tjeneste.' },
  proposeCoordinator: { type: 'proposeCoordinator', proposalId: 'p2', coordinator: coordinatorRef },
  approveAppointment: { type: 'approveAppointment', proposalId: 'p1' },
  declineAppointment: { type: 'declineAppointment', proposalId: 'p1', reason: 'Ingen kapasitet før over nyttår.' },
  startPlan: { type: 'startPlan', startedAt: '2026-11-23', checklist: CHECKLIST },
};

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
];

const cells = (Object.keys(commands) as Command['type'][]).flatMap((command) =>
  (Object.keys(actors) as ActorName[]).flatMap((actor) => caseStates.map((state) => [command, actor, state] as const)),
);

describe('transition()', () => {
  it.each(allowed)('lets %s by %s move a case from %s to %s', (command, actor, from, to) => {
    const outcome = transition(caseIn(from), commands[command], actors[actor], NOW);
    expect(outcome.ok && outcome.case.state).toBe(to);
    expect(outcome.ok && outcome.case.updatedAt).toBe(NOW.toISOString());
  });

  it.each(cells.filter(([c, a, s]) => !allowed.some(([ac, aa, as]) => ac === c && aa === a && as === s)))('refuses %s by %s in state %s', (command, actor, state) => {
    const before = caseIn(state);
    const snapshot = structuredClone(before);
    const outcome = transition(before, commands[command], actors[actor], NOW);
    expect(outcome.ok).toBe(false);
    expect(before).toEqual(snapshot);
  });

  it('says why: another municipality and the wrong role are notAllowed, the right role at the wrong time is wrongState', () => {
    expect(transition(caseIn('reported'), commands.accept, actors.keOtherMunicipality, NOW)).toEqual({ ok: false, reason: 'notAllowed' });
    expect(transition(caseIn('reported'), commands.accept, actors.employee, NOW)).toEqual({ ok: false, reason: 'notAllowed' });
    expect(transition(caseIn('declined'), commands.accept, actors.ke, NOW)).toEqual({ ok: false, reason: 'wrongState' });
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
    expect(transition(caseIn('reported'), { type: 'decline', reason: '  ' }, actors.ke, NOW)).toEqual({ ok: false, reason: 'invalid' });
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

  it('asks the leaders of the proposed coordinator’s unit for approval', () => {
    const outcome = transition(caseIn('accepted'), commands.proposeCoordinator, actors.ke, NOW);
    expect(outcome.ok && outcome.events).toContainEqual({ type: 'notify', to: { kind: 'leadersOf', unit: 'Hjemmetjenesten' }, kind: 'approvalRequested' });
  });
});

describe('reportCase()', () => {
  it('creates a reported case in the reporter’s municipality and tells KE', () => {
    const outcome = reportCase({ id: 'c9', reference: 'RANA-2026-0009', report }, actors.reporter, NOW);
    expect(outcome.ok && outcome.case).toMatchObject({ state: 'reported', municipality: 'rana', createdAt: NOW.toISOString() });
    expect(outcome.ok && outcome.events).toContainEqual({ type: 'notify', to: { kind: 'ke' }, kind: 'reportReceived' });
  });

  it('needs two or more services (coordinated services) and the reporter to be the actor', () => {
    expect(reportCase({ id: 'c', reference: 'r', report: { ...report, servicesInvolved: ['rana-nav'] } }, actors.reporter, NOW)).toEqual({ ok: false, reason: 'invalid' });
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
  ])('%s sees a %s case: %s', (actor, state, visible) => {
    expect(canView(caseIn(state), actors[actor])).toBe(visible);
  });
});
