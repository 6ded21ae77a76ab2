import type { TeamsAdapter } from '@microsoft/teams-ai';
import { TurnContext, type Attachment, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import pRetry from 'p-retry';
import pThrottle from 'p-throttle';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { Locale } from '../i18n/messages.js';
import { translator, type Translate } from '../i18n/translate.js';
import type { Logger } from '../logger.js';
import type { ConversationReferences } from '../conversation/ConversationReferences.js';
import type { SendBudget } from './SendBudget.js';

/** Teams answers these when the bot may no longer post to a conversation: forget the reference. */
const GONE = new Set([403, 404]);
/** Worth another try, after a pause (Teams' guidance for proactive messages). */
const RETRYABLE = new Set([429, 412, 500, 502, 503, 504]);
/** Teams' limits: about 7 messages per second per conversation (here, in this instance), 30 requests per second per app and tenant (`SendBudget`, shared by every instance). */
const PER_CONVERSATION = { limit: 7, interval: 1000 };

export type SendOutcome = 'sent' | 'noReference' | 'gone' | 'failed';

export interface SenderOptions {
  retries?: number;
  /** First backoff; doubles each time, with jitter. */
  minTimeoutMs?: number;
  maxRetryAfterMs?: number;
}

interface HttpFailure {
  statusCode?: number;
  response?: { headers?: { get?(name: string): string | undefined | null } | Record<string, string> };
}

function statusOf(error: unknown): number | undefined {
  return (error as HttpFailure | undefined)?.statusCode;
}

/** Seconds (or an HTTP date) from a Retry-After header, as milliseconds. */
function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as HttpFailure | undefined)?.response?.headers;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  return Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(raw) - Date.now());
}

/**
 * Posts a card into a person's personal chat with the bot: within Teams' rate limits, retrying
 * throttling and transient failures with backoff, jitter and `Retry-After`, and forgetting the
 * conversation when Teams says the bot was blocked or removed.
 */
export class ProactiveSender {
  private readonly conversationThrottles = new Map<string, <T>(work: () => Promise<T>) => Promise<T>>();

  constructor(
    private readonly deps: {
      adapter: TeamsAdapter;
      botAppId: string;
      references: ConversationReferences;
      /** Requests per second per tenant, shared by every instance. */
      budget: SendBudget;
      logger: Logger;
      /** The municipality's default language, for people who have not chosen one. */
      defaultLocale?: (municipality: MunicipalityId) => Promise<Locale>;
    },
    private readonly options: SenderOptions = {},
  ) {}

  /** Renders the card in the recipient's language (as they chose it in chat) and posts it. */
  async send(municipality: MunicipalityId, userId: string, render: (t: Translate) => Attachment): Promise<SendOutcome> {
    const found = (await this.deps.references.lookup(municipality, userId)) ?? (await this.openChat(municipality, userId));
    if (!found) return 'noReference';
    const { reference } = found;
    const card = render(translator(found.locale ?? (await this.deps.defaultLocale?.(municipality))));
    const post = () =>
      this.throttled(reference.conversation?.tenantId ?? municipality, reference.conversation?.id ?? userId, async () => {
        // Caught inside the turn: otherwise the adapter's turn-error handler swallows it (and answers the user).
        let failure: unknown;
        await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, async (context) => {
          try {
            await context.sendActivity({ attachments: [card] });
          } catch (error) {
            failure = error;
          }
        });
        if (failure) throw failure;
      });
    try {
      await pRetry(post, {
        retries: this.options.retries ?? 4,
        minTimeout: this.options.minTimeoutMs ?? 500,
        factor: 2,
        randomize: true,
        shouldRetry: ({ error }) => RETRYABLE.has(statusOf(error) ?? 0) || statusOf(error) === undefined,
        onFailedAttempt: async ({ error }) => {
          const wait = retryAfterMs(error);
          if (wait) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, this.options.maxRetryAfterMs ?? 60_000)));
        },
      });
      return 'sent';
    } catch (error) {
      const status = statusOf(error);
      if (status !== undefined && GONE.has(status)) {
        await this.deps.references.forget(municipality, userId);
        this.deps.logger.info({ municipality, recipient: userId, status }, 'recipient blocked or removed the bot: reference forgotten');
        return 'gone';
      }
      this.deps.logger.warn({ municipality, recipient: userId, status, err: error }, 'proactive message failed');
      return 'failed';
    }
  }

  /**
   * Opens the personal chat with someone who has never written to the bot (an imported person),
   * from their Entra object id and the tenant: Teams allows it when the app is installed for them
   * (a Teams app setup policy does that for everyone). The new chat is remembered like any other.
   */
  private async openChat(municipality: MunicipalityId, userId: string): Promise<{ reference: Partial<ConversationReference>; locale?: Locale } | undefined> {
    const service = await this.deps.references.service(municipality);
    if (!service) {
      this.deps.logger.warn({ municipality, recipient: userId }, 'no conversation reference, and no service endpoint known yet to open a chat');
      return undefined;
    }
    const parameters = {
      isGroup: false,
      bot: { id: `28:${this.deps.botAppId}`, name: '' },
      members: [{ id: userId, name: '' }],
      tenantId: service.tenantId,
      channelData: { tenant: { id: service.tenantId } },
    } as ConversationParameters;
    let reference: Partial<ConversationReference> | undefined;
    try {
      await this.throttled(service.tenantId ?? municipality, `open:${userId}`, () =>
        this.deps.adapter.createConversationAsync(
          this.deps.botAppId,
          'msteams',
          service.serviceUrl,
          AuthenticationConstants.ToChannelFromBotOAuthScope,
          parameters,
          async (context) => {
            const created = TurnContext.getConversationReference(context.activity);
            reference = {
              ...created,
              conversation: { ...created.conversation!, conversationType: 'personal', tenantId: service.tenantId },
              user: { id: userId, name: '', aadObjectId: userId },
            };
          },
        ),
      );
    } catch (error) {
      // 403/404: the app is not installed for the person (no setup policy), or they are not in the tenant.
      this.deps.logger.warn({ municipality, recipient: userId, status: statusOf(error) }, 'could not open a chat with the recipient');
      return undefined;
    }
    if (!reference) return undefined;
    await this.deps.references.remember(municipality, userId, reference);
    return { reference };
  }

  /** Within the conversation's pace, then with a slot of the tenant's shared budget, for every try (retries count against the limit too). */
  private throttled<T>(tenant: string, conversation: string, work: () => Promise<T>): Promise<T> {
    let perConversation = this.conversationThrottles.get(conversation);
    if (!perConversation) {
      if (this.conversationThrottles.size > 10_000) this.conversationThrottles.clear();
      const throttle = pThrottle(PER_CONVERSATION);
      perConversation = throttle(<U>(inner: () => Promise<U>) => inner()) as <U>(inner: () => Promise<U>) => Promise<U>;
      this.conversationThrottles.set(conversation, perConversation);
    }
    return perConversation(async () => {
      await this.deps.budget.take(tenant);
      return work();
    });
  }
}
