import { addMonths, osloDate } from '../time/oslo.js';
import type { Actor } from '../roles/Actor.js';
import {
  closingChecklistItems,
  type Case,
  type CaseState,
  type ChangeReason,
  type ClosingChecklist,
  type CloseReason,
  type CommandType,
  type HistoryEntry,
  type LeaveKind,
  type PersonRef,
  type NotificationKind,
  type Recipient,
  type Report,
  type StartChecklist,
} from './Case.js';

export type { NotificationKind, Recipient };

export type CaseEvent =
  | { type: 'notify'; to: Recipient; kind: NotificationKind }
  | { type: 'audit'; action: string }
  /** The coordinator's training deadline (koordinatorskolen) starts; the period is a municipality setting. */
  | { type: 'trainingDeadlineStarts'; userId: string }
  /** Another coordinator took over from `from`: the case's partners are told, and the coordinator's tasks follow the case. */
  | { type: 'coordinatorChanged'; from: string; to: string }
  /** The case closed: its partners are told and its open tasks are cancelled. */
  | { type: 'caseClosed' };

export type Command =
  | { type: 'startAssessment' }
  | { type: 'accept' }
  | { type: 'decline'; reason: string }
  | { type: 'proposeCoordinator'; proposalId: string; coordinator: PersonRef }
  | { type: 'approveAppointment'; proposalId: string }
  | { type: 'declineAppointment'; proposalId: string; reason: string }
  | {
      type: 'startPlan';
      startedAt: string;
      firstMeeting?: string;
      checklist: StartChecklist;
      evaluation?: { nextOn: string; everyMonths?: number };
      /** A child's case: how the child was heard. */
      childVoice?: string;
    }
  | { type: 'reportChange'; reason: ChangeReason; leaveKind?: LeaveKind; effectiveOn: string; note?: string }
  | { type: 'requestTransfer'; proposalId: string; to: PersonRef; note?: string }
  | { type: 'close'; closedOn: string; reason: CloseReason; checklist: ClosingChecklist }
  | { type: 'reopen' }
  | { type: 'recordContact'; on: string }
  | { type: 'recordEvaluation'; on: string; nextOn?: string; childVoice?: string }
  /** An expected child is born: the child's name and birth date replace the parent's name and the due date. */
  | { type: 'recordBirth'; name: string; birthDate: string };

/** Why a command was refused; each reason but `notAllowed` has its own words for the user. */
export type Refusal =
  | 'notAllowed'
  | 'wrongState'
  | 'closed'
  | 'staleProposal'
  | 'checklistIncomplete'
  | 'invalid'
  | 'consentUnsigned'
  | 'startDate'
  | 'firstMeetingDate'
  | 'evaluationDate'
  | 'changeDate'
  | 'closeDate'
  | 'futureDate'
  | 'reasonMissing'
  | 'leaveKindMissing'
  | 'transferToSelf'
  | 'notExpected'
  | 'birthDate';

export type Outcome = { ok: true; case: Case; events: CaseEvent[] } | { ok: false; reason: Refusal };

const refuse = (reason: Refusal): Outcome => ({ ok: false, reason });

/** States in which a coordinator is responsible for the case. */
const withCoordinator = ['coordinatorAppointed', 'planInProgress'] as const satisfies readonly CaseState[];

/** Which states each command may start from. */
export const allowedFrom: Record<CommandType, readonly CaseState[]> = {
  startAssessment: ['reported'],
  accept: ['reported', 'underAssessment'],
  decline: ['reported', 'underAssessment'],
  proposeCoordinator: ['accepted', 'changeReported'],
  approveAppointment: ['coordinatorProposed'],
  declineAppointment: ['coordinatorProposed'],
  startPlan: ['coordinatorAppointed'],
  reportChange: withCoordinator,
  requestTransfer: withCoordinator,
  close: ['accepted', ...withCoordinator, 'changeReported'],
  reopen: ['closed'],
  recordContact: [...withCoordinator, 'changeReported'],
  recordEvaluation: ['planInProgress'],
  recordBirth: ['reported', 'underAssessment', 'accepted', 'coordinatorProposed', ...withCoordinator, 'changeReported'],
};

const isCoordinator = (c: Case, actor: Actor) => c.coordinator !== undefined && c.coordinator.userId === actor.userId;

