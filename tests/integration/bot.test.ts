import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../support/activities.js';
import { startFakeConnector } from '../support/fakeConnector.js';
import { startBot, type RunningBot } from '../support/startBot.js';

type Connector = Awaited<ReturnType<typeof startFakeConnector>>;

function cardText(activity: { attachments?: { content: unknown }[] }): string {
  return JSON.stringify(activity.attachments?.[0]?.content ?? {});
}

describe('the bot over HTTP (anonymous, SQLite)', () => {
  let connector: Connector;
  let running: RunningBot;

  beforeAll(async () => {
    connector = await startFakeConnector();
    running = await startBot();
  });
  afterAll(async () => {
    await running.close();
    await connector.close();
  });

  async function say(activity: Record<string, unknown>) {
    const before = connector.sent.length;
    const res = await running.post(activity);
    expect(res.status).toBeLessThan(300);
    const sent = await connector.waitFor(before + 1);
    return sent.slice(before);
  }

  it('answers the health check with the version and the store', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', version: expect.any(String), store: { ok: true, kind: 'sqlite' } });
  });

  it('greets a first-time user with the welcome menu, posted to the serviceUrl', async () => {
    const [reply] = await say(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'first', text: 'hva er dette' }));
    expect(reply!.conversationId).toBe('a:first');
    expect(reply!.body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(reply!.body)).toContain('Hei, og velkommen!');
    expect(cardText(reply!.body)).toContain('Rana kommune');
  });

  it('answers «hjelp» with a menu card that has a button into each capability', async () => {
    const [reply] = await say(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'first', text: 'hjelp' }));
    const card = reply!.body.attachments?.[0]?.content as { version: string; actions: { title: string; data: { verb: string; capability: string } }[] };
    expect(card.version).toBe('1.5');
    expect(card.actions.map((a) => a.data.capability)).toEqual(['report', 'cases', 'directory', 'guidance', 'language']);
    expect(card.actions.map((a) => a.title)).toContain('Hvem kontakter jeg?');
  });

  it('opens the guidance topics from the menu', async () => {
    const [reply] = await say(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'first', value: { verb: 'capability', capability: 'guidance' } }));
    expect(cardText(reply!.body)).toContain('Veiledning for koordinatorer');
    expect(cardText(reply!.body)).toContain('Koordineringsmøter (tidligere ansvarsgruppe)');
  });

  it('answers a stale or unknown card action with a clear message', async () => {
    const [reply] = await say(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'first', value: { verb: 'noSuchVerb', x: 1 } }));
    expect(reply!.body.text).toContain('utdatert eller ukjent');
    const [forged] = await say(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'first', value: { verb: 'setLocale', locale: 'de' } }));
    expect(forged!.body.text).toContain('utdatert eller ukjent');
  });

  it('remembers the language a user chooses', async () => {
    const [changed] = await say(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'nynorsk', value: { verb: 'setLocale', locale: 'nn' } }));
    expect(changed!.body.text).toBe('Greitt! Eg skriv nynorsk til deg frå no av.');
    const [menu] = await say(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'nynorsk', text: 'hjelp' }));
    expect(cardText(menu!.body)).toContain('Kven kontaktar eg?');
  });

  it('rejects malformed and oversized request bodies without a turn', async () => {
    expect((await running.post('{"type": "message",')).status).toBe(400);
    const huge = messageActivity({ serviceUrl: connector.serviceUrl, text: 'x'.repeat(300 * 1024) });
    expect((await running.post(huge)).status).toBe(413);
  });

  it.each<[string, Record<string, unknown>]>([
    ['no type', { text: 'hei' }],
    ['no conversation', { type: 'message', text: 'hei', from: { id: '29:x', aadObjectId: 'x' }, serviceUrl: 'http://127.0.0.1:1/' }],
    ['no sender', { type: 'message', text: 'hei', conversation: { id: 'a:x' }, serviceUrl: 'http://127.0.0.1:1/' }],
    ['text of the wrong type', { ...messageActivity({ serviceUrl: 'http://127.0.0.1:1/', userId: 'odd' }), text: { nested: true } }],
    ['an array', [] as unknown as Record<string, unknown>],
  ])('answers an activity with %s without a 500 and stays up', async (_name, activity) => {
    const response = await running.post(activity);
    expect(response.status).toBeLessThan(500);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});

