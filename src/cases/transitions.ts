import type { Actor } from './Actor.js';
import type { Case, CaseState, PersonRef, Report, StartChecklist } from './Case.js';

/** Who a notification goes to. Notifications carry the case reference, never health details. */
export type Recipient = { kind: 'ke' } | { kind: 'user'; userId: string } | { kind: 'leadersOf'; unit: string };

export type NotificationKind =
  | 'reportReceived'
  | 'reportAccepted'
  | 'reportDeclined'
  | 'approvalRequested'
  | 'coordinatorAppointed'
  | 'appointmentDeclined'
  | 'welcomeCoordinator'
  | 'planStarted';

export type CaseEvent =
  | { type: 'notify'; to: Recipient; kind: NotificationKind }
  | { type: 'audit'; action: string }
  /** The coordinator's training deadline (koordinatorskolen) starts; the period is a municipality setting. */
  | { type: 'trainingDeadlineStarts'; userId: string };

export type Command =
  | { type: 'startAssessment' }
  | { type: 'accept' }
  | { type: 'decline'; reason: string }
  | { type: 'proposeCoordinator'; proposalId: string; coordinator: PersonRef }
  | { type: 'approveAppointment'; proposalId: string }
  | { type: 'declineAppointment'; proposalId: string; reason: string }
  | { type: 'startPlan'; startedAt: string; firstMeeting?: string; checklist: StartChecklist };

export type Refusal = 'notAllowed' | 'wrongState' | 'staleProposal' | 'invalid';

export type Outcome = { ok: true; case: Case; events: CaseEvent[] } | { ok: false; reason: Refusal };

const refuse = (reason: Refusal): Outcome => ({ ok: false, reason });

/** Which states each command may start from. */
export const allowedFrom: Record<Command['type'], readonly CaseState[]> = {
  startAssessment: ['reported'],
  accept: ['reported', 'underAssessment'],
  decline: ['reported', 'underAssessment'],
  proposeCoordinator: ['accepted'],
  approveAppointment: ['coordinatorProposed'],
  declineAppointment: ['coordinatorProposed'],
  startPlan: ['coordinatorAppointed'],
};

/** Who may give each command, given the case. Municipality is checked for all of them first. */
const permitted: Record<Command['type'], (c: Case, actor: Actor) => boolean> = {
  startAssessment: (_c, actor) => actor.isKe,
  accept: (_c, actor) => actor.isKe,
  decline: (_c, actor) => actor.isKe,
  proposeCoordinator: (_c, actor) => actor.isKe,
  approveAppointment: (c, actor) => leadsCoordinatorUnit(c, actor),
  declineAppointment: (c, actor) => leadsCoordinatorUnit(c, actor),
  startPlan: (c, actor) => c.coordinator?.userId === actor.userId,
};

/** The leader of the proposed (or, once decided, the appointed) coordinator's unit: a second click by them is "already decided", not "not yours". */
function leadsCoordinatorUnit(c: Case, actor: Actor): boolean {
  const unit = (c.proposal?.coordinator ?? c.coordinator)?.unit;
  return unit !== undefined && actor.leads.includes(unit);
}

/** A new case from a report (meldeskjema). Input is validated before it reaches the domain. */
export function reportCase(input: { id: string; reference: string; report: Report }, actor: Actor, now: Date): Outcome {
  if (input.report.servicesInvolved.length < 2) return refuse('invalid');
  if (input.report.reporter.userId !== actor.userId) return refuse('notAllowed');
  const at = now.toISOString();
  const created: Case = {
    id: input.id,
    reference: input.reference,
    municipality: actor.municipality,
    state: 'reported',
    report: input.report,
    createdAt: at,
    updatedAt: at,
    declinedProposals: [],
  };
  return {
    ok: true,
    case: created,
    events: [
      { type: 'audit', action: 'case.report' },
      // The reporter gets the receipt as the reply to the form; KE is told proactively.
      { type: 'notify', to: { kind: 'ke' }, kind: 'reportReceived' },
    ],
  };
}

