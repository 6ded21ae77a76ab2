import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/Case.js';
import { osloDate } from '../../src/time/oslo.js';
import { SCREENSHOTS, startPlaygroundSession, type PlaygroundSession } from '../support/playgroundSession.js';

/** The Playground's user: here the reporter, KE admin, leader of Helsestasjon and the barnekoordinator at once. */
const ALEX = '00000000-0000-0000-0000-0000000000020';

const inDays = (days: number) => osloDate(new Date(Date.now() + days * 86_400_000));

describe('a barnekoordinator in the Agents Playground: an expected child reported, granted under § 2-5 c, the barnekoordinator welcomed', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    session = await startPlaygroundSession({ KE_ADMINS: `rana:${ALEX}` });
    await session.page.getByText('Hei, og velkommen!').first().waitFor({ timeout: 30_000 });
    await session.bot.bot.roles.setUnits('rana', ALEX, { unit: 'Helsestasjon', leads: ['Helsestasjon'] });
  }, 120_000);
  afterAll(async () => session?.close());

  it('reports an expected child with the due date, the parents’ consent and the family’s request for a barnekoordinator', async () => {
    await session.send('meld behov');
    const form = session.cardWith('Meld behov for koordinator / individuell plan');
    await form.getByLabel('Innbyggerens navn').fill('Mor Nordmann');
    const dates = form.getByPlaceholder('Select a date...');
    await session.pickDate(dates.nth(0), inDays(60));
    await form.getByRole('radio', { name: 'Ventet barn (termin)' }).check();
    await form.getByRole('checkbox', { name: /Familien ber om barnekoordinator/ }).check();
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
    await form.locator('textarea').fill('Familien venter et barn med alvorlig hjertefeil og trenger samordning med sykehuset.');
    await form.getByRole('checkbox', { name: /har samtykket til at behovet meldes/ }).check();
    await form.locator('input[role=combobox]:not([placeholder])').nth(1).click();
    await session.page.getByRole('option', { name: 'Foreldre / foresatte' }).click();
    await form.locator('input[role=combobox]:not([placeholder])').nth(2).click();
    await session.page.getByRole('option', { name: 'Skriftlig' }).click();
    await session.pickDate(dates.nth(1), inDays(-1));
    const unit = form.getByRole('combobox', { name: 'Din enhet' });
    await unit.click();
    await unit.fill('Helse');
    await session.page.getByRole('option', { name: 'Helsestasjon' }).click();
    await form.screenshot({ path: `${SCREENSHOTS}/child-1-report-form.png` });
    await form.getByRole('button', { name: 'Send til koordinerende enhet' }).click();
    await session.seen('Meldingen er sendt');
    const [doc] = await session.bot.bot.store.list<Case>('cases', 'rana');
    expect(doc!.data.report).toMatchObject({ kind: 'childCoordinator', expectedChild: true, consent: { givenBy: 'parents' } });
  }, 90_000);

  it('shows KE the request with the criteria to assess; KE grants it and proposes the barnekoordinator', async () => {
    await session.cardWith('Ny melding om behov').getByRole('button', { name: 'Åpne saken' }).click();
    await session.seen('Vurder kriteriene i pasient- og brukerrettighetsloven § 2-5 c');
    const details = session.cardWith('Godta (retten utløses)');
    await details.screenshot({ path: `${SCREENSHOTS}/child-2-ke-decision.png` });
    await details.getByRole('button', { name: 'Godta (retten utløses)' }).click();
    await session.seen(/er godtatt\. Melderen har fått beskjed\./);
    const propose = session.cardWith('Foreslå koordinator');
    const coordinator = propose.getByRole('combobox', { name: 'Koordinator (personer som har brukt Koordinatorhjelpen)' });
    await coordinator.click();
    await coordinator.fill('Alex');
    await session.page.getByRole('option', { name: 'Alex Wilber' }).click();
    const unit = propose.getByRole('combobox', { name: 'Koordinatorens enhet (lederen der godkjenner)' });
    await unit.click();
    await unit.fill('Helse');
    await session.page.getByRole('option', { name: 'Helsestasjon' }).click();
    await propose.getByRole('button', { name: 'Send til lederen for godkjenning' }).click();
    await session.seen('Forslaget er sendt til lederen for Helsestasjon.');
  }, 90_000);

  it('lets the leader approve, and welcomes the barnekoordinator with the duties beyond a coordinator’s', async () => {
    const approval = session.cardWith('Godkjenn koordinator');
    await expect.poll(() => approval.getByRole('button', { name: 'Godkjenn' }).count(), { timeout: 30_000 }).toBe(1);
    await approval.getByRole('button', { name: 'Godkjenn' }).click();
    await session.seen(/Du er barnekoordinator i sak RANA-\d{4}-\d{4}/);
    const welcome = session.cardWith('Du er barnekoordinator i sak');
    await expect.poll(() => welcome.getByText(/Som barnekoordinator \(helse- og omsorgstjenesteloven § 7-2 a\)/).count()).toBe(1);
    await welcome.screenshot({ path: `${SCREENSHOTS}/child-3-welcome.png` });
  }, 90_000);
});
