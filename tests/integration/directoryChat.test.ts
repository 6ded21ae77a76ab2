import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChat, type Chat } from '../support/chat.js';
import type { RunningBot } from '../support/startBot.js';

const ADMIN = 'ke-admin-1';

describe('«Hvem kontakter jeg?» in chat', () => {
  let chat: Chat;
  let running: RunningBot;

  beforeAll(async () => {
    chat = await startChat({ DEFAULT_MUNICIPALITY: 'alesund', KE_ADMINS: `alesund:${ADMIN}` });
    ({ running } = chat);
  });
  afterAll(async () => chat.close());

  const say = (userId: string, body: { text?: string; value?: unknown }) => chat.say(userId, body);
  const card = (reply: { body: { attachments?: { content: unknown }[] } }) => reply.body.attachments?.[0]?.content as Record<string, unknown>;

  it('answers a free question with the right service and a phone that dials', async () => {
    await say('u1', { text: 'hjelp' });
    const [reply] = await say('u1', { text: 'hvem kontakter jeg for støttekontakt?' });
    const json = JSON.stringify(card(reply!));
    expect(json).toContain('Dette fant jeg for «støttekontakt» i Ålesund kommune');
    expect(json).toContain('"text":"Støttekontakt"');
    expect(json).toContain('"url":"tel:+4770162200"');
    expect(json).not.toContain('Endre oppføringen');
  });

  it('answers from the search card, and shows suggestions when nothing matches', async () => {
    const [reply] = await say('u1', { value: { verb: 'directorySearch', query: 'qwxyz blargh' } });
    const json = JSON.stringify(card(reply!));
    expect(json).toContain('Ingen treff på «qwxyz blargh»');
    expect(json).toContain('Servicetorget: 70 16 20 00');
    expect(json).toContain('"title":"Transporttjenester"');
  });

  it('proposes the categories nearest a question that found nothing, each a button that lists it', async () => {
    const [reply] = await say('u1', { value: { verb: 'directorySearch', query: 'tannlege' } });
    const json = JSON.stringify(card(reply!));
    expect(json).toContain('Ingen treff på «tannlege»');
    expect(json).toContain('Nærmest det du spurte om:');
    expect(json).toMatch(/"type":"Action.Submit","title":"[^"]+","data":\{"verb":"directoryCategory","category":"[^"]+"\}/);
  });

  it('lists a category the user picks', async () => {
    const [reply] = await say('u1', { value: { verb: 'directoryCategory', category: 'Vergemål' } });
    expect(JSON.stringify(card(reply!))).toContain('"text":"Verge"');
  });

  it('explains an empty or oversized query instead of searching', async () => {
    const [reply] = await say('u1', { value: { verb: 'directorySearch', query: ' ' } });
    expect(reply!.body.text).toContain('Skriv hva du leter etter (mellom 2 og 200 tegn)');
  });

  it('renders user text inert: markdown in the query stays text in a TextRun', async () => {
    const [reply] = await say('u1', { value: { verb: 'directorySearch', query: '[klikk](https://evil.example) **avlastning**' } });
    const heading = (card(reply!).body as { type: string; inlines?: { type: string; text: string }[] }[])[0]!;
    expect(heading.type).toBe('RichTextBlock');
    expect(heading.inlines?.[0]).toMatchObject({ type: 'TextRun', text: expect.stringContaining('[klikk](https://evil.example)') });
  });

  it('refuses a directory change from someone who is not KE admin', async () => {
    const [reply] = await say('u1', { value: { verb: 'directoryRetire', id: 'alesund-verge' } });
    expect(reply!.body.text).toContain('Du har ikke tilgang til dette');
    const [still] = await say('u1', { value: { verb: 'directoryCategory', category: 'Vergemål' } });
    expect(JSON.stringify(card(still!))).toContain('"text":"Verge"');
  });

  it('lets a KE admin edit an entry from the card, and the change is searchable at once', async () => {
    const [results] = await say(ADMIN, { text: 'hvem kontakter jeg for trygghetsalarm' });
    expect(JSON.stringify(card(results!))).toContain('Endre oppføringen');
    const [form] = await say(ADMIN, { value: { verb: 'directoryEdit', id: 'alesund-trygghetsalarm' } });
    expect(JSON.stringify(card(form!))).toContain('"value":"Trygghetsalarm"');

    const [saved] = await say(ADMIN, {
      value: {
        verb: 'directorySave',
        id: 'alesund-trygghetsalarm',
        name: 'Trygghetsalarm',
        unit: 'Tildelingskontoret',
        category: 'Omsorgstjenester',
        phones: '7016 2200 Tildelingskontoret',
        offers: 'For eldre og andre som er utrygge alene. Også GPS-klokke.',
        keywords: 'alarm, gps-klokke',
        ageMin: '',
        ageMax: '',
      },
    });
    expect(saved!.body.text).toBe('Lagret: «Trygghetsalarm». Endringen gjelder nå for alle i kommunen.');
    const [found] = await say('u1', { text: 'hvem kontakter jeg for gps-klokke' });
    expect(JSON.stringify(card(found!))).toContain('Også GPS-klokke');
  });

  it('tells a KE admin exactly which phone number is wrong, and saves nothing', async () => {
    const [reply] = await say(ADMIN, {
      value: {
        verb: 'directorySave',
        id: 'alesund-legevakt',
        name: 'Legevakt',
        unit: 'Legevakt',
        category: 'Helsetjenester',
        phones: '113x',
        offers: 'Døgnåpen.',
      },
    });
    expect(reply!.body.text).toContain('Telefonnummeret «113x» er ugyldig');
    const [still] = await say('u1', { text: 'hvem kontakter jeg for legevakt' });
    expect(JSON.stringify(card(still!))).toContain('tel:+4770143113');
  });

  it('gives a KE admin signed export links that download the directory, and refuses forged ones', async () => {
    const [reply] = await say(ADMIN, { text: 'eksporter tjenesteoversikt' });
    const actions = (card(reply!).actions as { title: string; url: string }[]).map((a) => ({ ...a, url: a.url.replace(/^https?:\/\/[^/]+/, running.url) }));
    expect(actions.map((a) => a.title)).toEqual(['CSV (Excel)', 'JSON', 'HSDS (Open Referral)']);
    const csv = await fetch(actions[0]!.url);
    expect(csv.status, actions[0]!.url).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('tjenesteoversikt-alesund.csv');
    expect(await csv.text()).toContain('alesund-legevakt');
    const forged = actions[1]!.url.replace(/\.[^.]+$/, '.forged');
    expect((await fetch(forged)).status).toBe(403);

    const [refused] = await say('u1', { text: 'eksporter tjenesteoversikt' });
    expect(refused!.body.text).toContain('Du har ikke tilgang til dette');
  });
});
