import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting, Task } from '../../src/coordination/CaseWork.js';
import { osloDate } from '../../src/time/oslo.js';
import { startChat, type Chat } from '../support/chat.js';
import type { SentActivity } from '../support/fakeConnector.js';
import { action, anyAction, caseInProgress, noticeOf, setRoles, textOf } from '../support/caseSteps.js';

const KE = 'ke-admin';
const KARI = 'kari';
const PER = 'per';
const LEADER = 'leader';
const NAMES: Record<string, string> = { [KARI]: 'Kari Koordinator', [PER]: 'Per Lærer' };

/** An Oslo date some days ahead. */
const inDays = (days: number) => osloDate(new Date(Date.now() + days * 86_400_000));

describe('the coordinator runs the work of a plan in chat: partners, a meeting, its referat and tasks, the close', () => {
  let chat: Chat;
  let caseId = '';
  let reference = '';
  let meetingId = '';

  /** Presses a Universal Action as `userId`; returns what they see in place of the card, then `proactive` messages to anyone. */
  const press = (userId: string, value: Record<string, unknown>, proactive = 0) => chat.press(userId, value, proactive, NAMES[userId]);
  const to = (sent: readonly SentActivity[], userId: string) => sent.filter((a) => a.conversationId === `a:${userId}`);
  const workCard = async () => (await press(KARI, { verb: 'workOpen', caseId }))[0]!;

  beforeAll(async () => {
    chat = await startChat({ KE_ADMINS: `rana:${KE}` });
    for (const user of [KE, KARI, PER, LEADER, 'reporter']) await chat.say(user, { text: 'hjelp', name: NAMES[user] });
    await setRoles(chat, KE, KARI, { unit: 'Hjemmetjenesten' });
    await setRoles(chat, KE, PER, { unit: 'Selfors skole' });
    await setRoles(chat, KE, LEADER, { unit: 'Hjemmetjenesten', leads: 'Hjemmetjenesten' });
    ({ caseId, reference } = await caseInProgress(chat, { reporter: 'reporter', ke: KE, coordinator: KARI, unit: 'Hjemmetjenesten', leader: LEADER }));
  }, 90_000);
  afterAll(async () => chat?.close());

  it('offers the coordinator the work from the case card, and nobody else', async () => {
    const [card] = await chat.say(KARI, { value: { verb: 'caseOpen', caseId } });
    expect(textOf(card!)).toContain('Samarbeid og møter');
    const [work] = await press(KARI, action(card!, 'workOpen'));
    expect(textOf(work!)).toContain(`Samarbeid i sak ${reference}`);
    expect(textOf(work!)).toContain('Ingen samarbeidspartnere ennå');
    const [refused] = await press(PER, { verb: 'workOpen', caseId });
    expect(textOf(refused!)).not.toContain('Ola Nordmann');
    expect(textOf(refused!)).not.toContain('Samarbeid i sak');
  });

  it('adds an internal partner, who is told, and an external one; a second add of the same person is refused', async () => {
    const sent = await press(KARI, { verb: 'partnerAddInternal', caseId, partnerUserId: PER, partnerRole: 'kontaktlærer' }, 1);
    expect(noticeOf(sent[0]!)).toBe('Per Lærer er lagt til som samarbeidspartner og har fått beskjed.');
    const [told] = to(sent.slice(1), PER);
    expect(textOf(told!)).toContain(`Du er lagt til som samarbeidspartner (kontaktlærer) i sak ${reference}`);
    expect(textOf(told!)).toContain('Kari Koordinator (Hjemmetjenesten)');
    expect(textOf(told!)).not.toContain('samordning'); // never the report's need

    const [again] = await press(KARI, { verb: 'partnerAddInternal', caseId, partnerUserId: PER, partnerRole: 'lærer' });
    expect(textOf(again!)).toContain('Per Lærer er allerede samarbeidspartner i saken.');

    const [external] = await press(KARI, {
      verb: 'partnerAddExternal',
      caseId,
      organisation: 'Helgelandssykehuset, BUP',
      externalRole: 'behandler',
      phone: '75 12 34 56',
      email: '',
    });
    expect(noticeOf(external!)).toContain('Helgelandssykehuset, BUP er lagt til som samarbeidspartner');
    expect(textOf(external!)).toContain('75 12 34 56');
  });

  it('refuses a meeting in the past, ending before it starts, longer than 8 hours or with nowhere to meet, each in words', async () => {
    const partners = await chat.running.bot.coordination.work({ userId: KARI, municipality: 'rana', isKe: false, leads: [] }, caseId);
    const base = {
      verb: 'meetingSave',
      caseId,
      kind: 'coordination',
      online: 'true',
      participants: partners.partners.map((p) => p.id).join(','),
      residentTakesPart: 'false',
    };
    const cases: [Record<string, string>, string][] = [
      [{ date: inDays(-1), from: '09:00', to: '10:00' }, 'kan ikke legges til et tidspunkt som har vært'],
      [{ date: inDays(7), from: '10:00', to: '09:00' }, 'må slutte etter at det begynner'],
      [{ date: inDays(7), from: '08:00', to: '17:00' }, 'høyst 8 timer'],
      [{ date: inDays(7), from: '09:00', to: '10:00', online: 'false', place: '' }, 'Skriv hvor møtet holdes, eller velg Teams.'],
    ];
    for (const [fields, words] of cases) {
      const [answer] = await press(KARI, { ...base, ...fields });
      expect(answer!.body.text).toContain(words);
    }
    expect(await chat.running.bot.store.list('meetings', 'rana')).toHaveLength(0);
  });

  it('plans a koordineringsmøte: the participant is invited, and the Teams link carries no resident data', async () => {
    const [form] = await press(KARI, action(await workCard(), 'meetingNew'));
    expect(textOf(form!)).toContain('Nytt møte i sak');
    const view = await chat.running.bot.coordination.work({ userId: KARI, municipality: 'rana', isKe: false, leads: [] }, caseId);
    const sent = await press(
      KARI,
      {
        ...action(form!, 'meetingSave'),
        kind: 'coordination',
        date: inDays(7),
        from: '09:00',
        to: '10:00',
        place: 'Rådhuset, møterom 2',
        online: 'true',
        participants: view.partners.map((p) => p.id).join(','),
        residentTakesPart: 'true',
        agenda: 'Skolestart\nAvlastning',
        referent: '',
      },
      1,
    );
    const card = sent[0]!;
    expect(noticeOf(card)).toContain('Møtet er planlagt');
    const teams = JSON.parse(textOf(card)).attachments[0].content.actions.find((a: { type: string }) => a.type === 'Action.OpenUrl');
    expect(teams.url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meeting\/new\?subject=Koordineringsm%C3%B8te%20RANA-\d{4}-\d{4}&startTime=/);
    expect(decodeURIComponent(teams.url)).not.toContain('Ola');
    expect(decodeURIComponent(teams.url)).not.toContain('samordning');
    const [invite] = to(sent.slice(1), PER);
    expect(noticeOf(invite!)).toBe(`Du er invitert til et møte i sak ${reference}.`);
    expect(textOf(invite!)).toContain('Kan ikke komme');
    expect(textOf(invite!)).toContain('Ola Nordmann'); // a partner sees the resident's name
    expect(textOf(invite!)).not.toContain('samordning');
    meetingId = action(invite!, 'meetingDecline').meetingId!;
  });

  it('lets a participant say they cannot come, which tells the coordinator; a participant cannot cancel it', async () => {
    const sent = await press(PER, { verb: 'meetingDecline', meetingId }, 1);
    expect(noticeOf(sent[0]!)).toBe('Koordinatoren har fått beskjed om at du ikke kan komme.');
    expect(textOf(to(sent.slice(1), KARI)[0]!)).toContain('Per Lærer kan ikke komme på møtet');
    const [refused] = await press(PER, { verb: 'meetingCancel', meetingId, version: '1' });
    expect(textOf(refused!)).not.toContain('Møtet er avlyst');
    const stored = await chat.running.bot.store.get<Meeting>('meetings', 'rana', meetingId);
    expect(stored!.data.state).toBe('planned');
  });

  it('records the referat once the meeting has been held: the participant gets it and their task', async () => {
    // The meeting has been held: move it into the past.
    const stored = (await chat.running.bot.store.get<Meeting>('meetings', 'rana', meetingId))!;
    const held = { ...stored.data, startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() - 60_000).toISOString() };
    await chat.running.bot.store.put('meetings', 'rana', meetingId, held);
    const [meeting] = await press(KARI, { verb: 'meetingOpen', meetingId });
    const [form] = await press(KARI, action(meeting!, 'referatForm'));
    expect(textOf(form!)).toContain('Referat: Koordineringsmøte');
    const partners = held.participants;
    const [internal, external] = partners;
    const sent = await press(
      KARI,
      {
        ...action(form!, 'referatSave'),
        attended: external!,
        residentPresent: 'true',
        agreed: 'Skolen lager plan for skolestart\nBUP kaller inn til utredning',
        what1: 'Lage plan for skolestart',
        owner1: `partner:${internal}`,
        due1: inDays(3),
        what2: 'Kalle inn til utredning',
        owner2: `partner:${external}`,
        due2: inDays(5),
      },
      2,
    );
    expect(noticeOf(sent[0]!)).toBe('Referatet er lagret og sendt til deltakerne.');
    expect(textOf(sent[0]!)).toContain('Skolen lager plan for skolestart');
    const per = to(sent.slice(1), PER);
    expect(per.map(noticeOf)).toEqual(
      expect.arrayContaining([`Referatet fra møtet i sak ${reference} er klart.`, `Du har fått en oppgave i sak ${reference}, med frist ${inDays(3)}.`]),
    );
    const tasks = await chat.running.bot.store.list<Task>('tasks', 'rana');
    expect(tasks.map((doc) => doc.data.what).sort()).toEqual(['Kalle inn til utredning', 'Lage plan for skolestart']);
  });

  it('gives the coordinator the referat as a Word document through a one-time link, audited', async () => {
    const [meeting] = await press(KARI, { verb: 'meetingOpen', meetingId });
    const link = JSON.parse(textOf(meeting!)).attachments[0].content.actions.find((a: { title: string }) => a.title === 'Last ned referat (Word)');
    const url = new URL(link.url);
    const response = await fetch(`${chat.running.url}${url.pathname}${url.search}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const document = strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml']!);
    expect(document).toContain('Skolen lager plan for skolestart');
    expect(document).toContain('Lage plan for skolestart');
    expect((await fetch(`${chat.running.url}${url.pathname}${url.search}`)).status).toBe(410);
    const audit = await chat.running.bot.store.list<{ action: string }>('audit', 'rana');
    expect(audit.filter((doc) => doc.data.action === 'work.referat.download')).toHaveLength(1);
    // A participant's card offers no download.
    const [partnerView] = await press(PER, { verb: 'meetingOpen', meetingId });
    expect(textOf(partnerView!)).not.toContain('Last ned referat');
    expect(textOf(partnerView!)).toContain('Skolen lager plan for skolestart');
  });

  it('refuses a referat task due before its meeting, and keeps the referat as it was', async () => {
    const [meeting] = await press(KARI, { verb: 'meetingOpen', meetingId });
    const [form] = await press(KARI, action(meeting!, 'referatForm'));
    const [answer] = await press(KARI, { ...action(form!, 'referatSave'), agreed: 'Noe annet', what1: 'For sent', owner1: 'coordinator', due1: inDays(-3) });
    expect(answer!.body.text).toContain('En oppgave kan ikke ha frist før møtet den kom fra.');
    expect((await chat.running.bot.store.list<Task>('tasks', 'rana')).length).toBe(2);
  });

  it('lets the partner mark a task done from «mine oppgaver»; a second click records nothing more', async () => {
    const [list] = await chat.say(PER, { text: 'mine oppgaver' });
    expect(textOf(list!)).toContain('Lage plan for skolestart');
    expect(textOf(list!)).not.toContain('Kalle inn til utredning');
    const done = anyAction(list!, 'taskDone');
    const sent = await press(PER, done, 1);
    expect(noticeOf(sent[0]!)).toBe('Oppgaven er registrert som ferdig. Koordinatoren har fått beskjed.');
    expect(textOf(sent[0]!)).toContain('Du har ingen åpne oppgaver.');
    expect(textOf(to(sent.slice(1), KARI)[0]!)).toContain('Per Lærer har gjort ferdig en oppgave');
    const [again] = await press(PER, done);
    expect(noticeOf(again!)).toBe('Oppgaven var allerede registrert som ferdig.');
    const audit = await chat.running.bot.store.list<{ action: string }>('audit', 'rana');
    expect(audit.filter((doc) => doc.data.action === 'work.task.done')).toHaveLength(1);
  });

  it('counts an overdue task in KE’s overview, per unit, without saying what it is', async () => {
    const [open] = (await chat.running.bot.store.list<Task>('tasks', 'rana')).filter((doc) => doc.data.state === 'open');
    await chat.running.bot.store.put('tasks', 'rana', open!.id, { ...open!.data, dueOn: inDays(-1) });
    const [overview] = await chat.say(KE, { text: 'oversikt' });
    const facts = JSON.parse(textOf(overview!)).attachments[0].content.body.flatMap((b: { facts?: { title: string; value: string }[] }) => b.facts ?? []);
    expect(facts).toContainEqual({ title: 'Forfalte oppgaver i saker', value: '1' });
    expect(textOf(overview!)).toContain('Forfalte oppgaver');
    expect(textOf(overview!)).not.toContain('Kalle inn til utredning');
  });

  it('shows the open and overdue tasks on the case card, and the external partners to call on the close form', async () => {
    const [card] = await chat.say(KARI, { value: { verb: 'caseOpen', caseId } });
    expect(textOf(card!)).toContain('1 åpen, 1 forfalt');
    const [form] = await press(KARI, action(card!, 'caseCloseForm'));
    expect(textOf(form!)).toContain('De eksterne ringer du selv');
    expect(textOf(form!)).toContain('Helgelandssykehuset, BUP');
  });

  it('closes the case: the partner is told, open tasks are cancelled, and the work can no longer change', async () => {
    const [form] = await press(KARI, { verb: 'caseCloseForm', caseId });
    const [closed] = await press(
      KARI,
      {
        ...action(form!, 'caseClose'),
        reason: 'needEnded',
        closedOn: osloDate(new Date()),
        agreedWithResident: 'true',
        leaderInformed: 'true',
        keInformed: 'true',
        partnersInformed: 'true',
      },
      3,
    );
    expect(noticeOf(closed!)).toContain('avsluttet');
    await chat.running.bot.noticesSettled();
    const perCards = chat.connector.sent.filter((a) => a.conversationId === `a:${PER}`).map(textOf);
    expect(perCards.some((text) => text.includes(`Sak ${reference} er avsluttet formelt.`))).toBe(true);
    const tasks = await chat.running.bot.store.list<Task>('tasks', 'rana');
    expect(tasks.map((doc) => doc.data.state).sort()).toEqual(['cancelled', 'done']);
    const [refused] = await press(KARI, { verb: 'partnerAddExternal', caseId, organisation: 'NAV', externalRole: 'veileder' });
    expect(textOf(refused!)).toContain('Saken er avsluttet, så samarbeidet kan ikke endres.');
  });
});
