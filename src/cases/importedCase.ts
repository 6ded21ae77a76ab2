import { createHash } from 'node:crypto';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { AgeGroup, Case, CaseState, CloseReason, Consent, CoordinatorKind, HistoryEntry, PersonRef } from './Case.js';

/** The states a case can be in when KE brings it from an earlier system. */
export const importableStates = [
  'reported',
  'accepted',
  'declined',
  'coordinatorAppointed',
  'planInProgress',
  'closed',
] as const satisfies readonly CaseState[];
export type ImportableState = (typeof importableStates)[number];

/** A case as KE's earlier system (or spreadsheet) knows it: dates are yyyy-mm-dd. */
export interface ExistingCase {
  externalId: string;
  resident: { name: string; birthDate: string };
  ageGroup: AgeGroup;
  /** A barnekoordinator case (§ 2-5 c); a coordinator case when absent. */
  kind?: CoordinatorKind;
  /** An expected child: the resident is a parent and the birth date is the due date. */
  expectedChild?: boolean;
  need: string;
  servicesInvolved: string[];
  consent: Consent;
  state: ImportableState;
  reportedOn: string;
  decidedOn?: string;
  declineReason?: string;
  coordinator?: PersonRef;
  appointedOn?: string;
  planStartedOn?: string;
  nextEvaluationOn?: string;
  evaluationEveryMonths?: number;
  closedOn?: string;
  closeReason?: CloseReason;
  /** The reason in the earlier system's words, when it matched none of the bot's (kept with «annet»). */
  closeReasonText?: string;
}

/** Who took the steps a case went through before it was imported. */
export const EARLIER_SYSTEM = 'earlier-system';
/** Audit identities of municipal IT at the command line: `operator:<login>`. */
export const OPERATOR_PREFIX = 'operator:';

/** States from which a case has a coordinator, and which must name one. */
export const statesWithCoordinator: readonly ImportableState[] = ['coordinatorAppointed', 'planInProgress'];

/** The same external id always gives the same case id: re-running an import finds the case it made. */
export function importedCaseId(municipality: MunicipalityId, externalId: string): string {
  return `case-ext-${createHash('sha256').update(`${municipality}\n${externalId}`).digest('hex').slice(0, 32)}`;
}

const instant = (date: string) => `${date}T08:00:00.000Z`;

/**
 * An ordinary case from an existing one: the steps it went through become its history (dated as
 * they happened), followed by the import itself. Pure; the case service stores it.
 */
export function importedCase(
  existing: ExistingCase,
  meta: { reference: string; municipality: MunicipalityId; importedBy: string; importedByName?: string; at: string },
): Case {
  const by = EARLIER_SYSTEM;
  const steps: HistoryEntry[] = [{ at: instant(existing.reportedOn), by, event: 'report' }];
  const step = (on: string | undefined, entry: Omit<HistoryEntry, 'at' | 'by'>) => {
    if (on) steps.push({ at: instant(on), by, ...entry });
  };
  if (existing.state === 'declined') step(existing.decidedOn, { event: 'decline' });
  else step(existing.decidedOn, { event: 'accept' });
  step(existing.appointedOn, { event: 'approveAppointment', coordinator: existing.coordinator?.name ?? existing.coordinator?.userId });
  step(existing.planStartedOn, { event: 'startPlan' });
  step(existing.closedOn, { event: 'close', code: existing.closeReason });
  const lastStep = steps.reduce((latest, entry) => (entry.at > latest ? entry.at : latest), steps[0]!.at);

  const coordinator =
    existing.coordinator && existing.appointedOn
      ? { ...existing.coordinator, appointedAt: instant(existing.appointedOn), approvedBy: by, proposalId: 'import' }
      : undefined;
  const everyChecked = { consentSigned: true, expectationsClarified: true, contactAgreed: true, partnersInformed: true, nextMeetingAgreed: true };
  return {
    id: importedCaseId(meta.municipality, existing.externalId),
    reference: meta.reference,
    externalId: existing.externalId,
    municipality: meta.municipality,
    state: existing.state,
    report: {
      resident: existing.resident,
      ageGroup: existing.ageGroup,
      kind: existing.kind ?? 'coordinator',
      ...(existing.expectedChild ? { expectedChild: true } : {}),
      servicesInvolved: existing.servicesInvolved,
      need: existing.need,
      consent: existing.consent,
      reporter: { userId: meta.importedBy, unit: existing.coordinator?.unit ?? '' },
    },
    createdAt: instant(existing.reportedOn),
    updatedAt: lastStep,
    ...(existing.decidedOn
      ? {
          decision:
            existing.state === 'declined'
              ? { outcome: 'declined' as const, by, at: instant(existing.decidedOn), reason: existing.declineReason ?? '' }
              : { outcome: 'accepted' as const, by, at: instant(existing.decidedOn) },
        }
      : {}),
    declinedProposals: [],
    ...(coordinator ? { coordinator } : {}),
    previousCoordinators: [],
    ...(existing.planStartedOn
      ? {
          plan: {
            startedAt: existing.planStartedOn,
            checklist: everyChecked,
            ...(existing.nextEvaluationOn || existing.evaluationEveryMonths
              ? {
                  evaluation: {
                    ...(existing.nextEvaluationOn ? { nextOn: existing.nextEvaluationOn } : {}),
                    ...(existing.evaluationEveryMonths ? { everyMonths: existing.evaluationEveryMonths } : {}),
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(existing.state === 'closed' && existing.closedOn
      ? {
          closure: {
            closedOn: existing.closedOn,
            reason: existing.closeReason ?? 'other',
            ...(existing.closeReasonText ? { reasonText: existing.closeReasonText } : {}),
            checklist: { agreedWithResident: true, leaderInformed: true, keInformed: true, partnersInformed: true },
            by,
            at: instant(existing.closedOn),
          },
        }
      : {}),
    history: [
      ...steps.sort((a, b) => a.at.localeCompare(b.at)),
      { at: meta.at, by: meta.importedBy, ...(meta.importedByName ? { byName: meta.importedByName } : {}), event: 'import', code: existing.state },
    ],
  };
}
