import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { ConversationReferences } from '../conversation/ConversationReferences.js';
import type { Roles } from './Roles.js';

/** Someone a form lets KE or a coordinator choose: a coordinator, a transfer's new coordinator, a person on the roles card. */
export interface PickablePerson {
  userId: string;
  name: string;
}

/**
 * Everyone a picker offers: the people KE imported (named as the import names them) and everyone
 * who has a chat with the bot (named as Teams names them), sorted by name.
 */
export async function pickablePeople(roles: Roles, references: ConversationReferences, municipality: MunicipalityId): Promise<PickablePerson[]> {
  const [imported, chatting] = await Promise.all([roles.people(municipality), references.people(municipality)]);
  const byId = new Map<string, PickablePerson>(chatting.map((person) => [person.userId, person]));
  for (const person of imported) byId.set(person.userId, { userId: person.userId, name: person.name });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}