describe('the bot across a restart', () => {
  it('keeps user state in the SQLite file', async () => {
    const connector = await startFakeConnector();
    const dataDir = mkdtempSync(join(tmpdir(), 'kh-restart-'));
    const first = await startBot({ DATA_DIR: dataDir });
    await first.post(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'u', text: 'hjelp' }));
    await connector.waitFor(1);
    await first.post(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'u', value: { verb: 'setLocale', locale: 'en' } }));
    await connector.waitFor(2);
    await first.close();

    const second = await startBot({ DATA_DIR: dataDir });
    await second.post(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'u', text: 'help' }));
    const sent = await connector.waitFor(3);
    expect(cardText(sent[0]!.body)).toContain('Hei, og velkommen!');
    expect(cardText(sent[2]!.body)).toContain('Here is what I can help with');
    await second.close();
    await connector.close();
  });
});

describe('the bot with BOT_ID set', () => {
  let running: RunningBot;
  beforeAll(async () => {
    running = await startBot({ BOT_ID: '00000000-0000-0000-0000-000000000001', BOT_PASSWORD: 'secret', BOT_TYPE: 'MultiTenant', DEFAULT_MUNICIPALITY: '' });
  });
  afterAll(async () => running.close());

  it('rejects a request without a token with 401', async () => {
    const res = await running.post(messageActivity({ serviceUrl: 'https://smba.trafficmanager.net/emea/', text: 'hjelp' }));
    expect(res.status).toBe(401);
  });

  it('rejects a request with a forged token with 401', async () => {
    const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"aud":"x"}').toString('base64url')}.`;
    const res = await running.post(messageActivity({ serviceUrl: 'https://smba.trafficmanager.net/emea/', text: 'hjelp' }), {
      authorization: `Bearer ${forged}`,
    });
    expect(res.status).toBe(401);
  });
});

describe('the bot when the tenant has no municipality', () => {
  it('tells the user their organisation is not connected, and does nothing else', async () => {
    const connector = await startFakeConnector();
    const running = await startBot({ DEFAULT_MUNICIPALITY: '' });
    await running.bot.municipalities.update('alesund', (m) => ({ ...m, tenantIds: ['tenant-alesund'] }));
    await running.post(messageActivity({ serviceUrl: connector.serviceUrl, tenantId: 'tenant-unknown', text: 'hjelp' }));
    const [reply] = await connector.waitFor(1);
    expect(reply!.body.text).toContain('ikke koblet til en kommune');

    await running.post(messageActivity({ serviceUrl: connector.serviceUrl, tenantId: 'tenant-alesund', userId: 'a', text: 'hjelp' }));
    const sent = await connector.waitFor(2);
    expect(cardText(sent[1]!.body)).toContain('Ålesund kommune');
    await running.close();
    await connector.close();
  });
});

describe('start-up against the municipalities in the store', () => {
  it.each([
    [{ DEFAULT_MUNICIPALITY: 'testvik' }, /DEFAULT_MUNICIPALITY: no municipality "testvik"/],
    [{ KE_ADMINS: 'testvik:someone' }, /KE_ADMINS: no municipality "testvik"/],
  ])('refuses to start when %o names a municipality that is not there', async (env, message) => {
    await expect(startBot(env)).rejects.toThrow(message);
  });
});

describe('the central error path', () => {
  it('gives a short Norwegian message and logs the failure with a correlation id, without personal data', async () => {
    const connector = await startFakeConnector();
    const running = await startBot();
    await running.bot.store.close(); // the database goes away under a running bot
    await running.post(messageActivity({ serviceUrl: connector.serviceUrl, userId: 'err', text: 'Ola Nordmann født 01.02.2010 trenger hjelp' }));
    const [reply] = await connector.waitFor(1);
    expect(reply!.body.text).toBe('Beklager, jeg får ikke lagret akkurat nå, og ingenting er endret. Prøv igjen om litt.');
    const failure = running.logLines.map((line) => JSON.parse(line)).find((entry) => entry.msg?.startsWith('turn failed'));
    expect(failure).toMatchObject({ correlationId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(running.logLines.join('\n')).not.toMatch(/Ola Nordmann|01\.02\.2010/);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(503);
    await new Promise<void>((resolve) => running.bot.server.close(() => resolve()));
    await connector.close();
  });
});
