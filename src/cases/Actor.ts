import type { Municipality } from '../config.js';

/** The person acting, as the rules see them: identity, municipality, KE membership and the units they lead. */
export interface Actor {
  userId: string;
  /** Display name from Teams, for the case history. */
  name?: string;
  municipality: Municipality;
  isKe: boolean;
  /** Units this person leads; a leader approves coordinators from these units. */
  leads: readonly string[];
}
