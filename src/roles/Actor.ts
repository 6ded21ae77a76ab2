import type { MunicipalityId } from '../municipalities/Municipality.js';

/** The person acting, as the rules see them: identity, municipality, KE membership and the units they lead. */
export interface Actor {
  userId: string;
  /** Display name from Teams, for the case history. */
  name?: string;
  municipality: MunicipalityId;
  isKe: boolean;
  /** Units this person leads; a leader approves coordinators from these units. */
  leads: readonly string[];
}

/** Who a notification goes to. Notifications carry the case reference, never health details. */
export type Recipient = { kind: 'ke' } | { kind: 'user'; userId: string } | { kind: 'leadersOf'; unit: string };
