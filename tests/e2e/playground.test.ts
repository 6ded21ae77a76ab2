import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startPlaygroundSession, type PlaygroundSession } from '../support/playgroundSession.js';

/** The real bot, the real Agents Playground and Debian Chromium: a user chatting as in Teams. */
describe('Koordinatorhjelpen in Microsoft 365 Agents Playground', () => {
  let session: PlaygroundSession;
  const send = (text: string) => session.send(text);
  const seen = (text: string | RegExp) => session.seen(text);
  const lastCard = () => session.lastCard();

  beforeAll(async () => {
    session = await startPlaygroundSession();
  }, 120_000);

  afterAll(async () => session?.close());

  it('greets the user when the chat opens', async () => {
    await seen('Hei, og velkommen!');
  }, 60_000);

  it('answers «hjelp» with the menu card', async () => {
    await send('hjelp');
    await seen('Dette kan jeg hjelpe deg med');
    await lastCard().screenshot({ path: `${SCREENSHOTS}/menu.png` });
    await expect.poll(() => lastCard().getByRole('button', { name: 'Hvem kontakter jeg?' }).count()).toBe(1);
  }, 60_000);

  it('follows a menu button to the search card and searches from it', async () => {
    await lastCard().getByRole('button', { name: 'Hvem kontakter jeg?' }).click();
    await seen('Hva trenger du hjelp med?');
    await lastCard().getByRole('textbox').fill('avlastning');
    await lastCard().getByRole('button', { name: 'Søk' }).click();
    await seen('Dette fant jeg for «avlastning» i Rana kommune:');
  }, 60_000);

  it('opens the guidance topics from the menu, and answers a topic with its checklist', async () => {
    await send('hjelp');
    await lastCard().getByRole('button', { name: 'Veiledning' }).click();
    await seen('Veiledning for koordinatorer');
    await lastCard().screenshot({ path: `${SCREENSHOTS}/guidance-menu.png` });
    await lastCard().getByRole('button', { name: 'Avslutte en sak' }).click();
    await seen('Når innbyggeren ikke lenger trenger koordinator eller individuell plan');
    await expect.poll(() => lastCard().getByText('Egen leder er informert').count()).toBe(1);
    await lastCard().screenshot({ path: `${SCREENSHOTS}/guidance-closing.png` });
  }, 60_000);

  it('answers a question about the role asked in free text', async () => {
    await send('hva er en ansvarsgruppe?');
    await seen('Koordineringsmøter (tidligere ansvarsgruppe)');
    await lastCard().screenshot({ path: `${SCREENSHOTS}/guidance-meetings.png` });
  }, 60_000);

  it('opens the meldeskjema from the menu', async () => {
    await send('meld behov');
    await seen('Meld behov for koordinator / individuell plan');
    await expect.poll(() => lastCard().getByRole('button', { name: 'Send til koordinerende enhet' }).count(), { timeout: 30_000 }).toBe(1);
    await lastCard().screenshot({ path: `${SCREENSHOTS}/report-form.png` });
  }, 60_000);

  it('answers «hvem kontakter jeg for støttekontakt?» with the service and its phone', async () => {
    await send('hvem kontakter jeg for støttekontakt?');
    await seen('Dette fant jeg for «støttekontakt» i Rana kommune:');
    await expect.poll(() => lastCard().getByText('Ring 75 14 64 00').count(), { timeout: 30_000 }).toBe(1);
    await lastCard().screenshot({ path: `${SCREENSHOTS}/directory-results.png` });
  }, 60_000);

  it('searches from the search card and suggests where to go when nothing matches', async () => {
    await lastCard().getByRole('button', { name: 'Nytt søk' }).click();
    await seen('Hva trenger du hjelp med?');
    await lastCard().getByRole('textbox').fill('qwxyz blargh');
    await lastCard().getByRole('button', { name: 'Søk' }).click();
    await seen('Ingen treff på «qwxyz blargh»');
    await expect.poll(() => lastCard().getByText('Servicetorget: 75 14 51 80').count(), { timeout: 30_000 }).toBe(1);
    await lastCard().screenshot({ path: `${SCREENSHOTS}/directory-no-hits.png` });
  }, 60_000);

  it('switches to nynorsk from the language card and keeps it', async () => {
    await send('språk');
    await seen('Velg språk');
    await lastCard().getByRole('button', { name: 'Nynorsk' }).click();
    await seen('Greitt! Eg skriv nynorsk til deg frå no av.');
    await send('hjelp');
    await seen('Dette kan eg hjelpe deg med');
    await session.page.screenshot({ path: `${SCREENSHOTS}/chat.png` });
  }, 90_000);
});
