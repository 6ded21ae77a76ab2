import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { mkdirSync, readFileSync } from 'node:fs';
import { ExportLinks } from '../../src/links/ExportLinks.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osloDate } from '../../src/time/oslo.js';
import { launchChromium } from '../support/browser.js';
import { SAMPLE_UNITS, sampleCases } from '../support/overviewCases.js';
import { SCREENSHOTS } from '../support/playgroundSession.js';
import { startBot, type RunningBot } from '../support/startBot.js';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
/** The tab's own Entra app registration (it exposes access_as_user; the bot's managed identity cannot). */
const TAB_APP_ID = '22222222-3333-4444-5555-666666666666';
const TEAMS_APP_ID = '6f1c1d52-7d0c-4f64-9d43-0b8f3a1a2c10';
const LINK_SECRET = 'a-test-secret-of-at-least-32-characters!';
const TENANT = '99999999-8888-7777-6666-555555555555';
const KE = 'aaaaaaaa-0000-0000-0000-000000000001';
const LEADER = 'aaaaaaaa-0000-0000-0000-000000000002';
const EMPLOYEE = 'aaaaaaaa-0000-0000-0000-000000000003';

/** Seeds Rana with 300 cases from an earlier system, a KE member, a leader of one unit and an employee. */
async function seed(running: RunningBot): Promise<void> {
  const { bot } = running;
  const today = osloDate(new Date());
  await bot.store.writeAll(bot.cases.importOps('rana', sampleCases('rana', 300, today), 'operator:test'));
  await bot.roles.grant('rana', KE, 'keMember');
  await bot.roles.setUnits('rana', LEADER, { unit: SAMPLE_UNITS[0], leads: [SAMPLE_UNITS[0]] });
  await bot.roles.setUnits('rana', EMPLOYEE, { unit: SAMPLE_UNITS[1] });
}

