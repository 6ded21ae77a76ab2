import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/audit/AuditLog.js';
import { startChat, type Chat } from '../support/chat.js';
import { action, caseInProgress, cardOf, setRoles, textOf } from '../support/caseSteps.js';
import { reportForm } from '../support/reportForm.js';

const KE = 'ke-admin';
const LEADER = 'leader';
const OTHER_LEADER = 'other-leader';
const COORDINATOR = 'coordinator';
const EMPLOYEE = 'reporter';

/** The facts of a card's FactSets, by title. */
function factsOf(card: unknown): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const item of (card as { body: { type: string; facts?: { title: string; value: string }[] }[] }).body)
    if (item.type === 'FactSet') for (const fact of item.facts ?? []) facts[fact.title] = fact.value;
  return facts;
}

describe('KE’s overview in chat: «oversikt» and «eksporter oversikt»', () => {
  let chat: Chat;
  let reference = '';

  beforeAll(async () => {
    chat = await startChat({ KE_ADMINS: `rana:${KE}`, PUBLIC_URL: 'http://127.0.0.1:1', TEAMS_APP_ID: '6f1c1d52-7d0c-4f64-9d43-0b8f3a1a2c10' });
    for (const user of [KE, LEADER, OTHER_LEADER, COORDINATOR, EMPLOYEE]) await chat.say(user, { text: 'hjelp' });
    await setRoles(chat, KE, COORDINATOR, { unit: 'Hjemmetjenesten' });
    await setRoles(chat, KE, LEADER, { unit: 'Hjemmetjenesten', leads: 'Hjemmetjenesten' });
    await setRoles(chat, KE, OTHER_LEADER, { unit: 'Barnevern', leads: 'Barnevern' });
    await setRoles(chat, KE, EMPLOYEE, { unit: '=HYPERLINK("http://evil")' });
    ({ reference } = await caseInProgress(chat, { reporter: EMPLOYEE, ke: KE, coordinator: COORDINATOR, unit: 'Hjemmetjenesten', leader: LEADER }));
    // A second report, still waiting for KE, from the reporter's unit.
    await chat.sayExpecting(
      EMPLOYEE,
      {
        value: reportForm({
          verb: 'reportSubmit',
          residentName: 'Kari Hansen',
          residentBirthDate: '1990-01-02',
          ageGroup: 'adult',
          reporterUnit: '=HYPERLINK("http://evil")',
        }),
      },
      2,
    );
  }, 90_000);
  afterAll(async () => chat?.close());

  it('shows KE the whole municipality: where cases stand, the period, the days to each step, per unit', async () => {
    const [reply] = await chat.say(KE, { text: 'oversikt' });
    const card = cardOf(reply!);
    expect(textOf(reply!)).toContain('Oversikt over koordinatorsaker');
    expect(textOf(reply!)).toContain('Hele Rana');
    const facts = factsOf(card);
    expect(facts['Meldinger som venter på vedtak']).toBe('1 (eldste har ventet 0 dager)');
    expect(facts['Individuell plan pågår']).toBe('1');
    expect(facts['Meldt']).toBe('2');
    expect(facts['Til vedtak']).toBe('0 / 0 (n=1)');
    expect(Object.keys(facts).some((title) => title.startsWith('Innbyggere med individuell plan per'))).toBe(true);
    expect(textOf(reply!)).toContain('Hjemmetjenesten');
    expect(textOf(reply!)).not.toContain('Ola Nordmann');
    expect(card.actions?.find((a) => a.type === 'Action.OpenUrl')).toMatchObject({
      title: 'Åpne fanen Oversikt',
      url: 'https://teams.microsoft.com/l/entity/6f1c1d52-7d0c-4f64-9d43-0b8f3a1a2c10/oversikt',
    });
  });

  it('shows a leader the units they lead only, and refuses an employee politely', async () => {
    const [leader] = await chat.say(LEADER, { text: 'oversikt' });
    expect(textOf(leader!)).toContain('Enhetene du leder: Hjemmetjenesten');
    expect(factsOf(cardOf(leader!))['Individuell plan pågår']).toBe('1');
    expect(factsOf(cardOf(leader!))['Meldinger som venter på vedtak']).toBe('0');
    const [other] = await chat.say(OTHER_LEADER, { text: 'oversikt' });
    expect(factsOf(cardOf(other!))['Individuell plan pågår']).toBe('0');
    const [refused] = await chat.say(EMPLOYEE, { text: 'oversikt' });
    expect(refused!.body.text).toContain('Oversikten er for koordinerende enhet og for ledere');
    const [export_] = await chat.say(EMPLOYEE, { text: 'eksporter oversikt' });
    expect(export_!.body.text).toContain('Oversikten er for koordinerende enhet og for ledere');
  });

  it('updates the card in place for another period, and says why when the period cannot be shown', async () => {
    const [reply] = await chat.say(KE, { text: 'oversikt' });
    const [lastYear] = await chat.press(KE, { ...action(reply!, 'overviewShow'), period: 'range', from: '2020-01-01', to: '2020-12-31' });
    expect(textOf(lastYear!)).toContain('Periode 2020-01-01 – 2020-12-31');
    expect(factsOf(cardOf(lastYear!))['Meldt']).toBe('0');
    const [reversed] = await chat.press(KE, { ...action(reply!, 'overviewShow'), period: 'range', from: '2026-02-01', to: '2026-01-01' });
    expect(textOf(reversed!)).toContain('fra-datoen må være før til-datoen');
    const [missing] = await chat.press(KE, { ...action(reply!, 'overviewShow'), period: 'range', from: '2026-02-01' });
    expect(textOf(missing!)).toContain('velg både fra- og til-dato');
    const [nynorsk] = await chat.press(LEADER, { ...action(reply!, 'overviewShow'), period: 'last12Months' });
    expect(textOf(nynorsk!)).toContain('Enhetene du leder');
  });

  it('exports the figures and a de-identified case list as CSV and XLSX, each link once, audited', async () => {
    const [reply] = await chat.say(KE, { text: 'eksporter oversikt' });
    const links = [...(reply!.body.text ?? '').matchAll(/\((http:\/\/127\.0\.0\.1:1\/api\/overview\/export\?t=[^)]+)\)/g)].map((m) =>
      m[1]!.replace('http://127.0.0.1:1', chat.running.url),
    );
    expect(links).toHaveLength(2);

    const csvResponse = await fetch(links[0]!);
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get('content-disposition')).toMatch(/attachment; filename="oversikt-rana-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv"/);
    const csv = await csvResponse.text();
    expect(csv).not.toMatch(/Ola Nordmann|Kari Hansen|2014-05-06|1990-01-02/);
    const rows = parse(csv.replace(/^\uFEFF/, ''), { relaxColumnCount: true, skipEmptyLines: true }) as string[][];
    const caseHeader = rows.findIndex((row) => row[0] === 'Referanse');
    expect(rows[caseHeader]).toEqual([
      'Referanse',
      'Enhet',
      'Status',
      'Meldt',
      'Vedtak',
      'Koordinator oppnevnt',
      'Plan startet',
      'Avsluttet',
      'Koordinator',
      'Tjenestekategorier',
      'Dager siden melding',
    ]);
    const cases = rows.slice(caseHeader + 1);
    expect(cases.map((row) => row[0])).toContain(reference);
    // The waiting report's unit is the reporter's: a formula there is written as text.
    expect(cases.map((row) => row[1])).toContain('\'=HYPERLINK("http://evil")');
    expect(cases[0]![9]).not.toContain('rana-');
    expect(rows.some((row) => row[1]?.startsWith('Innbyggere med individuell plan per') && row[2] === '1')).toBe(true);
    expect((await fetch(links[0]!)).status).toBe(410);

    const xlsxResponse = await fetch(links[1]!);
    expect(xlsxResponse.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsxResponse.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tall', 'Saker']);
    const saker = workbook.getWorksheet('Saker')!;
    expect(saker.rowCount).toBe(3);
    expect(JSON.stringify(saker.getSheetValues())).not.toMatch(/Ola Nordmann|Kari Hansen/);

    const audit = await new AuditLog(chat.running.bot.store).list('rana', { limit: 500 });
    expect(audit.filter((entry) => entry.action === 'overview.export').map((entry) => entry.actor)).toEqual([KE, KE]);
  });
});
