import { messageActivity } from './activities.js';
import { startFakeConnector, type SentActivity } from './fakeConnector.js';
import { startBot, type RunningBot } from './startBot.js';

export interface Chat {
  running: RunningBot;
  connector: Awaited<ReturnType<typeof startFakeConnector>>;
  /** Sends a message (text or card submit) as the user and returns what the bot posted in reply, once it has. */
  say(userId: string, body: { text?: string; value?: unknown }): Promise<SentActivity[]>;
  close(): Promise<void>;
}

/** The real bot and a fake Bot Connector it replies to: a chat driven over HTTP. */
export async function startChat(env: Record<string, string> = {}): Promise<Chat> {
  const connector = await startFakeConnector();
  const running = await startBot(env);
  return {
    running,
    connector,
    async say(userId, body) {
      const before = connector.sent.length;
      const res = await running.post(messageActivity({ serviceUrl: connector.serviceUrl, userId, ...body }));
      if (res.status >= 300) throw new Error(`the bot answered ${res.status}`);
      return (await connector.waitFor(before + 1)).slice(before);
    },
    async close() {
      await running.close();
      await connector.close();
    },
  };
}
