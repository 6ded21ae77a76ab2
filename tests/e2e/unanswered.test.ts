import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startPlaygroundSession, type PlaygroundSession } from '../support/playgroundSession.js';

/** The Agents Playground's user (Alex Wilber), KE admin in this trial. */
const ALEX = '00000000-0000-0000-0000-0000000000020';
const QUESTION = 'hvem kontakter jeg for friuke fra stellet av sønnen min?';

describe('the directory learns in the Agents Playground: «Nei» under an answer, and KE adds the missing words', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    session = await startPlaygroundSession({ KE_ADMINS: `rana:${ALEX}` });
    await session.page.getByText('Hei, og velkommen!').first().waitFor({ timeout: 30_000 });
  }, 120_000);
  afterAll(async () => session?.close());

  it('«Nei» under an answer turns the card into the numbers, the categories and «Hva lette du etter?»', async () => {
    await session.send(QUESTION);
    const answer = session.cardWith('Fant du det du lette etter?');
    await answer.waitFor({ timeout: 30_000 });
    await answer.screenshot({ path: `${SCREENSHOTS}/directory-feedback-ask.png` });
    await answer.getByRole('button', { name: 'Nei', exact: true }).click();
    const sorry = session.cardWith('får vite at svaret ikke traff');
    await sorry.waitFor({ timeout: 30_000 });
    await expect.poll(() => sorry.getByText('Servicetorget: 75 14 51 80').count()).toBe(1);
    await sorry.getByRole('textbox', { name: /Hva lette du etter/ }).fill('avlastning en helg');
    await sorry.screenshot({ path: `${SCREENSHOTS}/directory-feedback-no.png` });
    await sorry.getByRole('button', { name: 'Send', exact: true }).click();
    await session.seen('Takk! Koordinerende enhet bruker dette til å gjøre tjenesteoversikten bedre.');
  }, 90_000);

  it('KE adds the group’s words to the right service, and the same question is then answered with it first', async () => {
    await session.send('ubesvarte spørsmål');
    const list = session.cardWith('Ubesvarte spørsmål');
    await list.waitFor({ timeout: 30_000 });
    await expect.poll(() => list.getByText('«friuke fra stellet av sønnen min»').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => list.getByText('«avlastning en helg»').count()).toBe(1);
    await list.screenshot({ path: `${SCREENSHOTS}/unanswered-list.png` });
    await list.getByRole('button', { name: 'Legg til som søkeord' }).first().click();

    const form = session.cardWith('Legg til søkeord');
    await form.waitFor({ timeout: 30_000 });
    await form.getByRole('combobox', { name: /^Tjenesten som svarer på dette/ }).click();
    await session.page.getByRole('option', { name: /^MTA/ }).click();
    const words = form.getByRole('textbox', { name: /^Søkeord/ });
    await expect.poll(() => words.inputValue()).toContain('friuke');
    await words.fill('friuke');
    await form.screenshot({ path: `${SCREENSHOTS}/unanswered-keywords.png` });
    await form.getByRole('button', { name: 'Lagre søkeord' }).click();
    await session.seen(/Lagt til på «MTA – Miljøterapeutisk avdeling»: friuke\./);
    await session.cardWith('Lagt til på').screenshot({ path: `${SCREENSHOTS}/unanswered-solved.png` });

    // The first answer's card now says thanks; the new answer is the one that asks again.
    await session.send(QUESTION);
    const again = session.cardWith('Fant du det du lette etter?');
    await again.waitFor({ timeout: 30_000 });
    const text = await again.innerText();
    expect(text).toContain('MTA – Miljøterapeutisk avdeling');
    const omsorg = text.indexOf('Omsorgskontoret');
    expect(omsorg < 0 || text.indexOf('MTA – Miljøterapeutisk avdeling') < omsorg).toBe(true);
    await again.screenshot({ path: `${SCREENSHOTS}/directory-feedback-after.png` });
  }, 120_000);
});