/** Who may give each command, given the case. Municipality is checked for all of them first. */
const permitted: Record<CommandType, (c: Case, actor: Actor) => boolean> = {
  startAssessment: (_c, actor) => actor.isKe,
  accept: (_c, actor) => actor.isKe,
  decline: (_c, actor) => actor.isKe,
  proposeCoordinator: (_c, actor) => actor.isKe,
  approveAppointment: (c, actor) => leadsCoordinatorUnit(c, actor),
  declineAppointment: (c, actor) => leadsCoordinatorUnit(c, actor),
  startPlan: isCoordinator,
  reportChange: isCoordinator,
  requestTransfer: isCoordinator,
  // KE closes after a change report or without a coordinator; the coordinator closes their own case.
  close: (c, actor) => actor.isKe || isCoordinator(c, actor),
  reopen: (_c, actor) => actor.isKe,
  recordContact: isCoordinator,
  recordEvaluation: isCoordinator,
  recordBirth: (c, actor) => actor.isKe || isCoordinator(c, actor),
};

/** The leader of the proposed (or, once decided, the appointed) coordinator's unit: a second click by them is "already decided", not "not yours". */
function leadsCoordinatorUnit(c: Case, actor: Actor): boolean {
  const unit = (c.proposal?.coordinator ?? c.coordinator)?.unit;
  return unit !== undefined && actor.leads.includes(unit);
}

const historyEntry = (event: HistoryEntry['event'], actor: Actor, at: string, extra: Pick<HistoryEntry, 'coordinator' | 'code'> = {}): HistoryEntry => ({
  at,
  by: actor.userId,
  ...(actor.name ? { byName: actor.name } : {}),
  event,
  ...extra,
});

