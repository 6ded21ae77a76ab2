import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/Case.js';
import { osloDate } from '../../src/time/oslo.js';
import { startChat, type Chat } from '../support/chat.js';
import { action, approveFrom, noticeOf, referenceIn, setRoles, textOf } from '../support/caseSteps.js';
import { reportForm } from '../support/reportForm.js';

const KE = 'ke-admin';
const KARI = 'kari';
const LEADER = 'leader';
const REPORTER = 'helsesykepleier';

const inDays = (days: number) => osloDate(new Date(Date.now() + days * 86_400_000));

describe('a family asks for a barnekoordinator for an expected child: reported, decided under § 2-5 c, appointed, the birth recorded, counted apart', () => {
  let chat: Chat;
  let caseId = '';
  let reference = '';

  beforeAll(async () => {
    chat = await startChat({ KE_ADMINS: `rana:${KE}` });
    for (const user of [KE, KARI, LEADER, REPORTER]) await chat.say(user, { text: 'hjelp' });
    await setRoles(chat, KE, KARI, { unit: 'Helsestasjon' });
    await setRoles(chat, KE, LEADER, { unit: 'Helsestasjon', leads: 'Helsestasjon' });
  }, 60_000);
  afterAll(async () => chat?.close());

  it.each([
    [
      'a child under 16 consenting alone',
      { consentGivenBy: 'resident' },
      'Et barn under 16 år kan ikke samtykke alene (pasient- og brukerrettighetsloven § 4-3).',
    ],
    ['parents consenting for an adult', { ageGroup: 'adult', residentBirthDate: '1980-01-01', consentGivenBy: 'parents' }, 'Foreldre samtykker for barn.'],
    [
      'a barnekoordinator for an adult',
      { ageGroup: 'adult', residentBirthDate: '1980-01-01', consentGivenBy: 'resident', childCoordinator: 'true' },
      'Barnekoordinator kan bare bes om for et barn',
    ],
    [
      'a due date more than ten months ahead',
      { ageGroup: 'expected', residentBirthDate: inDays(330), consentGivenBy: 'parents' },
      'Terminen må være en dato som finnes',
    ],
  ])('refuses %s in words, and stores nothing', async (_name, overrides, words) => {
    const [reply] = await chat.say(REPORTER, { value: reportForm({ verb: 'reportSubmit', ...overrides }) });
    expect(reply!.body.text).toContain(words);
    expect(await chat.running.bot.store.list('cases', 'rana')).toHaveLength(0);
  });

  it('reports an expected child with the due date and the parent named, asking for a barnekoordinator', async () => {
    const form = reportForm({
      verb: 'reportSubmit',
      ageGroup: 'expected',
      residentName: 'Mor Nordmann',
      residentBirthDate: inDays(60),
      consentGivenBy: 'parents',
      consentDate: inDays(-1),
      childCoordinator: 'true',
    });
    caseId = `case-${form.submissionId as string}`;
    const [receipt] = await chat.sayExpecting(REPORTER, { value: form }, 2);
    reference = referenceIn(receipt!)!;
    const stored = (await chat.running.bot.store.get<Case>('cases', 'rana', caseId))!.data;
    expect(stored.report).toMatchObject({ kind: 'childCoordinator', expectedChild: true, ageGroup: 'child', consent: { givenBy: 'parents' } });
  });

  it('shows KE the request with the criteria of § 2-5 c to assess, and the kind on the list', async () => {
    const [card] = await chat.say(KE, { value: { verb: 'caseOpen', caseId } });
    const text = textOf(card!);
    expect(text).toContain('Barnekoordinator (pasient- og brukerrettighetsloven § 2-5 c)');
    expect(text).toContain('Vurder kriteriene i pasient- og brukerrettighetsloven § 2-5 c');
    expect(text).toContain('alvorlig sykdom, skade eller nedsatt funksjonsevne');
    expect(text).toContain(`Ventet barn, termin ${inDays(60)}. Forelder: Mor Nordmann`);
    const [list] = await chat.say(KE, { text: 'alle saker' });
    expect(textOf(list!)).toContain('Ventet barn (termin) · barnekoordinator');
  });

  it('grants it, appoints a barnekoordinator whose welcome card gives the duties beyond a coordinator’s', async () => {
    const [opened] = await chat.say(KE, { value: { verb: 'caseOpen', caseId } });
    const [accepted] = await chat.press(KE, action(opened!, 'caseAccept'), 1);
    const proposed = await chat.press(KE, { ...action(accepted!, 'caseProposeCoordinator'), coordinator: KARI, unit: 'Helsestasjon' }, 1);
    const sent = await approveFrom(chat, proposed, LEADER, 2);
    const welcome = sent.find((a) => a.conversationId === `a:${KARI}` && textOf(a).includes('caseWelcome'))!;
    expect(textOf(welcome)).toContain(`Du er barnekoordinator i sak ${reference}`);
    expect(textOf(welcome)).toContain('Som barnekoordinator (helse- og omsorgstjenesteloven § 7-2 a)');
    expect(textOf(welcome)).toContain('spesialisthelsetjenesten');
  });

  it('records the birth: the child’s name and birth date replace the parent and the due date, audited', async () => {
    const [card] = await chat.say(KARI, { value: { verb: 'caseOpen', caseId } });
    const [form] = await chat.press(KARI, action(card!, 'caseBirthForm'));
    expect(textOf(form!)).toContain(`Registrer fødsel – ${reference}`);
    const [tooEarly] = await chat.press(KARI, { ...action(form!, 'caseRecordBirth'), name: 'Lille Nordmann', birthDate: inDays(1) });
    expect(noticeOf(tooEarly!)).toContain('Fødselsdatoen kan ikke være fram i tid');
    const [born] = await chat.press(KARI, { ...action(form!, 'caseRecordBirth'), name: 'Lille Nordmann', birthDate: inDays(-2) });
    expect(noticeOf(born!)).toBe(`Fødselen er registrert i sak ${reference}.`);
    expect(textOf(born!)).toContain(`Lille Nordmann, ${inDays(-2)}`);
    expect(textOf(born!)).not.toContain('Registrer fødsel');
    const audit = await chat.running.bot.store.list<{ action: string }>('audit', 'rana');
    expect(audit.some((doc) => doc.data.action === 'case.recordBirth')).toBe(true);
  });

  it('asks whether the child was heard when the plan starts, and shows it on the case', async () => {
    const [form] = await chat.press(KARI, { verb: 'caseStartForm', caseId });
    expect(textOf(form!)).toContain('Barnet er hørt (barnekonvensjonen art. 12, Grunnloven § 104)');
    const [started] = await chat.press(
      KARI,
      { ...action(form!, 'caseStartPlan'), startedAt: osloDate(new Date()), consentSigned: 'true', childHeard: 'true', childVoice: 'Foreldrene formidlet' },
      1,
    );
    expect(textOf(started!)).toContain('Foreldrene formidlet');
  });

  it('records an evaluation with how the child was heard this time', async () => {
    const [card] = await chat.say(KARI, { value: { verb: 'caseOpen', caseId } });
    const [form] = await chat.press(KARI, action(card!, 'caseEvaluationForm'));
    expect(textOf(form!)).toContain('Barnets stemme: hvordan barnet ble hørt denne gangen');
    const [evaluated] = await chat.press(KARI, {
      ...action(form!, 'caseRecordEvaluation'),
      on: osloDate(new Date()),
      nextOn: inDays(180),
      childVoice: 'Barnet tegnet hva det ønsker',
    });
    expect(noticeOf(evaluated!)).toBe(`Evalueringen er registrert i sak ${reference}.`);
    expect(textOf(evaluated!)).toContain('Barnet tegnet hva det ønsker');
    const stored = (await chat.running.bot.store.get<Case>('cases', 'rana', caseId))!.data;
    expect(stored.plan?.evaluation).toMatchObject({ lastOn: osloDate(new Date()), nextOn: inDays(180) });
  });

  it('counts the barnekoordinator case apart in KE’s overview', async () => {
    const [overview] = await chat.say(KE, { text: 'oversikt' });
    const facts = JSON.parse(textOf(overview!)).attachments[0].content.body.flatMap((b: { facts?: { title: string; value: string }[] }) => b.facts ?? []);
    expect(facts).toContainEqual({ title: 'Barnekoordinator ønsket', value: '1' });
    expect(facts).toContainEqual({ title: 'Barnekoordinator innvilget', value: '1' });
    expect(facts).toContainEqual({ title: 'Barnekoordinatorsaker i arbeid', value: '1' });
  });
});
