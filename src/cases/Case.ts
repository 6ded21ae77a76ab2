import type { Recipient } from '../roles/Actor.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';

/**
 * The life of a case, from the seeds' "Hvordan melde inn behov", "Hvordan utpekes koordinator" and
 * "Oppstart av ny IP":
 *
 *   reported ─▶ underAssessment ─▶ declined
 *                     │
 *                     ▼
 *                 accepted ─▶ coordinatorProposed ─▶ coordinatorAppointed ─▶ planInProgress ─▶ closed
 *                  ▲  ▲               │ ▲ (leader declines: back)   │  ▲            │ │            │
 *                  │  └───────────────┘ │                           ▼  │            ▼ ▼            │
 *                  │                    └────────────────── changeReported ◀────────┘              │
 *                  └──────────────────────────── reopen (KE) ◀─────────────────────────────────────┘
 *
 * "Endringsskjema" and "overføring" to another unit put a case in `changeReported` until KE acts;
 * a transfer within the coordinator's own unit goes straight to the leader. The old coordinator
 * stays responsible until the new one is approved.
 */
/** A case's id: `case-<submission uuid>` for a case reported in chat, `case-ext-<hash>` for one imported (see `importedCaseId`). */
export const CASE_ID = /^case-(?:[0-9a-f-]{36}|ext-[0-9a-f]{32})$/;

export const caseStates = [
  'reported',
  'underAssessment',
  'declined',
  'accepted',
  'coordinatorProposed',
  'coordinatorAppointed',
  'planInProgress',
  'changeReported',
  'closed',
] as const;
export type CaseState = (typeof caseStates)[number];

