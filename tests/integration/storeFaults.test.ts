import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CosmosStore } from '../../src/store/CosmosStore.js';
import { startChat, type Chat } from '../support/chat.js';
import { startCosmosServer, TEST_KEY } from '../support/cosmosServer.js';
import { startFaultProxy } from '../support/faultProxy.js';
import { reportForm } from '../support/reportForm.js';
import { startFakeConnector } from '../support/fakeConnector.js';
import { startBot } from '../support/startBot.js';
import { messageActivity } from '../support/activities.js';

const NOT_SAVED = 'Beklager, jeg får ikke lagret akkurat nå, og ingenting er endret. Prøv igjen om litt.';

describe('a store that fails: Cosmos throttling, outage and silence through a fault proxy', () => {
  let cosmos: Awaited<ReturnType<typeof startCosmosServer>>;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  let chat: Chat;

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    proxy = await startFaultProxy(cosmos.endpoint);
    const store = await CosmosStore.connect({
      endpoint: proxy.endpoint,
      database: `faults${Date.now()}`,
      key: TEST_KEY,
      createIfMissing: true,
      requestTimeoutMs: 1500,
    });
    chat = await startChat({ KE_ADMINS: 'rana:ke' }, store);
    await chat.say('reporter', { text: 'hjelp' });
  }, 60_000);

  afterAll(async () => {
    proxy?.set('none');
    await chat?.close();
    await proxy?.close();
    await cosmos?.close();
  });

  it('tells the user «not saved, try again» while Cosmos answers 503, and works again after', async () => {
    proxy.set('unavailable');
    const [reply] = await chat.say('reporter', { text: 'mine saker' });
    expect(reply!.body.text).toBe(NOT_SAVED);
    proxy.set('none');
    const [again] = await chat.say('reporter', { text: 'mine saker' });
    expect(JSON.stringify(again!.body)).toContain('Mine saker');
  });

  it('writes nothing when writes are throttled (429), and the same filled-in form goes through afterwards', async () => {
    const form = reportForm({ verb: 'reportSubmit' });
    proxy.set('throttle', { writesOnly: true });
    const [refused] = await chat.say('reporter', { value: form });
    expect(refused!.body.text).toBe(NOT_SAVED);
    proxy.set('none');
    expect(await chat.running.bot.store.get('cases', 'rana', `case-${form.submissionId as string}`)).toBeUndefined();
    // The receipt, and KE's notice: the KE admin never wrote to the bot, so a chat is opened with them.
    const replies = await chat.sayExpecting('reporter', { value: form }, 2);
    expect(replies.find((a) => a.conversationId === 'a:reporter')?.body.attachments?.[0]?.content).toBeDefined();
    expect(JSON.stringify(replies.find((a) => a.conversationId === 'a:reporter')!.body)).toContain('Meldingen er sendt');
    expect(JSON.stringify(replies.find((a) => a.conversationId === 'a:ke')!.body)).toContain('RANA-2026-0001');
    expect(await chat.running.bot.store.get('cases', 'rana', `case-${form.submissionId as string}`)).toBeDefined();
  });

  it('gives up on a store that does not answer in time, well before Teams would resend', async () => {
    proxy.set('hang');
    const started = Date.now();
    // A typing indicator may come first while the bot waits on the store.
    const replies = await chat.sayExpecting('reporter', { text: 'mine saker' }, 2);
    expect(replies.filter((a) => a.body.type === 'message').map((a) => a.body.text)).toEqual([NOT_SAVED]);
    expect(Date.now() - started).toBeLessThan(15_000);
    proxy.set('none');
  }, 30_000);
});

describe('a store that fails: SQLite busy', () => {
  it('tells the user «not saved, try again» while another process holds the database, and works again after', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kh-busy-'));
    const connector = await startFakeConnector();
    const bot = await startBot({ DATA_DIR: dataDir });
    const say = async (text: string) => {
      const before = connector.sent.length;
      await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'u1', text }));
      return (await connector.waitFor(before + 1, 10_000))[before]!;
    };
    try {
      await say('hjelp');
      const other = new Database(join(dataDir, 'koordinatorhjelpen.sqlite'));
      other.exec('BEGIN EXCLUSIVE'); // another process writing: readers go on (WAL), writers wait, then give up
      const form = reportForm({ verb: 'reportSubmit' });
      const before = connector.sent.length;
      await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'u1', value: form }));
      const replies = (await connector.waitFor(before + 1, 15_000)).slice(before).filter((a) => a.body.type === 'message');
      expect(replies.map((a) => a.body.text)).toEqual([NOT_SAVED]);
      other.exec('COMMIT');
      other.close();
      expect(await bot.bot.store.get('cases', 'rana', `case-${form.submissionId as string}`)).toBeUndefined();
      const receipt = await (async () => {
        const at = connector.sent.length;
        await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'u1', value: form }));
        return (await connector.waitFor(at + 1, 10_000))[at]!;
      })();
      expect(JSON.stringify(receipt.body)).toContain('Meldingen er sendt');
    } finally {
      await bot.close();
      await connector.close();
    }
  }, 30_000);
});
