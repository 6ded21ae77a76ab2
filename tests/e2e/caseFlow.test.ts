import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startPlaygroundSession, type PlaygroundSession } from '../support/playgroundSession.js';

/** The Playground's user; here KE admin, leader of Hjemmetjenesten and coordinator at once. */
const ALEX = '00000000-0000-0000-0000-0000000000020';

/**
 * The whole case flow in the real Playground, clicking the real cards: roles → meldeskjema → KE accepts
 * and proposes → the leader approves on the Action.Execute card → the coordinator records the start.
 */
describe('a case from report to start of IP work, in the Agents Playground', () => {
  let session: PlaygroundSession;
  const send = (text: string) => session.send(text);
  const seen = (text: string | RegExp) => session.seen(text);
  const cardWith = (text: string) => session.cardWith(text);
  async function pickDate(field: Locator, value: string): Promise<void> {
    await field.fill(value);
    await field.press('Enter');
    await session.page.keyboard.press('Escape');
  }

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
    await card.getByLabel('Medlem av koordinerende enhet (ser alle saker)').check();
    await card.getByLabel('KE-administrator (roller og tjenesteoversikt)').check();
    await card.getByLabel('Leder for enhetene (skilt med komma)').fill('Hjemmetjenesten');
    await card.getByRole('button', { name: 'Lagre' }).click();
    await seen('Lagret roller og enheter for Alex Wilber.');
  }, 60_000);

  it('sends a meldeskjema with consent and gets a receipt; KE is notified', async () => {
    await send('meld behov');
    const form = cardWith('Meld behov for koordinator / individuell plan');
    await form.getByLabel('Innbyggerens navn').fill('Ola Nordmann');
    const dates = form.getByPlaceholder('Select a date...');
    await pickDate(dates.nth(0), '2014-05-06');
    await form.getByRole('radio').first().check();
    await form.locator('input[role=combobox]:not([placeholder])').nth(0).click();
    await session.page.getByRole('menuitemcheckbox', { name: /^Barnevern/ }).first().click();
    await session.page.getByRole('menuitemcheckbox', { name: /^PP-tjenesten/ }).first().click();
    await session.page.keyboard.press('Escape');
    await form.locator('textarea').fill('Trenger samordning mellom skole, avlastning og barnevern.');
    await form.getByRole('checkbox').check();
    await form.locator('input[role=combobox]:not([placeholder])').nth(1).click();
    await session.page.getByRole('option', { name: 'Verge / foresatt' }).click();
    await form.locator('input[role=combobox]:not([placeholder])').nth(2).click();
    await session.page.getByRole('option', { name: 'Skriftlig' }).click();
    await pickDate(dates.nth(1), '2026-11-20');
    await form.getByLabel('Din enhet').fill('Selfors skole');
    await form.screenshot({ path: `${SCREENSHOTS}/case-1-report-form.png` });
    await form.getByRole('button', { name: 'Send til koordinerende enhet' }).click();
    await seen('Meldingen er sendt');
    await seen(/Ny melding om behov for koordinator \/ individuell plan: RANA-\d{4}-\d{4}\./);
    await cardWith('Meldingen er sendt').screenshot({ path: `${SCREENSHOTS}/case-2-receipt.png` });
  }, 90_000);

  it('lets KE open the case, accept it and propose a coordinator', async () => {
    await cardWith('Ny melding om behov').getByRole('button', { name: 'Åpne saken' }).click();
    await seen('Godta (retten utløses)');
    const details = cardWith('Godta (retten utløses)');
    await details.getByLabel('Begrunnelse for avslag (sendes ikke til melder)').waitFor();
    await details.screenshot({ path: `${SCREENSHOTS}/case-3-ke-decision.png` });
    await session.page.screenshot({ path: `${SCREENSHOTS}/case-3-page.png` });
    await details.getByRole('button', { name: 'Godta (retten utløses)' }).click();
    await seen(/Sak RANA-\d{4}-\d{4} er godtatt/);

    await cardWith('retten til koordinator og individuell plan er utløst').getByRole('button', { name: 'Åpne saken' }).click();
    await seen('Foreslå koordinator');
    const propose = cardWith('Foreslå koordinator');
    await propose.getByRole('combobox').click();
    await propose.getByRole('combobox').fill('Alex');
    await session.page.getByRole('option', { name: 'Alex Wilber' }).click();
    await propose.getByLabel('Koordinatorens enhet (lederen der godkjenner)').fill('Hjemmetjenesten');
    await propose.getByRole('button', { name: 'Send til lederen for godkjenning' }).click();
    await seen('Forslaget er sendt til lederen for Hjemmetjenesten.');
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
    await welcome.getByRole('button', { name: 'Registrer oppstart' }).click();
    await seen('Oppstart av arbeidet med individuell plan');
    const start = cardWith('Oppstart av arbeidet med individuell plan');
    await pickDate(start.getByPlaceholder('Select a date...').nth(0), '2026-11-24');
    await start.getByLabel('Samtykkeerklæringen er underskrevet').check();
    await start.getByLabel('Neste møte er avtalt').check();
    await start.screenshot({ path: `${SCREENSHOTS}/case-7-start.png` });
    await start.getByRole('button', { name: 'Registrer oppstart' }).click();
    await seen(/Oppstarten av sak RANA-\d{4}-\d{4} er registrert/);
    await send('mine saker');
    await seen('Arbeid med individuell plan pågår · Barn (under 18)');
    await session.page.screenshot({ path: `${SCREENSHOTS}/case-8-chat.png` });
  }, 90_000);
});
