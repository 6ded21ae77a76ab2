import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { ProactiveNotifier } from '../../src/notifications/ProactiveNotifier.js';
import type { ProactiveSender, SendOutcome } from '../../src/notifications/ProactiveSender.js';
import { createServices, type Services } from '../../src/services.js';
import type { Store } from '../../src/store/Store.js';
import { Writable } from 'node:stream';
import { startChat, type Chat } from '../support/chat.js';
import { reportForm } from '../support/reportForm.js';
import { bothStores } from '../support/stores.js';

const KE = 'ke-1';
const KE2 = 'ke-2';
const REPORTER = 'reporter-1';

/** A sender that records every send and answers from a script (then «sent»). */
function scriptedSender() {
  const sent: { userId: string; text: string }[] = [];
  const script: SendOutcome[] = [];
  const sender = {
    async send(_municipality: string, userId: string, render: (t: (key: string) => string) => unknown) {
      const outcome = script.shift() ?? 'sent';
      if (outcome === 'sent') sent.push({ userId, text: JSON.stringify(render(((key: string) => key) as never)) });
      return outcome;
    },
  };
  return { sent, script, sender: sender as unknown as ProactiveSender };
}

describe.each(bothStores)('the case outbox on %s', (_name, open) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let services: Services;
  let clock = new Date('2026-11-25T10:00:00Z');
  const logs: string[] = [];

  beforeAll(async () => {
    ({ store, dispose } = await open());
    services = createServices(store, { now: () => clock });
    await services.municipalities.add({ id: 'rana', name: 'Rana kommune', tenantIds: ['t-rana'], phones: {}, defaultLanguage: 'nb' });
    await services.roles.grant('rana', KE, 'keMember');
    await services.roles.grant('rana', KE2, 'keMember');
  });
  afterAll(async () => dispose());

  const notifier = (sender: ProactiveSender) =>
    new ProactiveNotifier({
      sender,
      roles: services.roles,
      cases: services.cases,
      municipalities: async () => ['rana'],
      logger: createLogger('warn', new Writable({ write: (chunk, _e, done) => (logs.push(String(chunk)), done()) })),
      now: () => clock,
    });
  const actor = async (userId: string) => services.roles.actor('rana', userId);

  it('writes the notice with the case, in the same document, before anything is sent', async () => {
    const c = await services.cases.report(await actor(REPORTER), reportForm());
    expect(c.noticesPending).toBe(true);
    expect(c.outbox).toEqual([{ id: '1-1', kind: 'reportReceived', to: { kind: 'ke' }, at: c.createdAt, attempts: 0 }]);
    expect(await services.cases.withDueNotices('rana')).toContain(c.id);
  });

  it('delivers what is waiting once, also when two deliverers reach for it at the same time', async () => {
    const { sent, sender } = scriptedSender();
    const c = await services.cases.report(await actor(REPORTER), reportForm());
    const [a, b] = await Promise.all([notifier(sender).deliver('rana', c.id), notifier(sender).deliver('rana', c.id)]);
    expect(a + b).toBe(1);
    expect(sent.map((s) => s.userId).sort()).toEqual([KE, KE2]);
    const after = (await store.get<{ outbox: unknown[]; noticesPending: boolean; updatedAt: string; history: unknown[] }>('cases', 'rana', c.id))!.data;
    expect(after).toMatchObject({ outbox: [], noticesPending: false, updatedAt: c.updatedAt, history: c.history }); // the cards people hold stay current
  });

  it('tries again later only for whom it failed, and then gets through', async () => {
    const { sent, script, sender } = scriptedSender();
    const c = await services.cases.report(await actor(REPORTER), reportForm());
    script.push('sent', 'failed'); // KE 1 reached, KE 2 not
    expect(await notifier(sender).deliver('rana', c.id)).toBe(0);
    const waiting = (await store.get<{ outbox: { attempts: number; remaining: string[]; notBefore: string }[] }>('cases', 'rana', c.id))!.data.outbox;
    expect(waiting).toMatchObject([{ attempts: 1, remaining: [KE2] }]);
    expect(await notifier(sender).deliver('rana', c.id)).toBe(0); // not before the pause is over
    clock = new Date(clock.getTime() + 61_000);
    expect(await notifier(sender).deliver('rana', c.id)).toBe(1);
    expect(sent.filter((s) => s.userId === KE2)).toHaveLength(1);
    expect(sent.filter((s) => s.userId === KE)).toHaveLength(1);
  });

  it('takes over notices whose deliverer died holding them, after the lease', async () => {
    const { sent, sender } = scriptedSender();
    const c = await services.cases.report(await actor(REPORTER), reportForm());
    expect(await services.cases.claimNotices('rana', c.id, 120_000)).toBeDefined(); // …and then the process died
    expect(await notifier(sender).deliver('rana', c.id)).toBe(0);
    clock = new Date(clock.getTime() + 121_000);
    // The sweep finds it (and whatever else the suite left waiting), and sends it once.
    await notifier(sender).sweep();
    expect(sent.filter((s) => s.text.includes(c.reference))).toHaveLength(2);
    expect(await services.cases.withDueNotices('rana')).not.toContain(c.id);
  });

  it('delivers every due notice in one sweep, the oldest first, with 150 cases backed off ahead of them (no starvation)', async () => {
    // Start from an empty outbox: what earlier tests left is delivered first.
    await notifier(scriptedSender().sender).sweep();
    const reporter = await actor(REPORTER);
    const backedOff: string[] = [];
    for (let i = 0; i < 150; i++) {
      const c = await services.cases.report(reporter, reportForm());
      backedOff.push(c.id);
      await services.cases.settleNotices('rana', c.id, [
        { id: c.outbox![0]!.id, outcome: 'retry', remaining: [KE], notBefore: new Date(clock.getTime() + 3_600_000).toISOString() },
      ]);
    }
    clock = new Date(clock.getTime() + 1000);
    const due: string[] = [];
    for (let i = 0; i < 50; i++) {
      clock = new Date(clock.getTime() + 10);
      due.push((await services.cases.report(reporter, reportForm())).id);
    }
    clock = new Date(clock.getTime() + 1000);
    expect(await services.cases.withDueNotices('rana', 200)).toEqual(due);
    const { sender, sent } = scriptedSender();
    expect(await notifier(sender).sweep()).toBe(50);
    expect(sent).toHaveLength(100); // two KE members each
    expect(await services.cases.withDueNotices('rana', 200)).toEqual([]);
    expect((await services.cases.noticeBacklog('rana')).waiting).toBe(150);
  }, 120_000);

  it('gives a notice up after its last try, and says so in the log', async () => {
    const { script, sender } = scriptedSender();
    const c = await services.cases.report(await actor(REPORTER), reportForm());
    for (let attempt = 0; attempt < 8; attempt++) {
      script.push('failed', 'failed');
      await notifier(sender).deliver('rana', c.id);
      clock = new Date(clock.getTime() + 60_000 * 2 ** attempt + 1000);
    }
    expect((await store.get<{ noticesPending: boolean }>('cases', 'rana', c.id))!.data.noticesPending).toBe(false);
    expect(logs.join('')).toContain('notice given up after its last try');
  });
});

