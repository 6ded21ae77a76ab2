import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startPlaygroundSession, type PlaygroundSession } from '../support/playgroundSession.js';

const run = promisify(execFile);
/** The Agents Playground's tenant and user (Alex Wilber), as its default configuration names them. */
const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';
const ALEX = '00000000-0000-0000-0000-0000000000020';

/**
 * A third municipality, onboarded as the README tells municipal IT to (the same commands), with a
 * fourth on the same tenant; its templates imported; then used in the real Playground.
 */
describe('a new municipality, onboarded and imported, in the Agents Playground', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kh-e2e-onboard-'));
    const cli = (script: string, args: string[]) =>
      run(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' } });
    await cli('municipality', [
      'add',
      '--id',
      'testvik',
      '--name',
      'Testvik kommune',
      '--tenant',
      PLAYGROUND_TENANT,
      '--ke-admin',
      ALEX,
      '--servicetorget',
      '12345678',
      '--ke-phone',
      '12345600',
    ]);
    await cli('municipality', ['add', '--id', 'nordvik', '--name', 'Nordvik kommune', '--tenant', PLAYGROUND_TENANT, '--language', 'nn']);
    const imported = await cli('import', [
      '--municipality',
      'testvik',
      '--directory',
      'templates/directory.csv',
      '--people',
      'templates/people.csv',
      '--cases',
      'templates/cases.csv',
    ]);
    expect(imported.stdout).toContain('IP-2025-014 → TESTVIK-2026-0001');
    session = await startPlaygroundSession({ DATA_DIR: dataDir, DEFAULT_MUNICIPALITY: '', EXAMPLE_MUNICIPALITIES: 'off' });
    await session.page.getByText('Hei, og velkommen!').first().waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => session?.close());

  it('greets the KE admin in her own municipality, not asking which one although the tenant is shared', async () => {
    await session.seen('Jeg hjelper deg med koordinatorarbeid i Testvik kommune.');
    expect(await session.page.getByText('Hvilken kommune jobber du i?').count()).toBe(0);
  }, 60_000);

  it('lists the imported cases for KE, with their references', async () => {
    await session.send('alle saker');
    await session.seen('TESTVIK-2026-0003');
    const list = session.cardWith('TESTVIK-2026-0001');
    await list.screenshot({ path: `${SCREENSHOTS}/onboarding-1-all-cases.png` });
    await list.getByText('TESTVIK-2026-0001').first().click();
    const details = session.cardWith('Sak TESTVIK-2026-0001');
    await details.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      await session.page.screenshot({ path: `${SCREENSHOTS}/onboarding-failed.png` });
      throw error;
    });
    await details.getByText('Historikk').click();
    await session.seen('Importert fra tidligere system (Arbeid med individuell plan pågår)');
    await session.cardWith('Importert fra tidligere system').screenshot({ path: `${SCREENSHOTS}/onboarding-2-history.png` });
  }, 90_000);

  it('gives KE the overview of the imported cases, and a chosen period in place of the card', async () => {
    await session.send('oversikt');
    const card = session.cardWith('Oversikt over koordinatorsaker');
    await card.waitFor({ timeout: 30_000 });
    await expect.poll(() => card.getByText('Hele Testvik kommune').count()).toBe(1);
    await expect.poll(() => card.getByText('Individuell plan pågår').count()).toBe(1);
    // Per unit, with its figures (open, waiting, reported in the period).
    await expect.poll(() => card.innerText()).toMatch(/Hjemmetjenesten\s+\d+\s+\d+\s+\d+/);
    await card.screenshot({ path: `${SCREENSHOTS}/onboarding-5-overview.png` });
    const cardsBefore = await session.page.locator('.ac-adaptiveCard').count();
    await card.getByRole('combobox', { name: 'Periode' }).click();
    await session.page.getByRole('option', { name: 'Siste 12 måneder' }).click();
    await card.getByRole('button', { name: 'Vis' }).click();
    // The same card, updated: no new message.
    await expect
      .poll(
        () =>
          session
            .cardWith('Oversikt over koordinatorsaker')
            .getByText(/^Periode 20\d\d-\d\d-\d\d/)
            .textContent(),
        { timeout: 30_000 },
      )
      .not.toMatch(/-01-01 –/);
    expect(await session.page.locator('.ac-adaptiveCard').count()).toBe(cardsBefore);
  }, 60_000);

  it('answers «hvem kontakter jeg» from the municipality’s imported directory', async () => {
    await session.send('hvem kontakter jeg for spesialundervisning?');
    const card = session.cardWith('Pedagogisk-psykologisk tjeneste');
    await card.waitFor({ timeout: 30_000 });
    await card.screenshot({ path: `${SCREENSHOTS}/onboarding-3-directory.png` });
    await expect.poll(() => card.getByText('Ring 12 34 56 30').count()).toBe(1);
  }, 60_000);

  it('shows the KE admin how to import more, with the templates', async () => {
    await session.send('importer');
    const card = session.cardWith('Importer eksisterende arbeid');
    await card.waitFor({ timeout: 30_000 });
    for (const name of ['Tjenesteoversikt', 'Personer', 'Saker']) await expect.poll(() => card.getByText(name, { exact: true }).count()).toBe(1);
    await card.screenshot({ path: `${SCREENSHOTS}/onboarding-4-import-help.png` });
  }, 60_000);
});
