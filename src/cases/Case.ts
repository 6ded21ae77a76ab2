import type { Municipality } from '../config.js';

/**
 * The life of a case, from the seeds' "Hvordan melde inn behov", "Hvordan utpekes koordinator" and
 * "Oppstart av ny IP":
 *
 *   reported ─▶ underAssessment ─▶ declined
 *                     │
 *                     ▼
 *                 accepted ─▶ coordinatorProposed ─▶ coordinatorAppointed ─▶ planInProgress ─▶ closed
 *                     ▲               │ (leader declines)
 *                     └───────────────┘
 */
export const caseStates = ['reported', 'underAssessment', 'declined', 'accepted', 'coordinatorProposed', 'coordinatorAppointed', 'planInProgress', 'closed'] as const;
export type CaseState = (typeof caseStates)[number];

export type AgeGroup = 'child' | 'adult';
export type ConsentGivenBy = 'resident' | 'nextOfKin' | 'guardian';
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
  resident: Resident;
  ageGroup: AgeGroup;
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
}

export type Decision = { outcome: 'accepted'; by: string; at: string } | { outcome: 'declined'; by: string; at: string; reason: string };

export interface StartChecklist {
  consentSigned: boolean;
  expectationsClarified: boolean;
  contactAgreed: boolean;
  partnersInformed: boolean;
  nextMeetingAgreed: boolean;
}

export interface Case {
  id: string;
  /** Human-friendly reference shown in notifications instead of any personal detail, e.g. "RANA-2026-0007". */
  reference: string;
  municipality: Municipality;
  state: CaseState;
  report: Report;
  createdAt: string;
  updatedAt: string;
  assessor?: string;
  decision?: Decision;
  proposal?: Proposal;
  /** Declined proposals, for the history. */
  declinedProposals: (Proposal & { declinedBy: string; declinedAt: string; reason: string })[];
  coordinator?: PersonRef & { appointedAt: string; approvedBy: string; proposalId: string };
  plan?: { startedAt: string; firstMeeting?: string; checklist: StartChecklist };
  closedAt?: string;
}
