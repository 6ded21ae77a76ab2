import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { guidanceAnswerCard, guidanceMenuCard } from '../cards/guidanceCards.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { cardData } from '../conversation/cardData.js';
import { turnScope } from '../conversation/turnScope.js';
import type { DirectoryService } from '../directory/DirectoryService.js';
import { formatPhone } from '../directory/phone.js';
import { guidanceTopics, type GuidanceTopic } from '../i18n/guidance.js';
import type { GuidanceIntents } from './GuidanceIntents.js';

const topicData = z.object({ topic: z.enum(guidanceTopics) });
/** Topics where the reader may want to call KE. */
const KE_CONTACT: ReadonlySet<GuidanceTopic> = new Set(['ke', 'report', 'appointment', 'training', 'complaint']);

export interface GuidanceRouteDeps {
  intents: GuidanceIntents;
  directory: DirectoryService;
}

/** Guidance on the coordinator role: the topic menu, answers by topic, and questions in free text. */
export function guidanceRoutes(app: Application<AppTurnState>, { intents, directory }: GuidanceRouteDeps) {
  /** KE if the directory lists it, else the municipality's front desk. */
  async function contactFor(municipality: MunicipalityId) {
    return (await directory.get(municipality, `${municipality}-koordinerende-enhet`)) ?? (await directory.get(municipality, `${municipality}-servicetorget`));
  }

  async function showTopic(context: TurnContext, state: AppTurnState, topic: GuidanceTopic): Promise<void> {
    const { t, locale, municipality } = turnScope(context, state);
    const contact = KE_CONTACT.has(topic) ? await contactFor(municipality) : undefined;
    const phone = contact?.phones[0]?.number;
    await context.sendActivity({ attachments: [guidanceAnswerCard(t, locale, topic, contact && phone ? { name: contact.name, phone: formatPhone(phone) } : undefined)] });
  }

  app.adaptiveCards.actionSubmit('guidanceTopic', async (context, state, data) => {
    const { topic } = cardData(topicData, data, turnScope(context, state).t('error.unknownAction'));
    await showTopic(context, state, topic);
  });

  return {
    /** The menu's «Veiledning». */
    showMenu: async (context: TurnContext, state: AppTurnState) => {
      const { t, locale } = turnScope(context, state);
      await context.sendActivity({ attachments: [guidanceMenuCard(t, locale)] });
    },
    /** Answers free text that is a guidance question; false when it is not one. */
    answer: async (context: TurnContext, state: AppTurnState, text: string): Promise<boolean> => {
      const match = intents.match(text);
      if (!match) return false;
      await showTopic(context, state, match.topic);
      return true;
    },
  };
}
