import type { Router } from '../conversation/router.js';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { guidanceAnswerCard, guidanceMenuCard } from './cards.js';
import type { Municipality } from '../municipalities/Municipality.js';
import type { Translate } from '../i18n/translate.js';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { cardData } from '../conversation/cardData.js';
import { turnScope } from '../conversation/turnScope.js';
import { formatPhone } from '../text/phone.js';
import { guidanceTopics, type GuidanceTopic } from '../i18n/guidance.js';
import type { GuidanceIntents } from './GuidanceIntents.js';

const topicData = z.object({ topic: z.enum(guidanceTopics) });
/** Topics where the reader may want to call KE. */
const KE_CONTACT: ReadonlySet<GuidanceTopic> = new Set(['ke', 'report', 'appointment', 'training', 'complaint']);

export interface GuidanceRouteDeps {
  intents: GuidanceIntents;
}

/** Guidance on the coordinator role: the topic menu, answers by topic, and questions in free text. */
export function guidanceRoutes(router: Router, { intents }: GuidanceRouteDeps) {
  /** KE's number from the municipality's record, else its front desk's. */
  function contactFor(t: Translate, home: Municipality): { name: string; phone: string } | undefined {
    if (home.phones.ke) return { name: t('directory.noHits.ke'), phone: formatPhone(home.phones.ke) };
    if (home.phones.servicetorget) return { name: t('directory.noHits.servicetorget'), phone: formatPhone(home.phones.servicetorget) };
    return undefined;
  }

  async function showTopic(context: TurnContext, state: AppTurnState, topic: GuidanceTopic): Promise<void> {
    const { t, locale, home } = turnScope(context, state);
    await context.sendActivity({ attachments: [guidanceAnswerCard(t, locale, topic, KE_CONTACT.has(topic) ? contactFor(t, home) : undefined)] });
  }

  router.submit('guidanceTopic', async (context, state, data) => {
    const { topic } = cardData(topicData, data, 'error.unknownAction');
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
