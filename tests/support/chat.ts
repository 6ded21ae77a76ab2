import { messageActivity } from './activities.js';
import { startFakeConnector, type SentActivity } from './fakeConnector.js';
import type { Store } from '../../src/store/Store.js';
import { startBot, type RunningBot } from './startBot.js';

export interface Chat {
  running: RunningBot;
  connector: Awaited<ReturnType<typeof startFakeConnector>>;
  /** Sends a message (text or card submit) as the user and returns what the bot posted in reply, once it has. */
  say(userId: string, body: { text?: string; value?: unknown; name?: string }): Promise<SentActivity[]>;
  /** Sends as the user and waits until `count` activities (replies and proactive messages to anyone) have been posted. */
  sayExpecting(userId: string, body: { text?: string; value?: unknown; name?: string }, count: number): Promise<SentActivity[]>;
  /** An Action.Execute invoke from a card (Universal Actions); returns the card the bot answers with. */
  execute(userId: string, verb: string, data: Record<string, string>): Promise<{ statusCode: number; value: { body: unknown; actions?: unknown[] } }>;
  /**
   * Presses a Universal Action button (`value` as `action()` gives it, inputs filled in) and returns
   * what the user then sees in place of the card — the card the bot answered with, or its words,
   * as if posted to the user's chat — followed by the `proactive` messages the bot sent to anyone.
   */
  press(userId: string, value: Record<string, unknown>, proactive?: number, name?: string): Promise<SentActivity[]>;
  close(): Promise<void>;
}

/** The real bot and a fake Bot Connector it replies to: a chat driven over HTTP. */
export async function startChat(env: Record<string, string> = {}, store?: Store): Promise<Chat> {
  const connector = await startFakeConnector();
  const running = await startBot(env, store);
  /**
   * The reply to the message (the activity that answers it, `replyToId`) comes first, whatever
   * proactive notices from earlier changes arrive around it; then the others, in order.
   */
  async function sayExpecting(userId: string, body: { text?: string; value?: unknown; name?: string }, count: number): Promise<SentActivity[]> {
    const before = connector.sent.length;
    const activity = messageActivity({ serviceUrl: connector.serviceUrl, userId, ...body });
    const res = await running.post(activity);
    if (res.status >= 300) throw new Error(`the bot answered ${res.status}`);
    const isReply = (a: SentActivity) => a.body.replyToId === activity.id;
    for (let seen = count; ; seen++) {
      const sent = (await connector.waitFor(before + seen)).slice(before);
      const reply = sent.find(isReply);
      if (reply || seen >= count + 20) return reply ? [reply, ...sent.filter((a) => a !== reply)].slice(0, Math.max(count, 1)) : sent.slice(0, count);
    }
  }
  return {
    running,
    connector,
    say: (userId, body) => sayExpecting(userId, body, 1),
    sayExpecting,
    async execute(userId, verb, data) {
      const res = await running.post({
        ...messageActivity({ serviceUrl: connector.serviceUrl, userId }),
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'card-message', // Teams sends the id of the message holding the card
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });
      if (res.status >= 300) throw new Error(`the bot answered ${res.status}`);
      return (await res.json()) as { statusCode: number; value: { body: unknown; actions?: unknown[] } };
    },
    async press(userId, value, proactive = 0, name) {
      const { verb, ...data } = value;
      const before = connector.sent.length;
      const res = await running.post({
        ...messageActivity({ serviceUrl: connector.serviceUrl, userId, name }),
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'card-message',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });
      if (res.status !== 200) throw new Error(`the bot answered ${res.status}`);
      const answer = (await res.json()) as { statusCode: number; type: string; value: unknown };
      if (answer.statusCode !== 200) throw new Error(`the invoke answered ${answer.statusCode}: ${JSON.stringify(answer.value)}`);
      const shown: SentActivity = {
        conversationId: `a:${userId}`,
        body:
          answer.type === 'application/vnd.microsoft.card.adaptive'
            ? { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: answer.value }] }
            : { type: 'message', text: String(answer.value) },
      };
      return [shown, ...(proactive > 0 ? (await connector.waitFor(before + proactive)).slice(before) : [])];
    },
    async close() {
      await running.close();
      await connector.close();
    },
  };
}