const personName = (p: PersonRef) => p.name ?? p.userId;

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
    previousCoordinators: [],
    history: [historyEntry('report', actor, at)],
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
  if (!allowedFrom[command.type].includes(current.state)) return refuse(current.state === 'closed' ? 'closed' : 'wrongState');
  const dates = dateRefusal(current, command, osloDate(now));
  if (dates) return refuse(dates);
  const at = now.toISOString();
  const next = (changes: Partial<Case>, events: CaseEvent[], extra: Pick<HistoryEntry, 'coordinator' | 'code'> = {}): Outcome => ({
    ok: true,
    case: { ...current, ...changes, updatedAt: at, history: [...current.history, historyEntry(command.type, actor, at, extra)] },
    events: [{ type: 'audit', action: `case.${command.type}` }, ...events],
  });
  const reporter = { kind: 'user', userId: current.report.reporter.userId } as const;
  const ke = { kind: 'ke' } as const;

  switch (command.type) {
    case 'startAssessment':
      return next({ state: 'underAssessment', assessor: actor.userId }, []);
    case 'accept':
      return next({ state: 'accepted', decision: { outcome: 'accepted', by: actor.userId, at } }, [{ type: 'notify', to: reporter, kind: 'reportAccepted' }]);
    case 'decline':
      if (!command.reason.trim()) return refuse('reasonMissing');
      return next({ state: 'declined', decision: { outcome: 'declined', by: actor.userId, at, reason: command.reason.trim() } }, [
        { type: 'notify', to: reporter, kind: 'reportDeclined' },
      ]);
    case 'proposeCoordinator':
      if (command.coordinator.userId === current.coordinator?.userId) return refuse('invalid');
      return next(
        {
          state: 'coordinatorProposed',
          proposal: { id: command.proposalId, coordinator: command.coordinator, proposedBy: actor.userId, proposedAt: at, returnTo: current.state },
        },
        [{ type: 'notify', to: { kind: 'leadersOf', unit: command.coordinator.unit }, kind: 'approvalRequested' }],
        { coordinator: personName(command.coordinator) },
      );
    case 'approveAppointment': {
      const proposal = current.proposal!;
      if (proposal.id !== command.proposalId) return refuse('staleProposal');
      const previous = current.coordinator;
      return next(
        {
          // A replacement keeps the plan going; a first appointment waits for the start to be recorded.
          state: current.plan ? 'planInProgress' : 'coordinatorAppointed',
          proposal: undefined,
          change: undefined,
          coordinator: { ...proposal.coordinator, appointedAt: at, approvedBy: actor.userId, proposalId: proposal.id },
          previousCoordinators: previous ? [...current.previousCoordinators, { ...previous, until: at }] : current.previousCoordinators,
        },
        [
          { type: 'notify', to: { kind: 'user', userId: proposal.coordinator.userId }, kind: 'welcomeCoordinator' },
          ...(previous ? [{ type: 'notify', to: { kind: 'user', userId: previous.userId }, kind: 'coordinatorReplaced' } as const] : []),
          { type: 'notify', to: ke, kind: 'coordinatorAppointed' },
          { type: 'trainingDeadlineStarts', userId: proposal.coordinator.userId },
          ...(previous ? [{ type: 'coordinatorChanged', from: previous.userId, to: proposal.coordinator.userId } as const] : []),
        ],
        { coordinator: personName(proposal.coordinator) },
      );
    }
    case 'declineAppointment': {
      const proposal = current.proposal!;
      if (proposal.id !== command.proposalId) return refuse('staleProposal');
      if (!command.reason.trim()) return refuse('reasonMissing');
      return next(
        {
          state: proposal.returnTo,
          proposal: undefined,
          declinedProposals: [...current.declinedProposals, { ...proposal, declinedBy: actor.userId, declinedAt: at, reason: command.reason.trim() }],
        },
        [
          { type: 'notify', to: ke, kind: 'appointmentDeclined' },
          // A transfer the coordinator started within the unit: they stay responsible and must know.
          ...(current.coordinator && proposal.proposedBy === current.coordinator.userId
            ? [{ type: 'notify', to: { kind: 'user', userId: current.coordinator.userId }, kind: 'transferDeclined' } as const]
            : []),
        ],
        { coordinator: personName(proposal.coordinator) },
      );
    }
    case 'startPlan':
      return next(
        {
          state: 'planInProgress',
          plan: {
            startedAt: command.startedAt,
            firstMeeting: command.firstMeeting,
            checklist: command.checklist,
            ...(command.evaluation ? { evaluation: command.evaluation } : {}),
            ...(command.childVoice?.trim() ? { childVoice: command.childVoice.trim() } : {}),
          },
          lastContactOn: command.firstMeeting ?? command.startedAt,
        },
        [{ type: 'notify', to: ke, kind: 'planStarted' }],
      );
    case 'recordContact':
      return next({ lastContactOn: command.on }, []);
    case 'recordEvaluation': {
      if (!current.plan) return refuse('wrongState');
      const evaluation = current.plan.evaluation ?? {};
      const nextOn = command.nextOn ?? (evaluation.everyMonths ? addMonths(command.on, evaluation.everyMonths) : undefined);
      const childVoice = command.childVoice?.trim() ? { childVoice: command.childVoice.trim() } : {};
      return next({ plan: { ...current.plan, ...childVoice, evaluation: { ...evaluation, lastOn: command.on, nextOn } }, lastContactOn: command.on }, []);
    }
    case 'recordBirth':
      if (!current.report.expectedChild) return refuse('notExpected');
      if (command.name.trim().length < 2) return refuse('invalid');
      return next({ report: { ...current.report, resident: { name: command.name.trim(), birthDate: command.birthDate }, expectedChild: false } }, []);
    case 'reportChange':
      if (command.reason === 'leavesPosition' && !command.leaveKind) return refuse('leaveKindMissing');
      return next(
        {
          state: 'changeReported',
          change: {
            kind: 'change',
            reason: command.reason,
            ...(command.reason === 'leavesPosition' ? { leaveKind: command.leaveKind } : {}),
            effectiveOn: command.effectiveOn,
            ...(command.note?.trim() ? { note: command.note.trim() } : {}),
            reportedBy: actor.userId,
            reportedAt: at,
          },
        },
        [{ type: 'notify', to: ke, kind: 'changeReported' }],
        { code: command.reason },
      );
    case 'requestTransfer': {
      const from = current.coordinator!;
      if (command.to.userId === from.userId) return refuse('transferToSelf');
      if (!command.to.unit.trim()) return refuse('invalid');
      const note = command.note?.trim() ? { note: command.note.trim() } : {};
      // Within the unit the leader decides directly; to another unit it goes through KE (Rana: "Overføring av IP").
      if (command.to.unit === from.unit) {
        return next(
          {
            state: 'coordinatorProposed',
            proposal: { id: command.proposalId, coordinator: command.to, proposedBy: actor.userId, proposedAt: at, returnTo: current.state },
          },
          [
            { type: 'notify', to: { kind: 'leadersOf', unit: from.unit }, kind: 'approvalRequested' },
            { type: 'notify', to: ke, kind: 'transferStarted' },
          ],
          { coordinator: personName(command.to), code: 'sameUnit' },
        );
      }
      return next(
        { state: 'changeReported', change: { kind: 'transfer', to: command.to, ...note, reportedBy: actor.userId, reportedAt: at } },
        [
          { type: 'notify', to: ke, kind: 'transferRequested' },
          { type: 'notify', to: { kind: 'leadersOf', unit: from.unit }, kind: 'transferRequested' },
        ],
        { coordinator: personName(command.to), code: 'otherUnit' },
      );
    }
    case 'close': {
      if (!closingChecklistItems.every((item) => command.checklist[item])) return refuse('checklistIncomplete');
      const coordinator = current.coordinator;
      const closedByCoordinator = coordinator?.userId === actor.userId;
      return next(
        {
          state: 'closed',
          change: undefined,
          closure: { closedOn: command.closedOn, reason: command.reason, checklist: command.checklist, by: actor.userId, at },
        },
        [
          ...(closedByCoordinator ? [{ type: 'notify', to: ke, kind: 'caseClosed' } as const] : []),
          ...(coordinator && !closedByCoordinator ? [{ type: 'notify', to: { kind: 'user', userId: coordinator.userId }, kind: 'caseClosed' } as const] : []),
          ...(coordinator ? [{ type: 'notify', to: { kind: 'leadersOf', unit: coordinator.unit }, kind: 'caseClosed' } as const] : []),
          { type: 'caseClosed' },
        ],
        { code: command.reason },
      );
    }
    case 'reopen': {
      // The last coordinator's period ended when the case closed; KE appoints anew.
      const last = current.coordinator;
      return next(
        {
          state: 'accepted',
          closure: undefined,
          coordinator: undefined,
          plan: undefined,
          previousCoordinators: last ? [...current.previousCoordinators, { ...last, until: current.closure?.at ?? at }] : current.previousCoordinators,
        },
        last ? [{ type: 'notify', to: { kind: 'user', userId: last.userId }, kind: 'caseReopened' }] : [],
      );
    }
  }
}