describe('the «Oversikt» tab with Teams SSO: 401 without a valid token, 403 outside KE and leaders, 200 with the figures', () => {
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let stranger: Awaited<ReturnType<typeof generateKeyPair>>;
  let issuer: Server;
  let authority = '';
  let running: RunningBot;
  let browser: Browser;

  beforeAll(async () => {
    keys = await generateKeyPair('RS256', { extractable: true });
    stranger = await generateKeyPair('RS256', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(keys.publicKey)), kid: 'entra-test', use: 'sig', alg: 'RS256' };
    // Entra ID's published keys, as login.microsoftonline.com serves them.
    issuer = createServer((req, res) => {
      res.writeHead(req.url === '/common/discovery/v2.0/keys' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => issuer.listen(0, '127.0.0.1', resolve));
    authority = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}`;
    running = await startBot({
      BOT_ID,
      BOT_PASSWORD: 'not-used-offline',
      TAB_APP_ID,
      TEAMS_APP_ID,
      LINK_SECRET,
      ENTRA_AUTHORITY: authority,
      DEFAULT_MUNICIPALITY: '',
      PUBLIC_URL: 'https://kh.example.no',
    });
    await running.bot.municipalities.update('rana', (m) => ({ ...m, tenantIds: [TENANT] }));
    await seed(running);
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await new Promise<void>((resolve) => issuer?.close(() => resolve()));
  });

  async function token(
    claims: {
      oid?: string;
      tid?: string;
      aud?: string;
      iss?: string;
      exp?: number | string;
      key?: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
    } = {},
  ): Promise<string> {
    const tid = claims.tid ?? TENANT;
    return new SignJWT({ oid: claims.oid ?? KE, tid, name: 'Test', ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid: 'entra-test', typ: 'JWT' })
      .setIssuer(claims.iss ?? `${authority}/${tid}/v2.0`)
      .setAudience(claims.aud ?? `api://kh.example.no/${TAB_APP_ID}`)
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '10m')
      .sign(claims.key ?? keys.privateKey);
  }
  const get = (authorization?: string, query = '') =>
    fetch(`${running.url}/api/oversikt?lang=nb${query}`, { headers: authorization ? { authorization: `Bearer ${authorization}` } : {} });

  it.each<[string, () => Promise<string | undefined>]>([
    ['no token', async () => undefined],
    ['a token signed with another key', () => token({ key: stranger.privateKey })],
    ['a token for another app', () => token({ aud: 'api://other.example.no/00000000-0000-0000-0000-000000000000' })],
    ['a token for the bot rather than the tab', () => token({ aud: BOT_ID })],
    ['a token from another issuer', () => token({ iss: 'https://login.example.com/x/v2.0' })],
    ['a token issued for another tenant than it claims', () => token({ iss: `${authority}/${'1'.repeat(8)}-1111-1111-1111-111111111111/v2.0` })],
    ['an expired token', () => token({ exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['garbage', async () => 'not.a.token'],
  ])('401 for %s, with a generic body', async (_, make) => {
    const response = await get(await make());
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'Du er ikke logget inn. Åpne fanen i Teams, eller last siden på nytt.' });
  });

  it('refuses the dev sign-in once SSO is on', async () => {
    const response = await fetch(`${running.url}/api/oversikt`, { headers: { 'x-dev-user': `rana/${KE}` } });
    expect(response.status).toBe(401);
    expect(((await (await fetch(`${running.url}/api/oversikt/config`)).json()) as { sso: boolean; devUsers?: unknown }).devUsers).toBeUndefined();
  });

  it.each<[string, () => Promise<string>, string]>([
    ['an employee', () => token({ oid: EMPLOYEE }), 'Oversikten er for koordinerende enhet og for ledere'],
    [
      'someone on a tenant that is not connected',
      () => token({ tid: '12345678-1234-1234-1234-123456789012' }),
      'Organisasjonen din er ikke koblet til en kommune',
    ],
  ])('403 for %s', async (_, make, words) => {
    const response = await get(await make());
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toContain(words);
  });

  it('200 for KE (the municipality) and for a leader (their unit only), with the app id as audience too', async () => {
    const ke = await get(await token({ aud: TAB_APP_ID }));
    expect(ke.status).toBe(200);
    const whole = (await ke.json()) as { scope: string; cases: { unit: string }[]; lines: { now: { id: string; value: string }[] } };
    expect(whole.scope).toBe('Hele Rana kommune');
    expect(new Set(whole.cases.map((c) => c.unit)).size).toBeGreaterThan(2);
    const leader = await get(await token({ oid: LEADER }));
    expect(leader.status).toBe(200);
    const theirs = (await leader.json()) as typeof whole;
    expect(theirs.scope).toBe(`Enhetene du leder: ${SAMPLE_UNITS[0]}`);
    expect(new Set(theirs.cases.map((c) => c.unit))).toEqual(new Set([SAMPLE_UNITS[0]]));
    expect(JSON.stringify(whole)).not.toMatch(/Innbygger \d|19\d\d-0\d-1\d/);
  });

  /** A browser page as Teams shows the tab: a frame from teams.microsoft.com, teams-js giving the context and `token`. */
  async function tabInTeams(ssoToken: string, context: { locale: string; subPageId?: string }): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 }, acceptDownloads: true });
    // As in Teams: the host page on teams.microsoft.com frames the tab from the bot's public URL (both served here, offline).
    await page.route('https://teams.microsoft.com/_test', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<iframe src="https://kh.example.no/tabs/oversikt" style="width:1260px;height:1380px;border:0"></iframe>',
      }),
    );
    await page.route('https://kh.example.no/**', async (route) =>
      route.fulfill({ response: await route.fetch({ url: route.request().url().replace('https://kh.example.no', running.url) }) }),
    );
    // (Registered last, so it wins over the proxy.) A stand-in for teams-js: the context Teams gives and the SSO token.
    await page.route('**/tabs/vendor/teams-js.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `window.microsoftTeams = {
          app: { initialize: async () => {}, isInitialized: () => true, getContext: async () => (${JSON.stringify({ app: { locale: context.locale, theme: 'default' }, page: { id: 'oversikt', subPageId: context.subPageId ?? '' } })}), openLink: async () => {} },
          authentication: { getAuthToken: async () => ${JSON.stringify(ssoToken)} },
        };`,
      }),
    );
    await page.goto('https://teams.microsoft.com/_test');
    return page;
  }

  it('renders figures, charts and the case table in Chromium once teams-js gives a token, in nynorsk', async () => {
    const page = await tabInTeams(await token(), { locale: 'nn-no' });
    const tab = page.frameLocator('iframe');
    await tab.getByText('Heile Rana kommune').waitFor({ timeout: 20_000 });
    await expect.poll(() => tab.locator('#caseRows tr').count()).toBeGreaterThan(100);
    expect(await tab.locator('html').getAttribute('lang')).toBe('nn');
    expect(await tab.locator('#now dt').first().textContent()).toBe('Meldingar som ventar på vedtak');
    // Every chart drew on its canvas and says its figures to a screen reader.
    for (const id of ['monthsChart', 'waitingChart', 'unitsChart']) {
      // Some pixel is not transparent (the page's own code, run in the browser).
      const drawn = await tab.locator(`#${id}`).evaluate((canvas) => {
        const element = canvas as unknown as {
          width: number;
          height: number;
          getContext(kind: '2d'): { getImageData(...args: number[]): { data: Uint8ClampedArray } };
        };
        const { data } = element.getContext('2d').getImageData(0, 0, element.width, element.height);
        return data.some((value: number, index: number) => index % 4 === 3 && value > 0);
      });
      expect(drawn).toBe(true);
      expect(await tab.locator(`#${id}`).getAttribute('aria-label')).toMatch(/Tala i diagrammet: \S.*\d/);
    }
    await shot(page, 'overview-tab-1-ke-nynorsk');
  });

  it('gives a resident’s access file only to the KE admin who asked, with their own token, once, in the tab', async () => {
    const links = new ExportLinks(LINK_SECRET, 'https://kh.example.no', running.bot.store);
    const caseIds = (await running.bot.cases.changedSince('rana')).slice(0, 2).map((c) => c.id);
    const grant = links.token({ municipality: 'rana', format: 'residentAccess', caseIds, actor: KE });
    const url = `${running.url}/api/privacy/access?t=${grant}`;
    expect((await fetch(url)).status).toBe(401);
    const someoneElse = await fetch(url, { headers: { authorization: `Bearer ${await token({ oid: LEADER })}` } });
    expect(someoneElse.status).toBe(403);
    expect(await someoneElse.text()).toContain('Denne lenken ble laget for en annen');

    // The refusals did not use the link up: the requester downloads it in the tab, which the chat's link opens on it.
    const page = await tabInTeams(await token(), { locale: 'nb-no', subPageId: `innsyn.${grant}` });
    const tab = page.frameLocator('iframe');
    const button = tab.getByRole('button', { name: 'Last ned innsynsfilen' });
    await button.waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^innsyn-rana-\d{4}-\d{2}-\d{2}\.json$/);
    const report = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { cases: { reference: string }[] };
    expect(report.cases).toHaveLength(2);
    await tab.getByText('Lastet ned. Lagre filen trygt').waitFor();
    await shot(page, 'overview-tab-3-innsyn');
    expect((await fetch(url, { headers: { authorization: `Bearer ${await token()}` } })).status).toBe(410);
  });

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  }
});