/**
 * The one place a case changes. Pure: the caller stores the new case with a conditional write
 * (so a second click or a second leader loses) and carries out the events.
 */
export function transition(current: Case, command: Command, actor: Actor, now: Date): Outcome {
  if (actor.municipality !== current.municipality) return refuse('notAllowed');
  if (!permitted[command.type](current, actor)) return refuse('notAllowed');
  if (!allowedFrom[command.type].includes(current.state)) return refuse('wrongState');
  const at = now.toISOString();
  const next = (changes: Partial<Case>, events: CaseEvent[]): Outcome => ({
    ok: true,
    case: { ...current, ...changes, updatedAt: at },
    events: [{ type: 'audit', action: `case.${command.type}` }, ...events],
  });
  const reporter = { kind: 'user', userId: current.report.reporter.userId } as const;

  switch (command.type) {
    case 'startAssessment':
      return next({ state: 'underAssessment', assessor: actor.userId }, []);
    case 'accept':
      return next({ state: 'accepted', decision: { outcome: 'accepted', by: actor.userId, at } }, [{ type: 'notify', to: reporter, kind: 'reportAccepted' }]);
    case 'decline':
      if (!command.reason.trim()) return refuse('invalid');
      return next({ state: 'declined', decision: { outcome: 'declined', by: actor.userId, at, reason: command.reason.trim() } }, [
        { type: 'notify', to: reporter, kind: 'reportDeclined' },
      ]);
    case 'proposeCoordinator':
      return next({ state: 'coordinatorProposed', proposal: { id: command.proposalId, coordinator: command.coordinator, proposedBy: actor.userId, proposedAt: at } }, [
        { type: 'notify', to: { kind: 'leadersOf', unit: command.coordinator.unit }, kind: 'approvalRequested' },
      ]);
    case 'approveAppointment': {
      const proposal = current.proposal!;
      if (proposal.id !== command.proposalId) return refuse('staleProposal');
      return next(
        { state: 'coordinatorAppointed', proposal: undefined, coordinator: { ...proposal.coordinator, appointedAt: at, approvedBy: actor.userId, proposalId: proposal.id } },
        [
          { type: 'notify', to: { kind: 'user', userId: proposal.coordinator.userId }, kind: 'welcomeCoordinator' },
          { type: 'notify', to: { kind: 'ke' }, kind: 'coordinatorAppointed' },
          { type: 'trainingDeadlineStarts', userId: proposal.coordinator.userId },
        ],
      );
    }
    case 'declineAppointment': {
      const proposal = current.proposal!;
      if (proposal.id !== command.proposalId) return refuse('staleProposal');
      if (!command.reason.trim()) return refuse('invalid');
      return next(
        {
          state: 'accepted',
          proposal: undefined,
          declinedProposals: [...current.declinedProposals, { ...proposal, declinedBy: actor.userId, declinedAt: at, reason: command.reason.trim() }],
        },
        [{ type: 'notify', to: { kind: 'ke' }, kind: 'appointmentDeclined' }],
      );
    }
    case 'startPlan':
      return next({ state: 'planInProgress', plan: { startedAt: command.startedAt, firstMeeting: command.firstMeeting, checklist: command.checklist } }, [
        { type: 'notify', to: { kind: 'ke' }, kind: 'planStarted' },
      ]);
  }
}

/**
 * Need-for-the-job access: KE sees the municipality's cases; others only cases they reported,
 * coordinate, or lead the coordinator's (or proposed coordinator's) unit for.
 */
export function canView(c: Case, actor: Actor): boolean {
  if (actor.municipality !== c.municipality) return false;
  if (actor.isKe) return true;
  if (c.report.reporter.userId === actor.userId) return true;
  if (c.coordinator?.userId === actor.userId) return true;
  const units = [c.coordinator?.unit, c.proposal?.coordinator.unit].filter((u): u is string => Boolean(u));
  return units.some((unit) => actor.leads.includes(unit));
}
