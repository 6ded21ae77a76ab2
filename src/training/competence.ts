import type { Actor } from '../roles/Actor.js';

/**
 * The training themes of the seeds, as rows of the leader's competence mapping (kompetansekartlegging):
 * Rana's («Juridisk grunnlag for IP», «Verdier, etikk og holdninger», «Kommunikasjon»,
 * «Koordinatorrollen», «Hvordan skrive en IP», «Lederansvar og systemansvar») with Ålesund's
 * («Tverrfaglig samarbeid», «Systemene rundt oss», «Brukermedvirkning») beside them.
 */
export const competenceThemes = [
  'legalBasis',
  'values',
  'communication',
  'coordinatorRole',
  'writingIp',
  'collaboration',
  'userInvolvement',
  'leadership',
] as const;
export type CompetenceTheme = (typeof competenceThemes)[number];

/** The leader's assessment of a theme. */
export const assessments = ['good', 'some', 'needs'] as const;
export type Assessment = (typeof assessments)[number];

export interface CompetenceMapping {
  userId: string;
  rows: Partial<Record<CompetenceTheme, { assessment: Assessment; measures?: string }>>;
  /** When the leader reviews it next (ISO date): the leader is reminded that morning. */
  nextReviewOn: string;
  updatedBy: string;
  updatedAt: string;
}

/** The coordinator the mapping is about, as the roles know them. */
export interface Coordinator {
  userId: string;
  name?: string;
  unit?: string;
}

/** The coordinator, their leaders and KE see the mapping; nobody else. */
export function mayView(actor: Actor, coordinator: Coordinator): boolean {
  return actor.userId === coordinator.userId || actor.isKe || mayEdit(actor, coordinator);
}

/** Only the coordinator's leaders (of the unit they work in) fill it in. */
export function mayEdit(actor: Actor, coordinator: Coordinator): boolean {
  return coordinator.unit !== undefined && actor.leads.includes(coordinator.unit) && actor.userId !== coordinator.userId;
}
