import { isSharedCard } from './sharedCard.js';
import type { Router } from './router.js';
import { type TurnContext } from 'botbuilder';
import { languageCard, menuCard } from './cards.js';
import { isLocale } from '../i18n/messages.js';
import { translator } from '../i18n/translate.js';
import type { AppTurnState } from './AppTurnState.js';
import { capabilities, isCapability, type Capability } from './capabilities.js';
import { turnScope } from './turnScope.js';

const HELP = /^\s*(hjelp|hjelp meg|help|meny|menu|start|hei|hallo|hi|hello)\s*[!.?]*\s*$/i;
const LANGUAGE = /^\s*(språk|sprak|mål|language)\s*$/i;
/** The manifest's commands (nb, nn, en) for each capability. */
const COMMANDS: Record<Capability, RegExp> = {
  report: /^\s*(meld behov|melde behov|report a need)\s*$/i,
  cases: /^\s*(mine saker|my cases)\s*$/i,
  directory: /^\s*(hvem kontakter jeg|kven kontaktar eg|who do i contact)\s*\??\s*$/i,
  guidance: /^\s*(veiledning|rettleiing|guidance)\s*$/i,
  language: LANGUAGE,
};
const THANKS = /^\s*(takk|tusen takk|takk skal du ha|thanks|thank you)\s*[!.]*\s*$/i;

type Handler = (context: TurnContext, state: AppTurnState) => Promise<void>;

export interface ConversationRouteOptions {
  /** What each menu button does; language is handled here. */
  capabilities: Record<Exclude<Capability, 'language'>, Handler>;
  /** Free text that no other route claimed. */
  onFreeText?: (context: TurnContext, state: AppTurnState, text: string) => Promise<void>;
  /** The user chose a language (already in `state.user.locale`). */
  onLanguageChosen?: Handler;
}

async function sendMenu(context: TurnContext, state: AppTurnState): Promise<void> {
  const { t, municipalityName } = turnScope(context, state);
  const welcome = !state.user.greeted;
  state.user.greeted = true;
  await context.sendActivity({ attachments: [menuCard(t, { municipalityName, welcome })] });
}

/** Greeting, «hjelp», language choice, the menu buttons and the fallback. Registered last, so feature routes win. */
export function registerConversationRoutes(router: Router, options: ConversationRouteOptions): void {
  const capabilityHandlers: Record<Capability, Handler> = {
    language: async (context, state) => {
      await context.sendActivity({ attachments: [languageCard(turnScope(context, state).t)] });
    },
    ...options.capabilities,
  };

  // Teams sends both installationUpdate and conversationUpdate on install; greeting on the latter alone avoids a double welcome.
  router.membersAdded(async (context, state) => {
    const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
    if (botWasAdded) await sendMenu(context, state);
  });

  router.message(HELP, sendMenu);
  for (const capability of capabilities) {
    router.message(COMMANDS[capability], async (context, state) => runCapability(context, state, capability));
  }
  router.message(THANKS, async (context, state) => {
    await context.sendActivity(turnScope(context, state).t('conversation.thanks'));
  });

  async function runCapability(context: TurnContext, state: AppTurnState, capability: Capability): Promise<void> {
    await capabilityHandlers[capability](context, state);
  }

  router.submit('capability', async (context, state, data: { capability?: unknown }) => {
    if (!isCapability(data.capability)) {
      await context.sendActivity(turnScope(context, state).t('error.unknownAction'));
      return;
    }
    await runCapability(context, state, data.capability);
  });

  router.submit('setLocale', async (context, state, data: { locale?: unknown }) => {
    if (!isLocale(data.locale)) {
      await context.sendActivity(turnScope(context, state).t('error.unknownAction'));
      return;
    }
    state.user.locale = data.locale;
    await options.onLanguageChosen?.(context, state);
    await context.sendActivity(translator(data.locale)('language.changed'));
  });

  // A Universal Action nobody claimed (an old card, a forged verb): words in place, not a card error.
  router.otherExecute(async (context, state) => turnScope(context, state).t('error.unknownAction'));

  router.otherMessage(async (context, state) => {
    const { t } = turnScope(context, state);
    // A service card the user inserted from «Finn tjeneste» and sent here: shared, nothing to answer.
    if (isSharedCard(context.activity)) return;
    const text = context.activity.text?.trim() ?? '';
    if (context.activity.value !== undefined && !text) {
      await context.sendActivity(t('error.unknownAction'));
      return;
    }
    if (!state.user.greeted) {
      await sendMenu(context, state);
      if (!text) return;
    }
    if (text && options.onFreeText) await options.onFreeText(context, state, text);
    else await context.sendActivity(t('fallback.notUnderstood'));
  });
}
