import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startPlaygroundSession, type PlaygroundSession } from '../support/playgroundSession.js';

/**
 * «Finn tjeneste» as the Agents Playground drives a search-based message extension (composeExtension/query):
 * from the compose box, with the command and parameter the manifest names, what the user types, the
 * result list (the bot's previews), and the service card the user picks, sent into the chat.
 */
describe('«Finn tjeneste» (message extension) in the Agents Playground', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    session = await startPlaygroundSession();
  }, 120_000);

  afterAll(async () => session?.close());

  it('lists the services that match a nynorsk word as the user types, and sends the chosen service card into the chat', async () => {
    const { page } = session;
    await session.seen('Hei, og velkommen!');
    await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await page.getByText('Search Command', { exact: true }).click();
    await page.getByText('Specify Command ID or Parameter').click();
    await page.getByPlaceholder('Command ID').fill('finnTjeneste');
    await page.getByPlaceholder('Parameter name').fill('query');
    await page.getByPlaceholder('Enter a search term').fill('sjukeheimsplass');
    // The preview of Rana's Omsorgskontoret, which allots nursing home places.
    const result = page.getByText('Omsorgskontoret', { exact: true });
    await expect.poll(() => result.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/finn-tjeneste-results.png` });
    await result.first().click();

    await page.getByRole('button', { name: 'Send Message' }).click();
    await session.seen(/invoke 200[\s\S]*message 200|message 200/);
    const shared = session.cardWith('Fra tjenesteoversikten i Rana kommune');
    await expect.poll(() => shared.innerText()).toContain('Fra tjenesteoversikten i Rana kommune');
    await expect.poll(() => shared.innerText()).toContain('75 14 66 80');
    // Only calls and links: a button that talks to the bot would go nowhere in someone else's chat.
    await expect.poll(() => shared.getByRole('button', { name: /Rediger|Nytt søk/ }).count()).toBe(0);
    await shared.screenshot({ path: `${SCREENSHOTS}/finn-tjeneste-shared.png` });
    // The bot takes the shared card for what it is, not for a question it found nothing for.
    await page.waitForTimeout(1_500);
    expect(await page.getByText(/Ingen treff på/).count()).toBe(0);
  }, 120_000);
});
