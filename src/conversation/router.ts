import type { Application } from '@microsoft/teams-ai';
import { ADAPTIVE_CARD, type AdaptiveCardContent, type CardAttachment } from '../cards/expandCard.js';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AppTurnState } from './AppTurnState.js';
import type { Verb } from './verbs.js';

type Handler<T> = (context: TurnContext, state: AppTurnState) => Promise<T>;
/** Card data as the card sent it: every handler checks it against a schema (`cardData`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- card data is untrusted and each handler narrows it with a schema
type CardHandler<T> = (context: TurnContext, state: AppTurnState, data: any) => Promise<T>;

/**
 * The one place feature routes meet the bot framework: what a feature can listen to – a message
 * that matches, any other message, new members, a card's Action.Submit, a card's Universal Action
 * (answered in place with a card or words). Implemented here over teams-ai; a move to Teams SDK v2
 * or the Microsoft 365 Agents SDK re-implements this module and `app.ts`, and the features keep
 * their handlers (docs/MIGRATION.md).
 */
export interface Router {
  /** A message whose text matches, or for which the selector says yes (an attachment, say). */
  message(pattern: RegExp | ((context: TurnContext) => Promise<boolean>), handler: Handler<void>): void;
  /** Any message no earlier route took (register last). */
  otherMessage(handler: Handler<void>): void;
  membersAdded(handler: Handler<void>): void;
  submit(verb: Verb, handler: CardHandler<void>): void;
  execute(verb: Verb, handler: CardHandler<AdaptiveCardContent | string>): void;
  /** Any Universal Action no earlier route took: an old card, a forged verb (register last). */
  otherExecute(handler: Handler<AdaptiveCardContent | string>): void;
  /** A search-based message extension command: what the user typed in any chat's compose box, answered with a list to pick from. */
  search(commandId: string, handler: (context: TurnContext, state: AppTurnState, query: { text: string; count: number }) => Promise<SearchResult[]>): void;
  /** A card's searchable choice (`Input.ChoiceSet` with `choices.data` of type `Data.Query`): the choices that match what the user typed. */
  choices(dataset: string, handler: (context: TurnContext, state: AppTurnState, query: { text: string; count: number }) => Promise<Choice[]>): void;
}

export interface Choice {
  title: string;
  value: string;
}

/** One item of a message extension's result list: the card inserted into the chat, and its preview in the list. */
export interface SearchResult {
  card: CardAttachment;
  preview: { contentType: string; content: unknown };
}

/** The router over teams-ai, and the verbs registered through it. */
export function teamsAiRouter(app: Application<AppTurnState>): Router & { verbs: ReadonlySet<Verb> } {
  const verbs = new Set<Verb>();
  const registered = (verb: Verb): Verb => (verbs.add(verb), verb);
  return {
    verbs,
    message: (pattern, handler) => void app.message(pattern, handler),
    otherMessage: (handler) => void app.activity(ActivityTypes.Message, handler),
    membersAdded: (handler) => void app.conversationUpdate('membersAdded', handler),
    submit: (verb, handler) => void app.adaptiveCards.actionSubmit(registered(verb), handler),
    execute: (verb, handler) =>
      void app.addRoute(
        isActionExecute(registered(verb)),
        async (context, state) => answerInPlace(context, await handler(context, state, context.activity.value?.action?.data ?? {})),
        true,
      ),
    otherExecute: (handler) => void app.addRoute(isActionExecute(), async (context, state) => answerInPlace(context, await handler(context, state)), true),
    search: (commandId, handler) =>
      void app.messageExtensions.query(commandId, async (context, state, query) => {
        const text = typeof query.parameters?.query === 'string' ? query.parameters.query : '';
        const results = await handler(context, state, { text: text.slice(0, 200), count: Math.min(query.count || 10, 25) });
        return { type: 'result', attachmentLayout: 'list', attachments: results.map(({ card, preview }) => ({ ...card, preview })) };
      }),
    choices: (dataset, handler) =>
      void app.adaptiveCards.search(dataset, async (context, state, query) =>
        handler(context, state, { text: String(query.parameters?.queryText ?? '').slice(0, 200), count: Math.min(query.count || 15, 50) }),
      ),
  };
}

/** An Action.Execute (Universal Action) invoke, with this verb when one is given. */
function isActionExecute(verb?: Verb) {
  return async (context: TurnContext): Promise<boolean> => {
    const a = context.activity;
    if (a.type !== ActivityTypes.Invoke || a.name !== 'adaptiveCard/action' || a.value?.action?.type !== 'Action.Execute') return false;
    return verb === undefined || a.value.action.verb === verb;
  };
}

/**
 * Answers a Universal Action in place: words, or the card that replaces the one clicked. A card that
 * refreshes itself (`refresh`) also replaces the message for everyone who sees it, when the invoke names
 * that message (`replyToId`); Outlook's Universal Actions and a card in a dialog name none, and get the
 * card alone. (teams-ai's own `actionExecute` remembers «replace for all» per verb once one card had a
 * refresh, and then fails every later invoke of that verb without `replyToId`.)
 */
async function answerInPlace(context: TurnContext, answer: AdaptiveCardContent | string): Promise<void> {
  if (typeof answer !== 'string' && answer.refresh !== undefined && context.activity.replyToId) {
    await context.updateActivity({
      type: ActivityTypes.Message,
      id: context.activity.replyToId,
      attachments: [{ contentType: ADAPTIVE_CARD, content: answer }],
    });
  }
  const body =
    typeof answer === 'string'
      ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answer }
      : { statusCode: 200, type: ADAPTIVE_CARD, value: answer };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}
