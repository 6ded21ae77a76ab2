import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChat, type Chat } from '../support/chat.js';
import type { SentActivity } from '../support/fakeConnector.js';
import { anyAction, textOf } from '../support/caseSteps.js';

const ADMIN = 'ke-admin-1';
const ASKER = 'asker-1';
const OTHER = 'asker-2';
const THIRD = 'asker-3';

/** The card's input with this id. */
function inputOf(a: SentActivity, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.id === id && String(record.type).startsWith('Input.')) found = record;
      Object.values(record).forEach(walk);
    }
  };
  walk(a.body.attachments?.[0]?.content);
  return found;
}

/** The position of a service in an answer card, 1-based; 0 when it is not there. */
function rankOf(a: SentActivity, name: string): number {
  const names = [...JSON.stringify(a.body.attachments?.[0]?.content).matchAll(/"text":"([^"]+)","weight":"Bolder","color":"Accent"/g)].map((m) => m[1]);
  return names.indexOf(name) + 1;
}

describe('the directory learns from the questions it could not answer', () => {
  let chat: Chat;
  const ask = async (userId: string, text: string) => (await chat.say(userId, { text }))[0]!;
  const press = async (userId: string, value: Record<string, unknown>) => (await chat.press(userId, value))[0]!;
  const list = () => ask(ADMIN, 'ubesvarte spørsmål');
  /** The group whose first question is this, on the KE admin's list. */
  const groupOf = (card: SentActivity, question: string) => {
    const content = JSON.stringify(card.body.attachments?.[0]?.content);
    const at = content.indexOf(`«${question}»`);
    if (at < 0) throw new Error(`«${question}» is not on the list`);
    return /"group":"([^"]+)"/.exec(content.slice(at))![1]!;
  };

  beforeAll(async () => {
    chat = await startChat({ DEFAULT_MUNICIPALITY: 'alesund', KE_ADMINS: `alesund:${ADMIN}` });
    for (const user of [ADMIN, ASKER, OTHER, THIRD]) await chat.say(user, { text: 'hjelp' });
  });
  afterAll(async () => chat.close());

  it('asks under every answer whether it helped, and «Ja» thanks in place', async () => {
    const answer = await ask(OTHER, 'hvem kontakter jeg for støttekontakt?');
    expect(textOf(answer)).toContain('Fant du det du lette etter?');
    const thanked = await press(OTHER, anyAction(answer, 'directoryFeedback', 0));
    expect(textOf(thanked)).toContain('Takk for svaret!');
    expect(textOf(thanked)).toContain('Støttekontakt');
    expect(textOf(thanked)).not.toContain('Fant du det du lette etter?');
  });

  it('keeps a question that found nothing, masked', async () => {
    const reply = await ask(THIRD, 'hvem kontakter jeg for qwxyz blargh til Ola Nordmann født 01.02.2015');
    expect(textOf(reply)).toContain('Ingen treff');
    const card = await list();
    expect(textOf(card)).toContain('«qwxyz blargh til *** født ***»');
    expect(textOf(card)).not.toMatch(/Ola|Nordmann|2015/);
    expect(textOf(card)).toContain('Søket fant ingen tjeneste.');
  });

  it('«Nei» offers the municipality’s numbers, the categories and «Hva lette du etter?», and keeps what was sought', async () => {
    const answer = await ask(ASKER, 'hvem kontakter jeg for friuke fra stellet av sønnen min?');
    expect(rankOf(answer, 'Hjemmesykepleie')).toBe(1);
    const sorry = await press(ASKER, anyAction(answer, 'directoryFeedback', 1));
    expect(textOf(sorry)).toContain('koordinerende enhet får vite at svaret ikke traff');
    expect(textOf(sorry)).toContain('Servicetorget: 70 16 20 00');
    expect(inputOf(sorry, 'category')).toMatchObject({ label: 'Bla i kategori' });
    expect(inputOf(sorry, 'lookingFor')).toMatchObject({ label: 'Hva lette du etter? (valgfritt)' });
    expect(inputOf(sorry, 'lookingFor')?.isRequired).toBeUndefined();
    // A second click on the same card records nothing more.
    await press(ASKER, anyAction(answer, 'directoryFeedback', 1));
    const noted = await press(ASKER, { ...anyAction(sorry, 'directoryLookingFor'), lookingFor: 'en helg fri, ring Kari på 98765432' });
    expect(textOf(noted)).toContain('Takk! Koordinerende enhet bruker dette');
    const card = await list();
    expect(textOf(card)).toContain('«friuke fra stellet av sønnen min»');
    expect(textOf(card)).toContain('«en helg fri, ring *** på ***»');
    expect(textOf(card)).toContain('1 spørsmål');
    expect(textOf(card)).toContain('Søket foreslo: Hjemmesykepleie');
  });

  it('an empty «Hva lette du etter?» is refused in the user’s words, and the card stays', async () => {
    const answer = await ask(OTHER, 'hvem kontakter jeg for hjemmesykepleie?');
    const sorry = await press(OTHER, anyAction(answer, 'directoryFeedback', 1));
    const refused = await press(OTHER, { ...anyAction(sorry, 'directoryLookingFor'), lookingFor: '  ' });
    expect(textOf(refused)).toContain('Skriv kort hva du lette etter');
  });

  it('pairs a question with the one asked right after it, when the answer was not acted on', async () => {
    await ask(OTHER, 'hvem kontakter jeg for tilpasse kjøkkenet for rullestolbruker');
    await ask(OTHER, 'hvem kontakter jeg for hjelp til å bygge om boligen');
    const card = await list();
    expect(textOf(card)).toContain('«tilpasse kjøkkenet for rullestolbruker»');
    expect(textOf(card)).toContain('«hjelp til å bygge om boligen»');
  });

  it('stores no one’s identity: no user, no conversation, no personal data', async () => {
    const docs = await chat.running.bot.store.list<Record<string, unknown>>('unanswered', 'alesund');
    const stored = JSON.stringify(docs.map((doc) => doc.data));
    expect(docs.length).toBeGreaterThanOrEqual(4);
    for (const secret of [ASKER, OTHER, THIRD, 'Ola', 'Nordmann', '98765432', 'Kari', '2015', 'conversation', 'userId']) expect(stored).not.toContain(secret);
  });

  it('is for KE admins only', async () => {
    const reply = await ask(ASKER, 'ubesvarte spørsmål');
    expect(textOf(reply)).not.toContain('Ubesvarte spørsmål');
    expect(textOf(reply)).toMatch(/koordinerende enhet|KE/i);
  });

  it('lets the KE admin add the group’s words to a service, and the next such question is answered with it first', async () => {
    const card = await list();
    const group = groupOf(card, 'friuke fra stellet av sønnen min');
    const form = await press(ADMIN, { verb: 'unansweredKeywords', group });
    expect(textOf(form)).toContain('Legg til søkeord');
    expect(inputOf(form, 'keywords')?.value).toContain('friuke');
    expect(inputOf(form, 'entryId')).toMatchObject({ isRequired: true });
    const choices = (inputOf(form, 'entryId')!.choices as { title: string; value: string }[]).map((c) => c.value);
    expect(choices[0]).toBe('alesund-hjemmesykepleie');
    expect(choices).toContain('alesund-avlastning-voksne');

    const saved = await press(ADMIN, {
      ...anyAction(form, 'unansweredAddKeywords'),
      entryId: 'alesund-avlastning-voksne',
      keywords: 'friuke, helg fri',
    });
    expect(textOf(saved)).toContain('Lagt til på «Avlastning voksne»: friuke, helg fri.');
    expect(textOf(saved)).not.toContain('«friuke fra stellet av sønnen min»');
    expect(textOf(saved)).toContain('1 gruppe løst');

    const again = await ask(ASKER, 'hvem kontakter jeg for friuke fra stellet av sønnen min?');
    expect(rankOf(again, 'Avlastning voksne')).toBe(1);
    const audit = await chat.running.bot.store.list<{ action: string; target: string }>('audit', 'alesund');
    expect(audit.map((doc) => `${doc.data.action} ${doc.data.target}`)).toEqual(
      expect.arrayContaining(['directory.update directory/alesund-avlastning-voksne', 'unanswered.solved directory/unanswered']),
    );
  });

  it('refuses bad search words with a reason and keeps the list', async () => {
    const group = groupOf(await list(), 'tilpasse kjøkkenet for rullestolbruker');
    const refused = await press(ADMIN, { verb: 'unansweredAddKeywords', group, entryId: 'alesund-avlastning-voksne', keywords: ' , x' });
    expect(textOf(refused)).toContain('Søkeordene må være 2–80 tegn hver');
    expect(textOf(refused)).toContain('«tilpasse kjøkkenet for rullestolbruker»');
  });

  it('opens a new service prefilled with the group’s words, and saving it solves the group', async () => {
    const group = groupOf(await list(), 'tilpasse kjøkkenet for rullestolbruker');
    const form = await press(ADMIN, { verb: 'unansweredNewEntry', group });
    expect(textOf(form)).toContain('Ny oppføring i tjenesteoversikten');
    expect(inputOf(form, 'keywords')?.value).toContain('kjøkkenet');
    const [saved] = await chat.say(ADMIN, {
      value: {
        verb: 'directorySave',
        solves: group,
        id: '',
        name: 'Tilrettelegging av bolig',
        unit: 'Ergoterapitjenesten',
        category: 'Bolig',
        offers: 'Råd om å tilpasse bolig og kjøkken for rullestolbrukere.',
        phones: '70162200',
        keywords: String(inputOf(form, 'keywords')?.value),
      },
    });
    expect(textOf(saved!)).toContain('Lagret: «Tilrettelegging av bolig»');
    expect(textOf(await list())).not.toContain('«tilpasse kjøkkenet for rullestolbruker»');
  });

  it('«Ignorer» takes a group off the list; pressing it again says it is gone', async () => {
    const group = groupOf(await list(), 'qwxyz blargh til *** født ***');
    const ignored = await press(ADMIN, { verb: 'unansweredIgnore', group });
    expect(textOf(ignored)).toContain('Ignorert: «qwxyz blargh til');
    const again = await press(ADMIN, { verb: 'unansweredIgnore', group });
    expect(textOf(again)).toContain('Denne gruppen er allerede løst eller ignorert.');
  });
});