/**
 * The dates a command brings must make sense against today (Oslo) and the case's own dates: work on
 * a plan starts with consent and not in the future; a first meeting and an evaluation come after the
 * start; a change happens while the coordinator holds the case; a case closes after it began.
 */
function dateRefusal(current: Case, command: Command, today: string): Refusal | undefined {
  const appointedOn = current.coordinator ? osloDate(new Date(current.coordinator.appointedAt)) : undefined;
  switch (command.type) {
    case 'startPlan':
      if (!command.checklist.consentSigned) return 'consentUnsigned';
      if (command.startedAt > today || command.startedAt < current.report.consent.date) return 'startDate';
      if (command.firstMeeting && command.firstMeeting < command.startedAt) return 'firstMeetingDate';
      if (command.evaluation && (command.evaluation.nextOn <= command.startedAt || command.evaluation.nextOn < today)) return 'evaluationDate';
      return undefined;
    case 'reportChange':
      return appointedOn && command.effectiveOn < appointedOn ? 'changeDate' : undefined;
    case 'close': {
      const began = current.plan?.startedAt ?? osloDate(new Date(current.createdAt));
      return command.closedOn > today || command.closedOn < began ? 'closeDate' : undefined;
    }
    case 'recordContact':
    case 'recordEvaluation':
      return command.on > today ? 'futureDate' : undefined;
    // Born on or before today, and not long before the due date.
    case 'recordBirth':
      return command.birthDate > today || command.birthDate < addMonths(current.report.resident.birthDate, -6) ? 'birthDate' : undefined;
    default:
      return undefined;
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
  const units = [c.coordinator?.unit, c.proposal?.coordinator.unit, c.change?.kind === 'transfer' ? c.change.to.unit : undefined].filter((u): u is string =>
    Boolean(u),
  );
  return units.some((unit) => actor.leads.includes(unit));
}

/** Why someone who cannot see a case once could: it is theirs to know that it moved on, not where to. */
export type Hidden = 'formerCoordinator' | 'formerUnit';

export function whyHidden(c: Case, actor: Actor): Hidden | undefined {
  if (actor.municipality !== c.municipality) return undefined;
  if (c.previousCoordinators.some((p) => p.userId === actor.userId)) return 'formerCoordinator';
  if (c.previousCoordinators.some((p) => actor.leads.includes(p.unit))) return 'formerUnit';
  return undefined;
}

/** Whether this person may ever give the command on this case (role and municipality), whatever its state. */
export function mayGive(c: Case, actor: Actor, type: CommandType): boolean {
  return actor.municipality === c.municipality && permitted[type](c, actor);
}

/** The commands this person may give on this case now: what the case card offers them. */
export function availableCommands(c: Case, actor: Actor): CommandType[] {
  if (actor.municipality !== c.municipality) return [];
  return (Object.keys(allowedFrom) as CommandType[]).filter((type) => allowedFrom[type].includes(c.state) && permitted[type](c, actor));
}
