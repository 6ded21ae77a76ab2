import { addDays, osloDate } from '../../src/time/oslo.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startPlaygroundSession, type PlaygroundSession } from '../support/playgroundSession.js';
import { reportForm } from '../support/reportForm.js';
import type { StoredReminder } from '../../src/reminders/ReminderSchedule.js';
import { defaultReminderSettings } from '../../src/reminders/ReminderSettings.js';
import { nextWorkingTime } from '../../src/reminders/workingHours.js';

/** The Playground's user; here KE admin, leader of Hjemmetjenesten and coordinator at once. */
const ALEX = '00000000-0000-0000-0000-0000000000020';
/** A colleague in Hjemmetjenesten whose personal chat is, for the test, the Playground's own: her cards show up there too. */
const MEGAN = '00000000-0000-0000-0000-0000000000021';

/**
 * The whole case flow in the real Playground, clicking the real cards: roles → meldeskjema → KE accepts
 * and proposes → the leader approves → the coordinator records the start → change → new coordinator
 * → history → closing. Every case card is a living card (Universal Actions): the card clicked turns
 * into the next state in place, and forms open in place of it.
 */
describe('a case from report to start of IP work, in the Agents Playground', () => {
  let session: PlaygroundSession;
  /** The first case's reference, from the receipt. */
  let firstReference = '';
  const send = (text: string) => session.send(text);
  const seen = (text: string | RegExp) => session.seen(text);
  const cardWith = (text: string) => session.cardWith(text);

  beforeAll(async () => {
    session = await startPlaygroundSession({ KE_ADMINS: `rana:${ALEX}` });
    await session.page.getByText('Hei, og velkommen!').first().waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => session?.close());

  it('lets the KE admin make herself leader of Hjemmetjenesten with the roles card', async () => {
    await send('roller');
    const card = cardWith('Roller og enheter');
    await card.getByRole('combobox').click();
    await card.getByRole('combobox').fill('Alex');
    await session.page.getByRole('option', { name: 'Alex Wilber' }).click();
    await card.getByRole('button', { name: 'Vis roller' }).click();
    // The person's roles as they are now (KE admin from configuration), to edit.
    const edit = cardWith('Roller og enheter for Alex Wilber');
    await edit.waitFor({ timeout: 30_000 });
    await expect.poll(() => edit.getByLabel('KE-administrator (roller og tjenesteoversikt)').isChecked()).toBe(true);
    await edit.screenshot({ path: `${SCREENSHOTS}/roles-edit.png` });
    await edit.getByLabel('Leder for enhetene (skilt med komma)').fill('Hjemmetjenesten');
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await seen('Lagret roller og enheter for Alex Wilber.');
  }, 60_000);

  it('sends a meldeskjema with consent and gets a receipt; KE is notified', async () => {
    await send('meld behov');
    const form = cardWith('Meld behov for koordinator / individuell plan');
    await form.getByLabel('Innbyggerens navn').fill('Ola Nordmann');
    const dates = form.getByPlaceholder('Select a date...');
    await session.pickDate(dates.nth(0), '2014-05-06');
    await form.getByRole('radio').first().check();
    await form.locator('input[role=combobox]:not([placeholder])').nth(0).click();
    await session.page
      .getByRole('menuitemcheckbox', { name: /^Barnevern/ })
      .first()
      .click();
    await session.page
      .getByRole('menuitemcheckbox', { name: /^PP-tjenesten/ })
      .first()
      .click();
    await session.page.keyboard.press('Escape');
    await form.locator('textarea').fill('Trenger samordning mellom skole, avlastning og barnevern.');
    await form.getByRole('checkbox', { name: /har samtykket til at behovet meldes/ }).check();
    await form.locator('input[role=combobox]:not([placeholder])').nth(1).click();
    await session.page.getByRole('option', { name: 'Verge', exact: true }).click();
    await form.locator('input[role=combobox]:not([placeholder])').nth(2).click();
    await session.page.getByRole('option', { name: 'Skriftlig' }).click();
    await session.pickDate(dates.nth(1), '2026-11-20');
    // Units are chosen from those the municipality knows (here the one Alex leads), not typed.
    const unit = form.getByRole('combobox', { name: 'Din enhet' });
    await unit.click();
    await unit.fill('Hjemme');
    await session.page.getByRole('option', { name: 'Hjemmetjenesten' }).click();
    await form.screenshot({ path: `${SCREENSHOTS}/case-1-report-form.png` });
    await form.getByRole('button', { name: 'Send til koordinerende enhet' }).click();
    await seen('Meldingen er sendt');
    await seen(/Ny melding om behov for koordinator \/ individuell plan: RANA-\d{4}-\d{4}\./);
    await cardWith('Meldingen er sendt').screenshot({ path: `${SCREENSHOTS}/case-2-receipt.png` });
    firstReference = /RANA-\d{4}-\d{4}/.exec((await cardWith('Meldingen er sendt').textContent()) ?? '')![0];
  }, 90_000);

  it('lets KE open the case from the notice, accept it on the card, which turns into the accepted case, and propose a coordinator there', async () => {
    const cardsBefore = await session.page.locator('.ac-adaptiveCard').count();
    // The notice turns into the case, in place.
    await cardWith('Ny melding om behov').getByRole('button', { name: 'Åpne saken' }).click();
    await seen('Godta (retten utløses)');
    const details = cardWith('Godta (retten utløses)');
    await details.getByLabel('Begrunnelse for avslag (sendes ikke til melder)').waitFor();
    await details.screenshot({ path: `${SCREENSHOTS}/case-3-ke-decision.png` });
    await session.page.screenshot({ path: `${SCREENSHOTS}/case-3-page.png` });
    await details.getByRole('button', { name: 'Godta (retten utløses)' }).click();
    await seen(/Sak RANA-\d{4}-\d{4} er godtatt\. Melderen har fått beskjed\./);
    // The same card now offers the next step; no button to decide again.
    const accepted = cardWith('Melderen har fått beskjed.');
    await expect.poll(() => accepted.getByRole('button', { name: 'Godta (retten utløses)' }).count()).toBe(0);
    await accepted.screenshot({ path: `${SCREENSHOTS}/case-3b-accepted-in-place.png` });

    const propose = cardWith('Foreslå koordinator');
    await propose.getByRole('combobox', { name: 'Koordinator (personer som har brukt Koordinatorhjelpen)' }).click();
    await propose.getByRole('combobox', { name: 'Koordinator (personer som har brukt Koordinatorhjelpen)' }).fill('Alex');
    await session.page.getByRole('option', { name: 'Alex Wilber' }).click();
    // The unit is chosen from the municipality's known units.
    const unit = propose.getByRole('combobox', { name: 'Koordinatorens enhet (lederen der godkjenner)' });
    await unit.click();
    await unit.fill('Hjemme');
    await session.page.getByRole('option', { name: 'Hjemmetjenesten' }).click();
    await propose.getByRole('button', { name: 'Send til lederen for godkjenning' }).click();
    await seen('Forslaget er sendt til lederen for Hjemmetjenesten.');
    await cardWith('Forslaget er sendt til lederen').screenshot({ path: `${SCREENSHOTS}/case-3c-proposed-in-place.png` });
    // Accepting and proposing changed cards; the only new messages are the notices to the reporter and the leader.
    expect(await session.page.locator('.ac-adaptiveCard').count()).toBeLessThanOrEqual(cardsBefore + 2);
  }, 90_000);

  it('lets the leader approve on the card, which then shows the outcome instead of buttons', async () => {
    const approval = cardWith('Godkjenn koordinator');
    await expect.poll(() => approval.getByRole('button', { name: 'Godkjenn' }).count(), { timeout: 30_000 }).toBe(1);
    await approval.screenshot({ path: `${SCREENSHOTS}/case-4-approval.png` });
    await approval.getByRole('button', { name: 'Godkjenn' }).click();
    await seen(/Godkjent \d{4}-\d{2}-\d{2}\. Koordinatoren og KE har fått beskjed\./);
    await expect.poll(() => cardWith('Godkjenn koordinator').getByRole('button', { name: 'Godkjenn' }).count(), { timeout: 30_000 }).toBe(0);
    await cardWith('Godkjenn koordinator').screenshot({ path: `${SCREENSHOTS}/case-5-approved.png` });
  }, 90_000);

  it('welcomes the coordinator, who records the start of IP work', async () => {
    await seen(/Du er koordinator i sak RANA-\d{4}-\d{4}/);
    const welcome = cardWith('Du er koordinator i sak');
    await welcome.screenshot({ path: `${SCREENSHOTS}/case-6-welcome.png` });
    // The welcome card turns into the start form, in place.
    await welcome.getByRole('button', { name: 'Registrer oppstart' }).click();
    await seen('Oppstart av arbeidet med individuell plan');
    const start = cardWith('Oppstart av arbeidet med individuell plan');
    await session.pickDate(start.getByPlaceholder('Select a date...').nth(0), '2026-11-24');
    await start.getByLabel('Samtykkeerklæringen er underskrevet').check();
    await start.getByLabel('Neste møte er avtalt').check();
    await start.screenshot({ path: `${SCREENSHOTS}/case-7-start.png` });
    await start.getByRole('button', { name: 'Registrer oppstart' }).click();
    await seen(/Oppstarten av sak RANA-\d{4}-\d{4} er registrert/);
    await send('mine saker');
    await seen('Arbeid med individuell plan pågår · Barn (under 18)');
    await session.page.screenshot({ path: `${SCREENSHOTS}/case-8-chat.png` });
  }, 90_000);

  it('lets the coordinator report «går ut av stillingen»; KE proposes a new coordinator; the leader approves; old and new are told', async () => {
    const { bot } = session.bot;
    const alex = await bot.references.find('rana', ALEX);
    await bot.references.remember('rana', MEGAN, { ...alex, user: { id: '29:megan', name: 'Megan Bowen', aadObjectId: MEGAN } as never });
    await bot.roles.setUnits('rana', MEGAN, { unit: 'Hjemmetjenesten' });

    await session
      .lastCard()
      .getByText(/RANA-\d{4}-\d{4}/)
      .first()
      .click();
    await seen('Meld endring');
    await cardWith('Meld endring').getByRole('button', { name: 'Meld endring' }).click();
    // The case card turns into the endringsskjema, in place.
    await seen('Endringsskjema – sak');
    const form = cardWith('Endringsskjema – sak');
    await form.getByLabel('Koordinator går ut av stillingen (permisjon, bytter jobb e.l.)').check();
    await form.locator('input[role=combobox]:not([placeholder])').first().click();
    await session.page.getByRole('option', { name: 'Bytter jobb' }).click();
    await session.pickDate(form.getByPlaceholder('Select a date...').first(), addDays(osloDate(new Date()), 7));
    await form.locator('textarea').fill('Begynner i ny stilling i januar.');
    await form.screenshot({ path: `${SCREENSHOTS}/change-1-form.png` });
    await form.getByRole('button', { name: 'Send til KE' }).click();
    await seen(/Endringen i sak RANA-\d{4}-\d{4} er sendt til KE/);

    await cardWith('Koordinatoren har meldt en endring').getByRole('button', { name: 'Åpne saken' }).click();
    await seen('Forslag: oppnevn ny koordinator nedenfor.');
    const details = cardWith('Forslag: oppnevn ny koordinator nedenfor.');
    await details.screenshot({ path: `${SCREENSHOTS}/change-2-ke.png` });
    const person = details.getByRole('combobox', { name: 'Koordinator (personer som har brukt Koordinatorhjelpen)' });
    await person.click();
    await person.fill('Megan');
    await session.page.getByRole('option', { name: 'Megan Bowen' }).click();
    // The unit is left empty: Megan's registered unit is used.
    await details.getByRole('button', { name: 'Send til lederen for godkjenning' }).click();
    await seen('Forslaget er sendt til lederen for Hjemmetjenesten.');

    const approval = cardWith('Megan Bowen fra Hjemmetjenesten');
    await expect.poll(() => approval.getByRole('button', { name: 'Godkjenn' }).count(), { timeout: 30_000 }).toBe(1);
    await approval.getByRole('button', { name: 'Godkjenn' }).click();
    await seen(/Ny koordinator har tatt over sak RANA-\d{4}-\d{4}/);
    // Megan is welcomed; Alex's old welcome card has refreshed into the case card, so one welcome shows.
    await expect.poll(() => session.page.getByText(/Du er koordinator i sak RANA-\d{4}-\d{4}/).count(), { timeout: 30_000 }).toBe(1);
    await cardWith('Ny koordinator har tatt over sak').screenshot({ path: `${SCREENSHOTS}/change-3-replaced.png` });
  }, 120_000);

  it('shows the case history with both coordinators’ periods', async () => {
    await cardWith('Ny koordinator har tatt over sak').getByRole('button', { name: 'Åpne saken' }).click();
    await seen(/Megan Bowen \(Hjemmetjenesten\), fra \d{4}-\d{2}-\d{2}/); // the new coordinator's period, not the old start
    await cardWith('Megan Bowen (Hjemmetjenesten), fra').getByRole('button', { name: 'Historikk' }).click();
    await seen('Historikk – sak');
    const history = cardWith('Historikk – sak');
    await expect.poll(() => history.getByText(/Alex Wilber \(Hjemmetjenesten\): \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/).count()).toBe(1);
    await expect.poll(() => history.getByText(/Megan Bowen \(Hjemmetjenesten\): fra \d{4}-\d{2}-\d{2}/).count()).toBe(1);
    await history.screenshot({ path: `${SCREENSHOTS}/change-4-history.png` });
    await history.getByRole('button', { name: 'Tilbake til saken' }).click();
    await seen(/Megan Bowen \(Hjemmetjenesten\), fra \d{4}-\d{2}-\d{2}/);
  }, 60_000);

  it('closes another case with the checklist, refusing it half ticked; the case leaves «Mine saker»', async () => {
    const { bot } = session.bot;
    const actor = { ...(await bot.roles.actor('rana', ALEX)), name: 'Alex Wilber' };
    const second = await bot.cases.report(actor, reportForm({ residentName: 'Kari Nordmann', reporterUnit: 'Hjemmetjenesten', consentDate: '2026-11-01' }));
    await bot.cases.act(actor, second.id, { type: 'accept' });
    await bot.cases.act(actor, second.id, {
      type: 'proposeCoordinator',
      proposalId: randomUUID(),
      coordinator: { userId: ALEX, name: 'Alex Wilber', unit: 'Hjemmetjenesten' },
    });
    const proposed = await bot.cases.get(actor, second.id);
    await bot.cases.act(actor, second.id, { type: 'approveAppointment', proposalId: proposed.data.proposal!.id });
    await bot.cases.act(actor, second.id, {
      type: 'startPlan',
      startedAt: '2026-11-02',
      checklist: { consentSigned: true, expectationsClarified: true, contactAgreed: true, partnersInformed: true, nextMeetingAgreed: true },
    });

    await send('mine saker');
    await seen(second.reference);
    await session.lastCard().getByText(second.reference).click();
    await seen('Avslutt saken');
    await cardWith(second.reference).getByRole('button', { name: 'Avslutt saken' }).click();
    await seen(`Avslutt sak ${second.reference}`);
    const form = cardWith(`Avslutt sak ${second.reference}`);
    // The Playground redraws cards when a message arrives, so the form is filled in again after the refusal.
    async function fillIn(items: RegExp[]): Promise<void> {
      await form.locator('input[role=combobox]:not([placeholder])').first().click();
      await session.page.getByRole('option', { name: 'Innbyggeren koordinerer selv' }).click();
      await session.pickDate(form.getByPlaceholder('Select a date...').first(), '2026-11-23');
      for (const item of items) await form.getByLabel(item).check();
    }
    const firstThree = [/Avklart med innbyggeren/, /Egen leder er informert/, /KE er informert/];
    await fillIn(firstThree);
    await form.getByRole('button', { name: 'Avslutt saken' }).click();
    await seen('kryss av for alle punktene i sjekklisten før saken avsluttes. Ingenting er endret.');
    await fillIn([...firstThree, /Samarbeidspartnerne er informert/]);
    await form.screenshot({ path: `${SCREENSHOTS}/close-1-form.png` });
    await form.getByRole('button', { name: 'Avslutt saken' }).click();
    await seen(`Sak ${second.reference} er avsluttet. Den er ute av «Mine saker»`);
    await cardWith('Den er ute av «Mine saker»').screenshot({ path: `${SCREENSHOTS}/close-1b-closed-in-place.png` });

    await send('mine saker');
    await expect.poll(() => session.page.locator('.ac-adaptiveCard').filter({ hasText: 'Mine saker' }).count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const list = session.page.locator('.ac-adaptiveCard').filter({ hasText: 'Mine saker' }).last();
    await expect.poll(() => list.getByText(second.reference).count()).toBe(0);
    await list.screenshot({ path: `${SCREENSHOTS}/close-2-mine.png` });
  }, 120_000);

  it('delivers due reminders as a proactive card, and «Utsett 1 dag» moves one to the next working day', async () => {
    const { bot } = session.bot;
    const at = nextWorkingTime(new Date(Date.now() + 7 * 31 * 86_400_000), defaultReminderSettings);
    const [report] = await bot.reminders.sweep.run(at);
    expect(report!.sent).toBeGreaterThan(0);
    await seen('Megan Bowen ble koordinator');
    const card = cardWith('Megan Bowen ble koordinator');
    await card.screenshot({ path: `${SCREENSHOTS}/reminder-1-digest.png` });
    await card.getByRole('button', { name: 'Utsett 1 dag' }).first().click();
    await seen(/Greit, du får påminnelsen igjen \d{4}-\d{2}-\d{2} 08:00\./);
    const snoozed = await bot.store.list<StoredReminder>('reminders', 'rana', {
      where: [
        { field: 'status', op: '=', value: 'pending' },
        { field: 'dueAt', op: '<', value: at.toISOString() },
      ],
    });
    expect(snoozed).toHaveLength(1);
    expect(Date.parse(snoozed[0]!.data.dueAt)).toBeGreaterThan(Date.now());
    await session.page.screenshot({ path: `${SCREENSHOTS}/reminder-2-chat.png` });
  }, 60_000);

  it('closes the first case too, opened by typing its reference, through its living card', async () => {
    await send(firstReference.toLowerCase());
    const card = cardWith(`Sak ${firstReference}`);
    await card.getByRole('button', { name: 'Avslutt saken' }).waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Avslutt saken' }).click();
    const form = cardWith(`Avslutt sak ${firstReference}`);
    await form.waitFor({ timeout: 30_000 });
    await form.locator('input[role=combobox]:not([placeholder])').first().click();
    await session.page.getByRole('option', { name: 'Behovet for koordinering er opphørt' }).click();
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    await session.pickDate(form.getByPlaceholder('Select a date...').first(), today);
    for (const item of [/Avklart med innbyggeren/, /Egen leder er informert/, /KE er informert/, /Samarbeidspartnerne er informert/])
      await form.getByLabel(item).check();
    await form.getByRole('button', { name: 'Avslutt saken' }).click();
    await seen(`Sak ${firstReference} er avsluttet. Den er ute av «Mine saker»`);
    const closed = cardWith(`Sak ${firstReference} er avsluttet. Den er ute av «Mine saker»`);
    await expect.poll(() => closed.getByText('Avsluttet', { exact: true }).count()).toBeGreaterThan(0);
    await closed.screenshot({ path: `${SCREENSHOTS}/close-3-first-case.png` });
  }, 90_000);
});