describe('the «Oversikt» tab in a local trial: the dev sign-in, filters, sorting by keyboard', () => {
  let running: RunningBot;
  let browser: Browser;

  beforeAll(async () => {
    running = await startBot();
    await seed(running);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('signs in as a seeded leader, filters by state and sorts the table from the keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${running.url}/tabs/oversikt?lang=nb`);
    await page.getByText('Utviklerinnlogging (bare lokal prøving)').waitFor();
    await page.getByLabel('Bruker').selectOption({ label: `Rana kommune: ${LEADER} (leder for ${SAMPLE_UNITS[0]})` });
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText(`Enhetene du leder: ${SAMPLE_UNITS[0]}`).waitFor();
    const rows = page.locator('#caseRows tr');
    const all = await rows.count();
    expect(all).toBeGreaterThan(10);

    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Arbeid med individuell plan pågår' });
    await page.getByRole('button', { name: 'Vis' }).click();
    await expect
      .poll(async () => (await page.locator('#caseRows td:nth-child(4)').allTextContents()).every((state) => state === 'Arbeid med individuell plan pågår'))
      .toBe(true);
    expect(await rows.count()).toBeLessThan(all);

    // Keyboard only: tab to the «Referanse» heading and sort ascending, then descending.
    await page.locator('th button[data-key="reference"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('th:has(button[data-key="reference"])').getAttribute('aria-sort')).toBe('ascending');
    const references = await page.locator('#caseRows td:first-child').allTextContents();
    expect(references).toEqual([...references].sort((a, b) => a.localeCompare(b, 'nb')));
    await page.keyboard.press('Enter');
    expect(await page.locator('th:has(button[data-key="reference"])').getAttribute('aria-sort')).toBe('descending');

    // A period the user chose that cannot be shown: the reason, in words.
    await page.getByLabel('Periode', { exact: true }).selectOption('range');
    await page.getByLabel('Fra (når «Velg fra og til»)').fill('2026-03-01');
    await page.getByLabel('Til', { exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.getByRole('alert').getByText('fra-datoen må være før til-datoen').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/overview-tab-2-leader-dev.png`, fullPage: true });
  });

  it('serves the page with a policy that lets only Teams and Microsoft 365 frame it', async () => {
    const response = await fetch(`${running.url}/tabs/oversikt`);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://teams.microsoft.com");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
