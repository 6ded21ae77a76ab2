import { addDays, osloDate } from '../../src/time/oslo.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChat, type Chat } from '../support/chat.js';
import { action, approveFrom, caseInProgress, cardOf, noticeOf, setRoles, textOf } from '../support/caseSteps.js';
import type { SentActivity } from '../support/fakeConnector.js';

const KE = 'ke-admin';
const REPORTER = 'reporter';
const COORDINATOR = 'coordinator';
const LEADER = 'leader';
const COLLEAGUE = 'colleague';
const TEACHER = 'teacher';
const SCHOOL_LEADER = 'school-leader';
const NO_UNIT = 'no-unit';
const NAMES: Record<string, string> = { [COLLEAGUE]: 'Kari Kollega', [TEACHER]: 'Tor Lærer', [NO_UNIT]: 'Una Uten Enhet', [COORDINATOR]: 'Kim Koordinator' };

/** Closing is dated today: not before the plan started (yesterday or earlier), not in the future. */
const TODAY = osloDate(new Date());
/** A change takes effect next week: after the coordinator's appointment (today), whenever the suite runs. */
const NEXT_WEEK = addDays(TODAY, 7);

describe('changing, transferring and closing a case, in chat', () => {
  let chat: Chat;
  let caseId = '';
  let reference = '';
  const say = (userId: string, value: Record<string, unknown>) => chat.say(userId, { value, name: NAMES[userId] });
  /** Presses a button on a living card: what the card then shows, and the `proactive` messages sent to anyone. */
  const press = (userId: string, value: Record<string, unknown>, proactive = 0) => chat.press(userId, value, proactive, NAMES[userId]);
  const to = (sent: SentActivity[], userId: string) =>
    sent
      .filter((a) => a.conversationId === `a:${userId}`)
      .map(textOf)
      .join('\n');
  const open = async (userId: string) => (await say(userId, { verb: 'caseOpen', caseId }))[0]!;

  beforeAll(async () => {
    chat = await startChat({ DEFAULT_MUNICIPALITY: 'rana', KE_ADMINS: `rana:${KE}` });
    for (const user of [KE, REPORTER, COORDINATOR, LEADER, COLLEAGUE, TEACHER, SCHOOL_LEADER, NO_UNIT])
      await chat.say(user, { text: 'hjelp', name: NAMES[user] });
    await setRoles(chat, KE, COORDINATOR, { unit: 'Hjemmetjenesten' });
    await setRoles(chat, KE, COLLEAGUE, { unit: 'Hjemmetjenesten' });
    await setRoles(chat, KE, LEADER, { unit: 'Hjemmetjenesten', leads: 'Hjemmetjenesten' });
    await setRoles(chat, KE, TEACHER, { unit: 'Selfors skole' });
    await setRoles(chat, KE, SCHOOL_LEADER, { unit: 'Selfors skole', leads: 'Selfors skole' });
    ({ caseId, reference } = await caseInProgress(chat, { reporter: REPORTER, ke: KE, coordinator: COORDINATOR, unit: 'Hjemmetjenesten', leader: LEADER }));
  }, 60_000);
  afterAll(async () => chat?.close());

  it('offers the coordinator change, transfer, closing and history on the case card', async () => {
    const card = await open(COORDINATOR);
    expect(cardOf(card).actions!.map((a) => a.title)).toEqual(expect.arrayContaining(['Meld endring', 'Overfør saken', 'Avslutt saken', 'Historikk']));
    const leaderView = await open(LEADER);
    expect(textOf(leaderView)).not.toContain('Ola Nordmann');
    expect(textOf(leaderView)).not.toContain('Trenger samordning');
    expect(cardOf(leaderView).actions!.map((a) => a.title)).toEqual(['Historikk']);
  });

  it('takes an endringsskjema «går ut av stillingen» to KE, without the note in the notification', async () => {
    const [form] = await press(COORDINATOR, action(await open(COORDINATOR), 'caseChangeForm'));
    expect(textOf(form!)).toContain('Koordinator går ut av stillingen (permisjon, bytter jobb e.l.)');
    expect(textOf(form!)).toContain('Innbyggeren / pårørende takker nei til individuell plan');
    const submit = action(form!, 'caseReportChange');

    // A form that does not fit is answered in words: the card keeps what the coordinator typed.
    const [noLeaveKind] = await press(COORDINATOR, { ...submit, reason: 'leavesPosition', effectiveOn: NEXT_WEEK });
    expect(noLeaveKind!.body.text).toBe('Noe i skjemaet mangler eller er ugyldig: velg hvorfor du går ut av stillingen (permisjon, bytter jobb eller annet).');
    const [noDate] = await press(COORDINATOR, { ...submit, reason: 'leavesPosition', leaveKind: 'newJob' });
    expect(noDate!.body.text).toContain('Velg hva som har skjedd, og dato.');

    const sent = await press(
      COORDINATOR,
      { ...submit, reason: 'leavesPosition', leaveKind: 'newJob', effectiveOn: NEXT_WEEK, note: 'Begynner i ny jobb i Bodø.' },
      1,
    );
    // The form becomes the case card, changed, saying what happened.
    expect(noticeOf(sent[0]!)).toContain(`Endringen i sak ${reference} er sendt til KE`);
    expect(textOf(sent[0]!)).toContain('Endring meldt – venter på KE');
    expect(to(sent, KE)).toContain(`Koordinatoren har meldt en endring (endringsskjema) i sak ${reference}`);
    expect(to(sent, KE)).not.toContain('Bodø');

    // The same form sent again is the coordinator's own earlier click, not «someone else».
    const [again] = await press(COORDINATOR, { ...submit, reason: 'needEnded', effectiveOn: NEXT_WEEK });
    expect(noticeOf(again!)).toMatch(/^Dette er allerede gjort: Endring meldt: Koordinator går ut av stillingen .* Slik står saken nå\.$/);
    expect(textOf(again!)).toContain('Endring meldt – venter på KE');
  });

  it('lets KE see the change and appoint a new coordinator; the leader approves; old and new are told', async () => {
    const card = await open(KE);
    expect(textOf(card)).toContain('Endring meldt – venter på KE');
    expect(textOf(card)).toContain(`Koordinator går ut av stillingen (permisjon, bytter jobb e.l.) – bytter jobb, ${NEXT_WEEK}`);
    expect(textOf(card)).toContain('Begynner i ny jobb i Bodø.');
    expect(textOf(card)).toContain('Forslag: oppnevn ny koordinator nedenfor.');

    const proposed = await press(KE, { ...action(card, 'caseProposeCoordinator'), coordinator: COLLEAGUE, unit: 'Hjemmetjenesten' }, 1);
    expect(noticeOf(proposed[0]!)).toBe('Forslaget er sendt til lederen for Hjemmetjenesten. Du får beskjed når lederen har svart.');
    expect(to(proposed, LEADER)).toContain('Kari Kollega fra Hjemmetjenesten');
    const sent = await approveFrom(chat, proposed, LEADER, 3);
    expect(to(sent, COLLEAGUE)).toContain(`Du er koordinator i sak ${reference}`);
    expect(to(sent, COORDINATOR)).toContain(`Ny koordinator har tatt over sak ${reference}`);
    expect(to(sent, KE)).toContain(`Koordinator er oppnevnt i sak ${reference}`);

    const [details] = await say(COLLEAGUE, { verb: 'caseOpen', caseId });
    expect(textOf(details!)).toContain('Arbeid med individuell plan pågår');
    const [formerView] = await say(COORDINATOR, { verb: 'caseOpen', caseId });
    expect(formerView!.body.text).toBe(
      'Du er ikke lenger koordinator for denne saken, så du ser den ikke lenger. Spør koordinerende enhet om du trenger noe fra den.',
    );
    // The card the former coordinator still has turns into that explanation, and shows nothing of the case.
    const [refreshed] = await press(COORDINATOR, { verb: 'caseRefresh', caseId });
    expect(textOf(refreshed!)).toContain('Du er ikke lenger koordinator for denne saken');
    expect(textOf(refreshed!)).not.toContain('Ola Nordmann');
  });

  it('refuses a transfer to someone without a unit, and to oneself, changing nothing', async () => {
    const [form] = await press(COLLEAGUE, action(await open(COLLEAGUE), 'caseTransferForm'));
    expect(textOf(form!)).toContain('Snakk med lederen din om overføringen');
    expect(textOf(form!)).not.toContain(`"value":"${COLLEAGUE}"`);
    const submit = action(form!, 'caseRequestTransfer');
    const [noUnit] = await press(COLLEAGUE, { ...submit, to: NO_UNIT });
    expect(noUnit!.body.text).toBe(
      'Noe i skjemaet mangler eller er ugyldig: Una Uten Enhet har ingen enhet registrert i Koordinatorhjelpen. Be KE registrere enheten under «roller», eller velg en annen.',
    );
    const [self] = await press(COLLEAGUE, { ...submit, to: COLLEAGUE });
    expect(self!.body.text).toContain('du er allerede koordinator i saken');
    expect(textOf(await open(COLLEAGUE))).toContain('Arbeid med individuell plan pågår');
  });

  it('transfers to another unit through KE; the old coordinator stays responsible until the new one is approved', async () => {
    const [form] = await press(COLLEAGUE, { verb: 'caseTransferForm', caseId });
    const sent = await press(COLLEAGUE, { ...action(form!, 'caseRequestTransfer'), to: TEACHER }, 2);
    expect(noticeOf(sent[0]!)).toContain(`Overføringen av sak ${reference} til Selfors skole er sendt til KE, og lederen din er informert`);
    expect(to(sent, KE)).toContain('vil overføre sak');
    expect(to(sent, LEADER)).toContain('vil overføre sak');
    expect(textOf(await open(COLLEAGUE))).toContain('Endring meldt – venter på KE');

    const card = await open(KE);
    expect(textOf(card)).toContain('Overføring til Tor Lærer (Selfors skole)');
    expect(textOf(card)).toContain(`"value":"${TEACHER}"`); // the suggestion is preselected
    // The unit is left empty: the teacher's registered unit is used.
    const proposed = await press(KE, { ...action(card, 'caseProposeCoordinator'), coordinator: TEACHER }, 1);
    expect(noticeOf(proposed[0]!)).toContain('Forslaget er sendt til lederen for Selfors skole.');
    const notices = await approveFrom(chat, proposed, SCHOOL_LEADER, 3);
    expect(to(notices, TEACHER)).toContain(`Du er koordinator i sak ${reference}`);
    expect(to(notices, COLLEAGUE)).toContain(`Ny koordinator har tatt over sak ${reference}`);
  });

  it('shows the history with every coordinator’s period and every step', async () => {
    const [history] = await press(KE, action(await open(KE), 'caseHistory'));
    expect(action(history!, 'caseRefresh')).toEqual({ verb: 'caseRefresh', caseId });
    const text = textOf(history!);
    expect(text).toContain(`Historikk – sak ${reference}`);
    expect(text).toMatch(
      /Test Bruker \(Hjemmetjenesten\): \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}|Kim Koordinator \(Hjemmetjenesten\): \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/,
    );
    expect(text).toMatch(/Kari Kollega \(Hjemmetjenesten\): \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/Tor Lærer \(Selfors skole\): fra \d{4}-\d{2}-\d{2}/);
    for (const step of [
      'Meldt til KE',
      'KE godtok',
      'Arbeidet med individuell plan startet',
      'Endring meldt: Koordinator går ut av stillingen',
      'Lederen godkjente Kari Kollega som koordinator',
      'Overføring til Tor Lærer startet',
    ]) {
      expect(text).toContain(step);
    }
    expect(text).not.toContain('Bodø');
  });

  it('refuses to close without the whole checklist, then closes, tells KE and the leader, and drops the case from «Mine saker»', async () => {
    const [form] = await press(TEACHER, action(await open(TEACHER), 'caseCloseForm'));
    for (const item of ['Avklart med innbyggeren', 'Egen leder er informert', 'KE er informert', 'Samarbeidspartnerne er informert'])
      expect(textOf(form!)).toContain(item);
    const submit = action(form!, 'caseClose');
    const [partial] = await press(TEACHER, {
      ...submit,
      reason: 'needEnded',
      closedOn: TODAY,
      agreedWithResident: 'true',
      leaderInformed: 'true',
      keInformed: 'true',
      partnersInformed: 'false',
    });
    expect(partial!.body.text).toBe(
      'Noe i skjemaet mangler eller er ugyldig: kryss av for alle punktene i sjekklisten før saken avsluttes. Ingenting er endret.',
    );
    expect(textOf(await open(TEACHER))).toContain('Arbeid med individuell plan pågår');

    const [mineBefore] = await chat.say(TEACHER, { text: 'mine saker' });
    expect(textOf(mineBefore!)).toContain(reference);
    const complete = {
      ...submit,
      reason: 'needEnded',
      closedOn: TODAY,
      agreedWithResident: 'true',
      leaderInformed: 'true',
      keInformed: 'true',
      partnersInformed: 'true',
    };
    const sent = await press(TEACHER, complete, 2);
    expect(noticeOf(sent[0]!)).toContain(`Sak ${reference} er avsluttet. Den er ute av «Mine saker»`);
    expect(textOf(sent[0]!)).toContain('Avsluttet');
    expect(to(sent, KE)).toContain(`Sak ${reference} er avsluttet.`);
    expect(to(sent, SCHOOL_LEADER)).toContain(`Sak ${reference} er avsluttet.`);

    const [mineAfter] = await chat.say(TEACHER, { text: 'mine saker' });
    expect(textOf(mineAfter!)).not.toContain(reference);
    const [all] = await chat.say(KE, { text: 'alle saker' });
    expect(textOf(all!)).toContain(reference);
  });

  it('answers a double click on close, and a change on the closed case, with «saken er avsluttet»', async () => {
    const [form] = await say(KE, { verb: 'caseOpen', caseId });
    expect(textOf(form!)).toContain('Avsluttet');
    expect(textOf(form!)).toContain(`${TODAY}: Behovet for koordinering er opphørt`);
    // A form that matches the closed case (not stale) is refused by the rules: the card shows the case, saying why.
    const doc = await chat.running.bot.store.get<{ history: unknown[] }>('cases', 'rana', caseId);
    const [onClosed] = await press(TEACHER, {
      verb: 'caseReportChange',
      caseId,
      etag: doc!.etag,
      step: doc!.data.history.length,
      reason: 'needEnded',
      effectiveOn: NEXT_WEEK,
    });
    expect(noticeOf(onClosed!)).toBe('Saken er avsluttet, så ingenting er endret. KE kan gjenåpne den hvis det trengs.');
    expect(textOf(onClosed!)).toContain('Avsluttet');
  });

  it('lets KE reopen the case, and nobody else', async () => {
    const card = await open(KE);
    const reopen = action(card, 'caseReopen');
    const [teacherTries] = await press(TEACHER, reopen);
    expect(noticeOf(teacherTries!)).toBe('Du har ikke tilgang til dette. Ta kontakt med koordinerende enhet hvis du mener du skal ha det.');
    expect(cardOf(teacherTries!).actions!.map((a) => a.title)).not.toContain('Gjenåpne saken');
    const sent = await press(KE, reopen, 1);
    expect(noticeOf(sent[0]!)).toContain(`Sak ${reference} er gjenåpnet og venter på ny koordinator.`);
    expect(to(sent, TEACHER)).toContain(`KE har gjenåpnet sak ${reference}`);
    expect(textOf(await open(KE))).toContain('Godtatt – venter på koordinator');
  });

  it('kept the resident’s name, the need and every note out of the log the whole time', () => {
    const log = chat.running.logLines.join('');
    expect(log.length).toBeGreaterThan(1000);
    for (const secret of ['Ola Nordmann', '2014-05-06', 'Trenger samordning', 'Bodø', 'Begynner i ny jobb']) expect(log).not.toContain(secret);
  });
});
