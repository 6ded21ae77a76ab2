import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChat, type Chat } from '../support/chat.js';

const manifest = JSON.parse(readFileSync('appPackage/manifest.json', 'utf8'));
const localized = ['nn.json', 'en.json'].map((file) => JSON.parse(readFileSync(`appPackage/${file}`, 'utf8')) as Record<string, string>);
const titles = [
  ...manifest.bots[0].commandLists.flatMap((list: { commands: { title: string }[] }) => list.commands.map((c) => c.title)),
  ...localized.flatMap((loc) =>
    Object.entries(loc)
      .filter(([key]) => key.endsWith('.title'))
      .map(([, title]) => title),
  ),
];

describe('every command in the Teams manifest', () => {
  let chat: Chat;
  beforeAll(async () => {
    chat = await startChat();
    await chat.say('cmd', { text: 'hjelp' });
  });
  afterAll(async () => chat.close());

  it.each([...new Set(titles)])('«%s» gets a real answer', async (title) => {
    const [reply] = await chat.say('cmd', { text: title });
    const text = JSON.stringify(reply!.body);
    expect(text).not.toMatch(/forstod ikke|Ingen treff|did not quite understand/);
  });
});