export type AgeGroup = 'child' | 'adult';
/** Who consented: the resident (a child only from 16, pbrl § 4-3), parents with parental responsibility (a child's), next of kin, a guardian (verge). */
export const consentGivers = ['resident', 'parents', 'nextOfKin', 'guardian'] as const;
export type ConsentGivenBy = (typeof consentGivers)[number];
/** A coordinator (pbrl § 2-5 b), or a barnekoordinator for a family expecting or having a child with serious illness, injury or disability (§ 2-5 c). */
export const coordinatorKinds = ['coordinator', 'childCoordinator'] as const;
export type CoordinatorKind = (typeof coordinatorKinds)[number];
/** The meetings of a case's work: with the resident or family, of the services, and the plan's evaluation. */
export const meetingKinds = ['collaboration', 'coordination', 'evaluation'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
/** The age of consent in health matters (pasient- og brukerrettighetsloven § 4-3). */
export const AGE_OF_CONSENT = 16;
export type ConsentForm = 'oral' | 'written';

export interface Consent {
  givenBy: ConsentGivenBy;
  form: ConsentForm;
  /** ISO date (yyyy-mm-dd). */
  date: string;
}

/** Who a person is in the bot: the Entra object id and the unit they belong to. */
export interface PersonRef {
  userId: string;
  unit: string;
  /** Display name from Teams, for cards (employees only; residents are never PersonRefs). */
  name?: string;
}

/** Minimal identification: no national identity number in chat. Shown only to KE and the case's coordinator. */
export interface Resident {
  name: string;
  /** ISO date (yyyy-mm-dd). */
  birthDate: string;
}

export interface Report {
  /**
   * Who the case is about. For an expected child (`expectedChild`) this is the parent, and
   * `birthDate` holds the due date (termin) until the coordinator records the birth.
   */
  resident: Resident;
  ageGroup: AgeGroup;
  /** A coordinator case unless the family asked for a barnekoordinator (§ 2-5 c); old documents have none. */
  kind?: CoordinatorKind;
  /** Reported before birth: the named person is a parent, the birth date is the due date. */
  expectedChild?: boolean;
  /** Directory entry ids of the services involved now; at least two (coordinated services). */
  servicesInvolved: string[];
  /** The need, in the resident's own words, kept short. */
  need: string;
  consent: Consent;
  wishedCoordinator?: string;
  reporter: PersonRef;
}

export interface Proposal {
  id: string;
  coordinator: PersonRef;
  proposedBy: string;
  proposedAt: string;
  /** Where the case goes back to if the leader declines. */
  returnTo: CaseState;
}

/** The seeds' reasons for an endringsskjema (Ålesund: "Hvordan utpekes koordinator?"; "takker nei" from "Hvordan skjer oppstart"). */
export const changeReasons = ['leavesPosition', 'noLongerServices', 'needEnded', 'residentDeclinesPlan'] as const;
export type ChangeReason = (typeof changeReasons)[number];
/** Why a coordinator leaves the position: "permisjon, bytte jobb e.l". */
export const leaveKinds = ['leave', 'newJob', 'other'] as const;
export type LeaveKind = (typeof leaveKinds)[number];

/** What is waiting for KE in `changeReported`. `note` is short free text, shown only to KE and the coordinator. */
export type PendingChange =
  | { kind: 'change'; reason: ChangeReason; leaveKind?: LeaveKind; effectiveOn: string; note?: string; reportedBy: string; reportedAt: string }
  | { kind: 'transfer'; to: PersonRef; note?: string; reportedBy: string; reportedAt: string };

/** The seeds' closing checklist (Rana: "Avslutning av IP"). */
export const closingChecklistItems = ['agreedWithResident', 'leaderInformed', 'keInformed', 'partnersInformed'] as const;
export type ClosingChecklist = Record<(typeof closingChecklistItems)[number], boolean>;
export const closeReasons = ['needEnded', 'residentTakesOver', 'residentDeclinesPlan', 'other'] as const;
export type CloseReason = (typeof closeReasons)[number];

export interface Closure {
  /** ISO date the case ended. */
  closedOn: string;
  reason: CloseReason;
  /** An imported case's reason in the earlier system's own words, when it was none of the bot's (then `reason` is «other»). */
  reasonText?: string;
  checklist: ClosingChecklist;
  by: string;
  at: string;
}

export type AppointedCoordinator = PersonRef & { appointedAt: string; approvedBy: string; proposalId: string };

/** One line of the case's timeline. Holds codes and people, never the free text of notes. */
export interface HistoryEntry {
  at: string;
  by: string;
  byName?: string;
  event: 'report' | 'import' | CommandType;
  /** The coordinator the event concerns (proposed, appointed, transferred to). */
  coordinator?: string;
  /** A reason code (change, close) or the new state, rendered from the catalogue. */
  code?: string;
}

export type { Recipient };

export type NotificationKind =
  | 'reportReceived'
  | 'reportAccepted'
  | 'reportDeclined'
  | 'approvalRequested'
  | 'coordinatorAppointed'
  | 'appointmentDeclined'
  | 'welcomeCoordinator'
  | 'planStarted'
  | 'changeReported'
  | 'transferRequested'
  | 'transferStarted'
  | 'transferDeclined'
  | 'coordinatorReplaced'
  | 'caseClosed'
  | 'caseReopened';

/**
 * A notification waiting to go out: written into the case with the change that caused it (the
 * case's outbox), so no crash between the change and the send loses it; removed once delivered.
 */
export interface PendingNotice {
  /** Unique within the case: the history step that caused it and its place among that step's notices. */
  id: string;
  kind: NotificationKind;
  to: Recipient;
  at: string;
  attempts: number;
  /** The people still to reach, once a first try has reached the others. */
  remaining?: string[];
  /** Held by one deliverer until then (a lease), or not to be tried again before then (a backoff). */
  notBefore?: string;
}

/** Every command a case accepts; the transitions module defines their payloads. */
export type CommandType =
  | 'startAssessment'
  | 'accept'
  | 'decline'
  | 'proposeCoordinator'
  | 'approveAppointment'
  | 'declineAppointment'
  | 'startPlan'
  | 'reportChange'
  | 'requestTransfer'
  | 'close'
  | 'reopen'
  | 'recordContact'
  | 'recordEvaluation'
  | 'recordBirth';

export type Decision = { outcome: 'accepted'; by: string; at: string } | { outcome: 'declined'; by: string; at: string; reason: string };

/** When the plan is evaluated: set by the coordinator ("til oppsatte tider"), optionally repeating. */
export interface EvaluationPlan {
  nextOn?: string;
  everyMonths?: number;
  lastOn?: string;
}

export interface StartChecklist {
  consentSigned: boolean;
  expectationsClarified: boolean;
  contactAgreed: boolean;
  partnersInformed: boolean;
  nextMeetingAgreed: boolean;
  /** A child's case: the child has been heard (barnekonvensjonen art. 12, Grunnloven § 104). */
  childHeard?: boolean;
}

export interface Case {
  id: string;
  /** Human-friendly reference shown in notifications instead of any personal detail, e.g. "RANA-2026-0007". */
  reference: string;
  /** The case's id in the system KE imported it from (`npm run import`); re-imports are keyed by it. */
  externalId?: string;
  municipality: MunicipalityId;
  state: CaseState;
  report: Report;
  createdAt: string;
  updatedAt: string;
  assessor?: string;
  decision?: Decision;
  proposal?: Proposal;
  /** Declined proposals, for the history. */
  declinedProposals: (Proposal & { declinedBy: string; declinedAt: string; reason: string })[];
  coordinator?: AppointedCoordinator;
  /** Earlier coordinators with the period each was responsible. */
  previousCoordinators: (AppointedCoordinator & { until: string })[];
  plan?: {
    startedAt: string;
    firstMeeting?: string;
    checklist: StartChecklist;
    evaluation?: EvaluationPlan;
    /** How the child was heard, in a few words (a child's case); updated at evaluations. */
    childVoice?: string;
  };
  /** ISO date of the coordinator's last recorded contact with the resident (for follow-up reminders). */
  lastContactOn?: string;
  change?: PendingChange;
  closure?: Closure;
  history: HistoryEntry[];
  /** When the retention period ran out and the resident's details and free text were removed. */
  anonymisedAt?: string;
  /** Notifications not yet delivered (see `PendingNotice`); `noticesPending` says whether there are any, for the query that finds them. */
  outbox?: PendingNotice[];
  noticesPending?: boolean;
  /** When the earliest notice in the outbox may next be tried (its lease or backoff, else when it was written): the sweep reads the due ones first, oldest first. */
  noticesDueAt?: string;
}

/** The outbox's bookkeeping for a case: whether notices wait, and when the earliest of them is due. */
export function outboxFields(outbox: readonly PendingNotice[]): Pick<Case, 'outbox' | 'noticesPending' | 'noticesDueAt'> {
  if (outbox.length === 0) return { outbox: [], noticesPending: false, noticesDueAt: undefined };
  const dueAt = outbox.map((notice) => notice.notBefore ?? notice.at).reduce((earliest, at) => (at < earliest ? at : earliest));
  return { outbox: [...outbox], noticesPending: true, noticesDueAt: dueAt };
}

/**
 * What the retention rule leaves of a closed case: its reference, dates, units and steps (KE's
 * overview) without who the resident is (the birth year stays, for age statistics), the need or any note.
 */
export function anonymised(c: Case, at: string): Case {
  return {
    ...c,
    report: { ...c.report, resident: { name: '', birthDate: `${c.report.resident.birthDate.slice(0, 4)}-01-01` }, need: '', wishedCoordinator: undefined },
    change: undefined,
    ...(c.closure?.reasonText ? { closure: { ...c.closure, reasonText: undefined } } : {}),
    anonymisedAt: at,
  };
}

/** Whether the case is a barnekoordinator case (§ 2-5 c). */
export const isChildCoordinatorCase = (c: Pick<Case, 'report'>) => c.report.kind === 'childCoordinator';

/** What the coordination work (partners, meetings, tasks) needs to know of a case; the case service gives it. */
export interface CaseBrief {
  id: string;
  reference: string;
  municipality: MunicipalityId;
  state: CaseState;
  residentName: string;
  coordinator?: { userId: string; name?: string; unit: string };
}
