import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting, Task } from '../../src/coordination/CaseWork.js';
import type { Actor } from '../../src/roles/Actor.js';
import { osloDate } from '../../src/time/oslo.js';
import { reportForm } from '../support/reportForm.js';
import { SCREENSHOTS, startPlaygroundSession, type PlaygroundSession } from '../support/playgroundSession.js';

/** The Agents Playground's user (Alex Wilber): KE admin, leader of Hjemmetjenesten and the case's coordinator in this trial. */
const ALEX = '00000000-0000-0000-0000-0000000000020';
const KARI = 'aaaaaaaa-1111-2222-3333-444444444444';

const ahead = (days: number) => osloDate(new Date(Date.now() + days * 86_400_000));

describe('the work of a plan in the Agents Playground: partners, a koordineringsmøte, its referat and tasks, the close', () => {
  let session: PlaygroundSession;
  let reference = '';
  let caseId = '';
  const alex: Actor = { userId: ALEX, municipality: 'rana', isKe: true, leads: ['Hjemmetjenesten'], name: 'Alex Wilber' };

  beforeAll(async () => {
    session = await startPlaygroundSession({ KE_ADMINS: `rana:${ALEX}` });
    await session.page.getByText('Hei, og velkommen!').first().waitFor({ timeout: 30_000 });
    const { roles, cases } = session.bot.bot;
    await roles.setUnits('rana', ALEX, { unit: 'Hjemmetjenesten', leads: ['Hjemmetjenesten'] });
    await roles.replace('rana', KARI, { roles: [], name: 'Kari Lærer', email: 'kari.laerer@rana.kommune.no', unit: 'Selfors skole', leads: [] });
    // A plan in progress with Alex as coordinator, set up through the case service (the case flow has its own end-to-end test).
    const reported = await cases.report(alex, { ...reportForm(), reporterUnit: 'Hjemmetjenesten' });
    ({ id: caseId, reference } = reported);
    await cases.act(alex, caseId, { type: 'accept' });
    const proposed = await cases.act(alex, caseId, {
      type: 'proposeCoordinator',
      proposalId: crypto.randomUUID(),
      coordinator: { userId: ALEX, unit: 'Hjemmetjenesten', name: 'Alex Wilber' },
    });
    await cases.act(alex, caseId, { type: 'approveAppointment', proposalId: proposed.data.proposal!.id });
    const checklist = { consentSigned: true, expectationsClarified: true, contactAgreed: true, partnersInformed: true, nextMeetingAgreed: true };
    await cases.act(alex, caseId, { type: 'startPlan', startedAt: '2026-11-24', checklist });
    await session.bot.bot.noticesSettled();
  }, 120_000);
  afterAll(async () => session?.close());

  it('adds a colleague and an outside partner from the case card', async () => {
    await session.send(reference);
    const card = session.cardWith(`Sak ${reference}`);
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Samarbeid og møter' }).click();
    const work = session.cardWith(`Samarbeid i sak ${reference}`);
    await work.waitFor({ timeout: 30_000 });
    await work.getByRole('button', { name: 'Legg til kollega' }).click();
    await work.getByRole('combobox', { name: /^Person/ }).click();
    await session.page.getByRole('option', { name: 'Kari Lærer' }).click();
    await work
      .getByRole('textbox', { name: /^Rolle i planen/ })
      .first()
      .fill('kontaktlærer');
    await work.getByRole('button', { name: 'Legg til', exact: true }).first().click();
    await session.seen('Kari Lærer er lagt til som samarbeidspartner og har fått beskjed.');
    const again = session.cardWith(`Samarbeid i sak ${reference}`);
    await again.getByRole('button', { name: 'Legg til ekstern' }).click();
    await again.getByRole('textbox', { name: /^Virksomhet/ }).fill('Helgelandssykehuset, BUP');
    await again
      .getByRole('textbox', { name: /^Rolle i planen/ })
      .last()
      .fill('behandler');
    await again.getByRole('textbox', { name: /^Telefon/ }).fill('75 12 34 56');
    await again.getByRole('button', { name: 'Legg til', exact: true }).last().click();
    await session.seen('Helgelandssykehuset, BUP er lagt til som samarbeidspartner.');
    await session.cardWith(`Samarbeid i sak ${reference}`).screenshot({ path: `${SCREENSHOTS}/coordination-1-partners.png` });
  }, 90_000);

  it('plans a koordineringsmøte with both partners; the card offers the Teams meeting', async () => {
    await session.cardWith(`Samarbeid i sak ${reference}`).getByRole('button', { name: 'Nytt møte' }).click();
    const form = session.cardWith(`Nytt møte i sak ${reference}`);
    await form.waitFor({ timeout: 30_000 });
    await session.pickDate(form.getByPlaceholder('Select a date...').first(), ahead(7));
    await form.getByLabel(/^Fra kl/).fill('09:00');
    await form.getByLabel(/^Til kl/).fill('10:00');
    await form.getByRole('textbox', { name: /^Sted/ }).fill('Rådhuset, møterom 2');
    await form.getByRole('checkbox', { name: 'Kari Lærer' }).check();
    await form.getByRole('checkbox', { name: 'Helgelandssykehuset, BUP' }).check();
    await form.getByRole('textbox', { name: /^Saksliste/ }).fill('Skolestart\nAvlastning');
    await form.screenshot({ path: `${SCREENSHOTS}/coordination-2-new-meeting.png` });
    await form.getByRole('button', { name: 'Lagre møtet' }).click();
    await session.seen(/Møtet er planlagt/);
    const meeting = session.cardWith('Koordineringsmøte –');
    await expect.poll(() => meeting.getByText('Opprett Teams-møte', { exact: true }).count()).toBe(1);
    await meeting.screenshot({ path: `${SCREENSHOTS}/coordination-3-meeting.png` });
  }, 90_000);

  it('records the referat with two tasks once the meeting is held; Alex marks his task done from «mine oppgaver»', async () => {
    const { store, coordination } = session.bot.bot;
    const [doc] = await store.list<Meeting>('meetings', 'rana');
    // Kari cannot come (she says so on her own card; here through the service), and then the meeting is held.
    await coordination.declineMeeting({ userId: KARI, municipality: 'rana', isKe: false, leads: [], name: 'Kari Lærer' }, doc!.id);
    const current = (await store.get<Meeting>('meetings', 'rana', doc!.id))!;
    await store.put('meetings', 'rana', doc!.id, {
      ...current.data,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() - 60_000).toISOString(),
    });
    await session.send(reference);
    await session.cardWith(`Sak ${reference}`).getByRole('button', { name: 'Samarbeid og møter' }).click();
    const work = session.cardWith(`Samarbeid i sak ${reference}`);
    await expect.poll(() => work.getByText('Referat mangler').count()).toBe(1);
    await work.getByRole('button', { name: 'Åpne' }).first().click();
    await session.cardWith('Koordineringsmøte –').getByRole('button', { name: 'Skriv referat' }).click();
    const form = session.cardWith('Referat: Koordineringsmøte');
    await form.waitFor({ timeout: 30_000 });
    await form.getByRole('textbox', { name: /^Dette ble vi enige om/ }).fill('Skolen lager plan for skolestart\nBUP kaller inn til utredning');
    await form.getByRole('textbox', { name: /^Oppgave 1/ }).fill('Ringe BUP om utredningen');
    await form.getByRole('combobox', { name: /^Hvem/ }).nth(0).click();
    await session.page.getByRole('option', { name: 'Koordinatoren' }).click();
    await session.pickDate(form.getByPlaceholder('Select a date...').nth(0), ahead(3));
    await form.getByRole('textbox', { name: /^Oppgave 2/ }).fill('Kalle inn til utredning');
    await form.getByRole('combobox', { name: /^Hvem/ }).nth(1).click();
    await session.page.getByRole('option', { name: 'Helgelandssykehuset, BUP' }).click();
    await session.pickDate(form.getByPlaceholder('Select a date...').nth(1), ahead(10));
    await form.screenshot({ path: `${SCREENSHOTS}/coordination-4-referat.png` });
    await form.getByRole('button', { name: 'Lagre og send referatet' }).click();
    await session.seen('Referatet er lagret og sendt til deltakerne.');
    await session.cardWith('Koordineringsmøte –').screenshot({ path: `${SCREENSHOTS}/coordination-5-referat-sent.png` });

    await session.send('mine oppgaver');
    const list = session.cardWith('Mine oppgaver');
    await list.waitFor({ timeout: 30_000 });
    await expect.poll(() => list.getByText('Ringe BUP om utredningen').count()).toBe(1);
    await list.screenshot({ path: `${SCREENSHOTS}/coordination-6-my-tasks.png` });
    await list.getByRole('button', { name: 'Ferdig' }).first().click();
    await session.seen('Oppgaven er registrert som ferdig.');
    const tasks = await store.list<Task>('tasks', 'rana');
    expect(tasks.map((t) => `${t.data.what}: ${t.data.state}`).sort()).toEqual(['Kalle inn til utredning: open', 'Ringe BUP om utredningen: done']);
  }, 120_000);

  it('closes the case: the close form lists the outside partner to call, and the colleague is told', async () => {
    await session.send(reference);
    await session.cardWith(`Sak ${reference}`).getByRole('button', { name: 'Avslutt saken' }).click();
    const form = session.cardWith('De eksterne ringer du selv');
    await form.waitFor({ timeout: 30_000 });
    await expect.poll(() => form.getByText(/Helgelandssykehuset, BUP/).count()).toBeGreaterThan(0);
    await form.screenshot({ path: `${SCREENSHOTS}/coordination-7-close.png` });
    const { coordination, store } = session.bot.bot;
    await session.bot.bot.cases.act(alex, caseId, {
      type: 'close',
      closedOn: osloDate(new Date()),
      reason: 'needEnded',
      checklist: { agreedWithResident: true, leaderInformed: true, keInformed: true, partnersInformed: true },
    });
    const tasks = await store.list<Task>('tasks', 'rana');
    expect(tasks.map((t) => t.data.state).sort()).toEqual(['cancelled', 'done']);
    const audit = await store.list<{ action: string; target: string }>('audit', 'rana');
    expect(audit.some((a) => a.data.action === 'work.referat.record' && a.data.target === `case/${reference}`)).toBe(true);
    expect((await coordination.summary('rana', caseId)).openTasks).toBe(0);
  }, 90_000);
});
