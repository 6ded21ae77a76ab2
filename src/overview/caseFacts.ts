import { createHash } from 'node:crypto';
import type { Case, CaseState } from '../cases/Case.js';
import { osloDate } from '../time/oslo.js';

/**
 * What KE's overview needs of a case, and nothing more: its reference, unit, state and the Oslo
 * date of each step. Never the resident's name, birth date or need — `resident` is a one-way key,
 * only to count residents rather than cases.
 */
export interface CaseFacts {
  id: string;
  reference: string;
  /** The unit the case belongs to: the coordinator's, else the proposed coordinator's, else the reporter's. */
  unit: string;
  state: CaseState;
  reportedOn: string;
  decidedOn?: string;
  declined?: boolean;
  /** The first coordinator's appointment. */
  appointedOn?: string;
  planStartedOn?: string;
  closedOn?: string;
  /** The plan's next evaluation date, while the case is open. */
  evaluationDue?: string;
  coordinator?: { userId: string; name?: string };
  /** A barnekoordinator case (pbrl § 2-5 c), counted apart. */
  childCoordinator?: true;
  /** Directory entry ids of the services involved. */
  services: readonly string[];
  /** A one-way key of the resident (the case id once anonymised), so a resident with two cases counts once. */
  resident: string;
  updatedAt: string;
}

/** Oslo dates of instants, by the UTC hour they fall in (one Intl call per hour, not per date). */
const dayOfHour = new Map<string, string>();
function day(instant: string): string {
  if (instant.length === 10) return instant; // a date already (a plan's start is one)
  const hour = instant.slice(0, 13);
  let date = dayOfHour.get(hour);
  if (!date) {
    date = osloDate(new Date(`${hour}:00:00Z`));
    if (dayOfHour.size > 100_000) dayOfHour.clear();
    dayOfHour.set(hour, date);
  }
  return date;
}

export function caseFacts(c: Case): CaseFacts {
  const appointments = [...c.previousCoordinators.map((p) => p.appointedAt), ...(c.coordinator ? [c.coordinator.appointedAt] : [])].sort();
  const { resident } = c.report;
  return {
    id: c.id,
    reference: c.reference,
    unit: c.coordinator?.unit ?? c.proposal?.coordinator.unit ?? c.report.reporter.unit,
    state: c.state,
    reportedOn: day(c.createdAt),
    ...(c.decision ? { decidedOn: day(c.decision.at), ...(c.decision.outcome === 'declined' ? { declined: true } : {}) } : {}),
    ...(appointments[0] ? { appointedOn: day(appointments[0]) } : {}),
    ...(c.plan ? { planStartedOn: day(c.plan.startedAt) } : {}),
    ...(c.closure ? { closedOn: c.closure.closedOn } : {}),
    ...(c.state !== 'closed' && c.plan?.evaluation?.nextOn ? { evaluationDue: c.plan.evaluation.nextOn } : {}),
    ...(c.coordinator ? { coordinator: { userId: c.coordinator.userId, ...(c.coordinator.name ? { name: c.coordinator.name } : {}) } } : {}),
    ...(c.report.kind === 'childCoordinator' ? { childCoordinator: true as const } : {}),
    services: c.report.servicesInvolved,
    resident: resident.name
      ? createHash('sha256')
          .update(`${c.municipality}\u0000${resident.name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb')}\u0000${resident.birthDate}`)
          .digest('base64url')
          .slice(0, 16)
      : c.id,
    updatedAt: c.updatedAt,
  };
}
