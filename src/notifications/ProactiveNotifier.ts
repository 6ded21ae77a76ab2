import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Attachment } from 'botbuilder';
import type { Case } from '../cases/Case.js';
import type { CaseEventSink } from '../cases/CaseService.js';
import type { CaseEvent, Recipient } from '../cases/transitions.js';
import { approvalCard, caseNotificationCard, welcomeCoordinatorCard } from '../cards/caseCards.js';
import type { Municipality } from '../config.js';
import { translator } from '../i18n/translate.js';
import type { Logger } from '../logger.js';
import type { Roles } from '../roles/Roles.js';
import type { ConversationReferences } from './ConversationReferences.js';

/** Teams answers these when the bot may no longer post to a conversation. */
const GONE = new Set([403, 404]);

/**
 * Turns case events into proactive messages in each recipient's personal chat. A notification names
 * the case reference and what happened, never who the resident is or what they need.
 */
export class ProactiveNotifier implements CaseEventSink {
  constructor(
    private readonly deps: { adapter: TeamsAdapter; botAppId: string; references: ConversationReferences; roles: Roles; logger: Logger },
  ) {}

  async handle(municipality: Municipality, c: Case, events: readonly CaseEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'notify') continue;
      const t = translator();
      // A leader gets the approval card itself; everyone else a notice with a way into the case.
      const card =
        event.kind === 'approvalRequested' && c.proposal
          ? approvalCard(t, c, c.proposal.id)
          : event.kind === 'welcomeCoordinator'
            ? welcomeCoordinatorCard(t, c)
            : caseNotificationCard(t, { kind: event.kind, caseId: c.id, reference: c.reference });
      for (const userId of await this.recipients(municipality, event.to)) await this.send(municipality, userId, card);
    }
  }

  private async recipients(municipality: Municipality, to: Recipient): Promise<string[]> {
    if (to.kind === 'user') return [to.userId];
    if (to.kind === 'ke') return this.deps.roles.holders(municipality, 'keMember');
    return this.deps.roles.leadersOf(municipality, to.unit);
  }

  /** Best effort per recipient: one unreachable person must not stop the others or undo the change. */
  private async send(municipality: Municipality, userId: string, card: Attachment): Promise<void> {
    const reference = await this.deps.references.find(municipality, userId);
    if (!reference) {
      this.deps.logger.warn({ municipality, recipient: userId }, 'no conversation reference: recipient has not talked to the bot yet');
      return;
    }
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, async (context) => {
        await context.sendActivity({ attachments: [card] });
      });
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== undefined && GONE.has(status)) await this.deps.references.forget(municipality, userId);
      this.deps.logger.warn({ municipality, recipient: userId, status, err: error }, 'proactive message failed');
    }
  }
}
