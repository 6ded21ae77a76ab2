import type { Case } from '../cases/Case.js';
import type { CaseEventSink } from '../cases/CaseService.js';
import type { CaseEvent } from '../cases/transitions.js';
import { approvalCard, caseNotificationCard, welcomeCoordinatorCard } from '../cases/cards.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { Translate } from '../i18n/translate.js';
import type { Roles } from '../roles/Roles.js';
import type { ProactiveSender } from './ProactiveSender.js';

/**
 * Turns case events into proactive messages in each recipient's personal chat, in their language.
 * A notification names the case reference and what happened, never who the resident is or what they need.
 */
export class ProactiveNotifier implements CaseEventSink {
  constructor(private readonly deps: { sender: ProactiveSender; roles: Roles }) {}

  async handle(municipality: MunicipalityId, c: Case, events: readonly CaseEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'notify') continue;
      // A leader gets the approval card itself; everyone else a notice with a way into the case.
      const card = (t: Translate) =>
        event.kind === 'approvalRequested' && c.proposal
          ? approvalCard(t, c, c.proposal.id)
          : event.kind === 'welcomeCoordinator'
            ? welcomeCoordinatorCard(t, c)
            : caseNotificationCard(t, { kind: event.kind, caseId: c.id, reference: c.reference });
      // Best effort per recipient: one unreachable person must not stop the others or undo the change.
      for (const userId of await this.deps.roles.recipients(municipality, event.to)) await this.deps.sender.send(municipality, userId, card);
    }
  }
}
