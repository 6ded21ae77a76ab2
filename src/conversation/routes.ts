import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { Municipality } from '../config.js';
import { languageCard } from '../cards/languageCard.js';
import { menuCard } from '../cards/menuCard.js';
import { defaultLocale, isLocale } from '../i18n/messages.js';
import { translator, type Translate } from '../i18n/translate.js';
import type { AppTurnState } from './AppTurnState.js';
import { isCapability } from './capabilities.js';

const HELP = /^\s*(hjelp|hjelp meg|help|meny|menu|start|hei|hallo|hi|hello)\s*[!.?]*\s*$/i;
const LANGUAGE = /^\s*(språk|sprak|mål|language)\s*$/i;

function t(state: AppTurnState): Translate {
  return translator(state.user.locale ?? defaultLocale);
}

function municipalityName(translate: Translate, municipality: Municipality | undefined): string {
  return municipality ? translate(`municipality.${municipality}`) : '';
}

async function sendMenu(context: TurnContext, state: AppTurnState): Promise<void> {
  const translate = t(state);
  const welcome = !state.user.greeted;
  state.user.greeted = true;
  await context.sendActivity({ attachments: [menuCard(translate, { municipalityName: municipalityName(translate, state.temp.municipality), welcome })] });
}

/** Greeting, «hjelp», language choice and the fallback. Registered last, so feature routes win. */
export function registerConversationRoutes(app: Application<AppTurnState>): void {
  // Teams sends both installationUpdate and conversationUpdate on install; greeting on the latter alone avoids a double welcome.
  app.conversationUpdate('membersAdded', async (context, state) => {
    const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
    if (botWasAdded) await sendMenu(context, state);
  });

  app.message(HELP, sendMenu);

  app.message(LANGUAGE, async (context, state) => {
    await context.sendActivity({ attachments: [languageCard(t(state))] });
  });

  app.adaptiveCards.actionSubmit('capability', async (context, state, data: { capability?: unknown }) => {
    const translate = t(state);
    if (!isCapability(data.capability)) {
      await context.sendActivity(translate('error.unknownAction'));
      return;
    }
    if (data.capability === 'language') {
      await context.sendActivity({ attachments: [languageCard(translate)] });
      return;
    }
    await context.sendActivity(translate('capability.notReady', { capability: translate(`capability.${data.capability}.title`) }));
  });

  app.adaptiveCards.actionSubmit('setLocale', async (context, state, data: { locale?: unknown }) => {
    if (!isLocale(data.locale)) {
      await context.sendActivity(t(state)('error.unknownAction'));
      return;
    }
    state.user.locale = data.locale;
    await context.sendActivity(translator(data.locale)('language.changed'));
  });

  app.activity(ActivityTypes.Message, async (context, state) => {
    if (context.activity.value !== undefined && !context.activity.text) {
      await context.sendActivity(t(state)('error.unknownAction'));
      return;
    }
    if (!state.user.greeted) {
      await sendMenu(context, state);
      return;
    }
    await context.sendActivity(t(state)('fallback.notUnderstood'));
  });
}
