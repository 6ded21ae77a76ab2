import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../support/activities.js';
import { startChat, type Chat } from '../support/chat.js';
import { reportForm } from '../support/reportForm.js';

/** An inter-municipal IT cooperation: two municipalities on one Microsoft 365 tenant. */
const TENANT = 'tenant-iks';
const KARI = '7a1e0c52-1111-4c8e-9a11-000000000001'; // KE admin in Testvik (imported)
const PER = '7a1e0c52-1111-4c8e-9a11-000000000002'; // employee in Testvik (imported)
const STRANGER = 'ffffffff-0000-0000-0000-000000000001'; // on the tenant, in no list

describe('several municipalities on one tenant', () => {
  let chat: Chat;

  beforeAll(async () => {
    chat = await startChat({ DEFAULT_MUNICIPALITY: '' });
    const { municipalities, imports } = chat.running.bot;
    await municipalities.add({ id: 'testvik', name: 'Testvik kommune', tenantIds: [TENANT] });
    await municipalities.add({ id: 'nordvik', name: 'Nordvik kommune', tenantIds: [TENANT], defaultLanguage: 'nn' });
    const file = (name: string) => ({ name, bytes: readFileSync(`templates/${name}`) });
    const report = await imports.run(
      'testvik',
      { directory: file('directory.csv'), people: file('people.csv'), cases: file('cases.csv') },
      { importedBy: 'operator:test', dryRun: false },
    );
    expect(report.problems).toEqual([]);
  });
  afterAll(async () => chat?.close());

  async function say(userId: string, body: { text?: string; value?: unknown }, expected = 1) {
    const before = chat.connector.sent.length;
    await chat.running.post(messageActivity({ serviceUrl: chat.connector.serviceUrl, userId, tenantId: TENANT, ...body }));
    return (await chat.connector.waitFor(before + expected)).slice(before).map((sent) => sent.body);
  }
  const text = (body: unknown) => JSON.stringify(body);

  it('knows an imported person’s municipality without asking', async () => {
    const [menu] = await say(PER, { text: 'hjelp' });
    expect(text(menu)).toContain('Testvik kommune');
  });

  it('asks a person in no list once which municipality they work for, then uses it, in its language', async () => {
    const [asked] = await say(STRANGER, { text: 'hjelp' });
    const card = asked!.attachments![0]!.content as { actions: { title: string; data: Record<string, string> }[] };
    expect(card.actions.map((a) => a.title)).toEqual(['Nordvik kommune', 'Testvik kommune']);
    const [askedAgain] = await say(STRANGER, { text: 'hvem kontakter jeg for helsestasjon' });
    expect(text(askedAgain)).toContain('Hvilken kommune jobber du i?');

    const [chosen] = await say(STRANGER, { value: card.actions[0]!.data });
    expect(chosen!.text).toBe('Takk! Du brukar no Koordinatorhjelpen for Nordvik kommune. Skriv «hjelp» for å sjå kva eg kan hjelpe med.');
    const [menu] = await say(STRANGER, { text: 'hjelp' });
    expect(text(menu)).toContain('Nordvik kommune');
  });

  it('refuses a choice of a municipality that is not on the tenant', async () => {
    const [asked] = await say('ffffffff-0000-0000-0000-000000000002', { value: { verb: 'municipalityChoose', municipality: 'rana' } });
    expect(text(asked)).toContain('Hvilken kommune jobber du i?');
  });

  it('never crosses municipalities: directory answers and cases are the person’s own municipality’s', async () => {
    const [testvik] = await say(PER, { text: 'hvem kontakter jeg for spesialundervisning' });
    expect(text(testvik)).toContain('Pedagogisk-psykologisk tjeneste');
    const [nordvik] = await say(STRANGER, { text: 'hvem kontakter jeg for spesialundervisning' });
    expect(text(nordvik)).not.toContain('Pedagogisk-psykologisk tjeneste');
    const [all] = await say(STRANGER, { text: 'alle saker' });
    expect(text(all)).not.toContain('TESTVIK-2026');
  });

  it('reaches imported KE members who never wrote to the bot, by opening a chat with them', async () => {
    expect(await chat.running.bot.references.find('testvik', KARI)).toBeUndefined();
    const form = reportForm({ servicesInvolved: 'testvik-helsestasjon,testvik-ppt', reporterUnit: 'Hjemmetjenesten' });
    const sent = await say(PER, { value: { verb: 'reportSubmit', ...form } }, 3);
    expect(chat.connector.opened.map((o) => o.member)).toEqual(expect.arrayContaining([KARI, '7a1e0c52-1111-4c8e-9a11-000000000006']));
    expect(chat.connector.opened.find((o) => o.member === KARI)?.tenantId).toBe(TENANT);
    const notice = chat.connector.sent.find((s) => s.conversationId === `a:${KARI}`);
    expect(text(notice?.body)).toMatch(/TESTVIK-2026-0005/);
    expect(sent.length).toBe(3);
    expect(await chat.running.bot.references.find('testvik', KARI)).toBeDefined();
  });

  it('offers imported people in the people picker, who never wrote to the bot', async () => {
    const [card] = await say(KARI, { text: 'roller' });
    expect(text(card)).toContain('Aisha Ahmed');
  });

  it('lets a KE admin move someone who chose the wrong municipality; they are not asked again', async () => {
    const [card] = await say(KARI, { value: { verb: 'rolesPick', userId: PER } });
    const inputs = (card!.attachments![0]!.content as { body: { id?: string; choices?: { title: string }[] }[] }).body;
    expect(inputs.find((input) => input.id === 'moveTo')?.choices?.map((c) => c.title)).toEqual(['Nordvik kommune']);
    const [moved] = await say(KARI, {
      value: { verb: 'rolesSave', userId: PER, keMember: 'false', keAdmin: 'false', unit: 'Hjemmetjenesten', leads: '', moveTo: 'nordvik' },
    });
    expect(moved!.text).toBe('Flyttet Per Hansen til Nordvik kommune. Fra neste melding bruker personen Koordinatorhjelpen der.');
    const [menu] = await say(PER, { text: 'hjelp' });
    expect(text(menu)).toContain('Nordvik kommune');
    const [refused] = await say(KARI, { value: { verb: 'rolesSave', userId: '7a1e0c52-1111-4c8e-9a11-000000000003', moveTo: 'rana' } });
    expect(refused!.text).toContain('hører ikke til denne Microsoft 365-organisasjonen');
  });
});