describe('a crash between the change and the notice, in chat', () => {
  let chat: Chat;
  beforeAll(async () => {
    chat = await startChat({ KE_ADMINS: 'rana:ke-admin' });
    for (const user of ['ke-admin', 'reporter']) await chat.say(user, { text: 'hjelp' });
  });
  afterAll(async () => chat?.close());

  it('gives the reporter the receipt while KE cannot be reached, and keeps KE’s notice in the case’s outbox for the next try', async () => {
    chat.connector.script('a:ke-admin', [400]);
    const [receipt] = await chat.say('reporter', { value: reportForm({ verb: 'reportSubmit' }) });
    expect(JSON.stringify(receipt!.body)).toContain('Meldingen er sendt');
    const reference = /RANA-\d{4}-\d{4}/.exec(JSON.stringify(receipt!.body))![0];
    await expect.poll(() => chat.connector.attempts.filter((a) => a.conversationId === 'a:ke-admin' && a.status === 400).length).toBe(1);
    const noticesToKe = () => chat.connector.sent.filter((a) => a.conversationId === 'a:ke-admin' && JSON.stringify(a.body).includes(reference));
    expect(noticesToKe()).toHaveLength(0);
    // Kept in the case's outbox for the next try, after a backoff.
    expect((await chat.running.bot.cases.noticeBacklog('rana')).waiting).toBe(1);
  });

  it('repairs a notice a crashed process never sent when the same form is sent again, without sending it twice', async () => {
    // Another process wrote the case and died before sending: its services have nobody to deliver.
    const crashed = createServices(chat.running.bot.store);
    const form = reportForm({ verb: 'reportSubmit' });
    const c = await crashed.cases.report(await crashed.roles.actor('rana', 'reporter'), form);
    expect(c.noticesPending).toBe(true);
    const toKe = () => chat.connector.sent.filter((a) => a.conversationId === 'a:ke-admin' && JSON.stringify(a.body).includes(c.reference));
    expect(toKe()).toHaveLength(0);

    await chat.say('reporter', { value: form }); // Teams resends, or the reporter presses again
    await expect.poll(toKe).toHaveLength(1);
    await chat.say('reporter', { value: form });
    await chat.running.bot.notices.sweep();
    expect(toKe()).toHaveLength(1);
  });
});
