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
  close(): Promise<void>;
}

/** The real bot and a fake Bot Connector it replies to: a chat driven over HTTP. */
export async function startChat(env: Record<string, string> = {}, store?: Store): Promise<Chat> {
  const connector = await startFakeConnector();
  const running = await startBot(env, store);
  async function sayExpecting(userId: string, body: { text?: string; value?: unknown; name?: string }, count: number): Promise<SentActivity[]> {
    const before = connector.sent.length;
    const res = await running.post(messageActivity({ serviceUrl: connector.serviceUrl, userId, ...body }));
    if (res.status >= 300) throw new Error(`the bot answered ${res.status}`);
    return (await connector.waitFor(before + count)).slice(before);
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
    async close() {
      await running.close();
      await connector.close();
    },
  };
}
