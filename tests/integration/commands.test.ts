import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../support/activities.js';
import { startFakeConnector } from '../support/fakeConnector.js';
import { startBot, type RunningBot } from '../support/startBot.js';

const manifest = JSON.parse(readFileSync('appPackage/manifest.json', 'utf8'));
const localized = ['nn.json', 'en.json'].map((file) => JSON.parse(readFileSync(`appPackage/${file}`, 'utf8')) as Record<string, string>);
const titles = [
  ...manifest.bots[0].commandLists.flatMap((list: { commands: { title: string }[] }) => list.commands.map((c) => c.title)),
  ...localized.flatMap((loc) => Object.entries(loc).filter(([key]) => key.endsWith('.title')).map(([, title]) => title)),
];

describe('every command in the Teams manifest', () => {
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let running: RunningBot;
  beforeAll(async () => {
    connector = await startFakeConnector();
    running = await startBot();
  });
  afterAll(async () => {
    await running.close();
    await connector.close();
  });

  it.each([...new Set(titles)])('«%s» gets a real answer', async (title) => {
    await running.post(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'cmd', text: 'hjelp' }));
    const before = (await connector.waitFor(connector.sent.length)).length;
    await running.post(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'cmd', text: title }));
    const [reply] = (await connector.waitFor(before + 1)).slice(before);
    const text = JSON.stringify(reply!.body);
    expect(text).not.toMatch(/forstod ikke|Ingen treff|did not quite understand/);
  });
});
