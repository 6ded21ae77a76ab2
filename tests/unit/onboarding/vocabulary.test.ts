import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../../src/files/cells.js';
import { readWorkbook } from '../../../src/files/workbook.js';
import { readCases, type CaseReferences } from '../../../src/onboarding/casesFile.js';
import { readPeople } from '../../../src/onboarding/peopleFile.js';
import {
  ageGroupWords,
  caseColumnAliases,
  closeReasonWords,
  consentFormWords,
  consentGiverWords,
  fileKindOf,
  statusWords,
} from '../../../src/onboarding/vocabulary.js';
import { headerKey } from '../../../src/files/tabularFile.js';

const TODAY = '2026-11-25';
const known: CaseReferences = {
  services: new Set(['t-hjem', 't-ppt']),
  people: new Map([['coord-1', { name: 'Per Hansen', unit: 'Hjemmetjenesten' }]]),
  units: new Set(['Hjemmetjenesten']),
  emails: new Map([['per.hansen@testvik.kommune.no', 'coord-1']]),
};

/** A KE's own list: Norwegian headers, the bot's labels as values, Norwegian dates. */
const KE_HEADER = [
  'Saksnr',
  'Navn',
  'Fødselsdato',
  'Barn eller voksen',
  'Behov',
  'Tjenester',
  'Samtykke gitt av',
  'Samtykkeform',
  'Samtykkedato',
  'Status',
  'Meldt',
  'Vedtak',
  'Koordinator',
  'Enhet',
  'Oppnevnt',
  'IP startet',
  'Avsluttet dato',
  'Årsak',
  'Notat',
];
const KE_ROWS = [
  [
    'IP-1',
    'Eksempel Person',
    '01.05.1960',
    'Voksen',
    'Trenger hjelp hjemme.',
    't-hjem,t-ppt',
    'Innbyggeren selv',
    'Skriftlig',
    '05.01.2026',
    'Arbeid med individuell plan pågår',
    '05.01.2026',
    '10/01/2026',
    'per.hansen@testvik.kommune.no',
    'Hjemmetjenesten',
    '15.01.26',
    '01.02.2026',
    '',
    '',
    'intern merknad',
  ],
  [
    'IP-2',
    'Eksempel Barn',
    '2015-03-01',
    'Barn (under 18)',
    'Samordning skole og avlastning.',
    't-ppt,t-hjem',
    'Foreldre',
    'Skriftleg',
    '2026-01-05',
    'Avsluttet',
    '2026-01-05',
    '2026-01-10',
    '',
    '',
    '',
    '',
    '2026-06-01',
    'Behovet er dekket',
    '',
  ],
  [
    'IP-3',
    'Tredje Person',
    '1970-02-02',
    'voksen',
    'Behov for koordinering.',
    't-hjem,t-ppt',
    'bruker',
    'muntlig',
    '2026-01-05',
    'avsluttet',
    '2026-01-05',
    '2026-01-10',
    '',
    '',
    '',
    '',
    '2026-06-01',
    'Flyttet fra kommunen',
    '',
  ],
];
const csv = [KE_HEADER, ...KE_ROWS].map((row) => row.join(';')).join('\n');

describe('the words people write', () => {
  it.each<[string, ReadonlyMap<string, string>, string, string]>([
    ['consent by the resident, as the meldeskjema says it', consentGiverWords, 'Innbyggeren selv', 'resident'],
    ['consent by the resident, in nynorsk', consentGiverWords, 'Innbyggjaren sjølv', 'resident'],
    ['consent by a user', consentGiverWords, 'bruker', 'resident'],
    ['consent by a patient', consentGiverWords, 'Pasient', 'resident'],
    ['consent by parents', consentGiverWords, 'Foreldre', 'parents'],
    ['consent by «foreldre/foresatte»', consentGiverWords, 'Foreldre / foresatte', 'parents'],
    ['consent by next of kin, without æøå', consentGiverWords, 'parorende', 'nextOfKin'],
    ['consent by a guardian, in nynorsk', consentGiverWords, 'Verje', 'guardian'],
    ['written, in nynorsk', consentFormWords, 'Skriftleg', 'written'],
    ['oral, in English', consentFormWords, 'Oral', 'oral'],
    ['a child, as the form says it', ageGroupWords, 'Barn (under 18)', 'child'],
    ['an adult, in nynorsk', ageGroupWords, 'vaksen', 'adult'],
    ['a plan in progress, as the case card says it', statusWords, 'Arbeid med individuell plan pågår', 'planInProgress'],
    ['a plan in progress, in a word', statusWords, 'pågår', 'planInProgress'],
    ['closed, in English', statusWords, 'Closed', 'closed'],
    ['a need that is met', closeReasonWords, 'Behovet er dekket', 'needEnded'],
    ['the card’s own reason', closeReasonWords, 'Innbyggeren / pårørende takker nei til individuell plan', 'residentDeclinesPlan'],
  ])('reads %s', (_name, words, written, code) => {
    expect(words.get(headerKey(written))).toBe(code);
  });

  it.each([
    ['a guess', consentGiverWords, 'naboen'],
    ['a status the bot has none of', statusWords, 'på vent'],
  ])('knows nothing of %s', (_name, words, written) => {
    expect((words as ReadonlyMap<string, string>).get(headerKey(written))).toBeUndefined();
  });

  it.each(Object.entries(caseColumnAliases).flatMap(([column, aliases]) => aliases.map((alias) => [alias, column] as const)))(
    'reads the header «%s» as %s',
    (alias, column) => {
      const byKey = new Map<string, string>();
      for (const [name, names] of Object.entries(caseColumnAliases))
        for (const other of [name, ...names]) if (!byKey.has(headerKey(other))) byKey.set(headerKey(other), name);
      expect(byKey.get(headerKey(alias))).toBe(column);
    },
  );

  it.each([
    ['2026-11-24', '2026-11-24'],
    ['24.11.2026', '2026-11-24'],
    ['24/11/2026', '2026-11-24'],
    ['24.11.26', '2026-11-24'],
  ])('reads the date %s', (written, date) => {
    expect(calendarDate(written)).toBe(date);
  });
});

describe('a KE’s own cases list', () => {
  it('imports without hand-editing: headers and values as the KE wrote them, the coordinator by e-mail, an unknown reason kept as «annet»', () => {
    const { cases, problems, warnings } = readCases(csv, TODAY, known);
    expect(problems).toEqual([]);
    expect(cases.map((row) => row.existing.externalId)).toEqual(['IP-1', 'IP-2', 'IP-3']);
    expect(cases[0]!.existing).toMatchObject({
      resident: { birthDate: '1960-05-01' },
      state: 'planInProgress',
      consent: { givenBy: 'resident', form: 'written', date: '2026-01-05' },
      decidedOn: '2026-01-10',
      coordinator: { userId: 'coord-1' },
    });
    expect(cases[1]!.existing).toMatchObject({ consent: { givenBy: 'parents' }, closeReason: 'needEnded' });
    expect(cases[2]!.existing).toMatchObject({ closeReason: 'other', closeReasonText: 'Flyttet fra kommunen' });
    expect(warnings.map((w) => [w.line, w.key])).toEqual([
      [1, 'import.warning.unknownColumn'],
      [4, 'import.warning.keptAsOther'],
    ]);
  });

  it('reads the same list from an Excel workbook (the sheet named «Saker», Excel date cells) as from CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Forklaring').addRow(['Les meg']);
    const sheet = workbook.addWorksheet('Saker');
    sheet.addRow(KE_HEADER);
    for (const row of KE_ROWS) sheet.addRow(row.map((cell, index) => (index === 2 && /^\d{4}-/.test(cell) ? new Date(`${cell}T00:00:00Z`) : cell)));
    const records = await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), ['cases', 'saker']);
    expect(readCases(records!, TODAY, known)).toEqual(readCases(csv, TODAY, known));
  });

  it('names the sheet’s row in a problem', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Saker');
    sheet.addRow(KE_HEADER);
    sheet.addRow([]);
    sheet.addRow(KE_ROWS[0]!.map((cell, index) => (index === 6 ? 'naboen' : cell)));
    const records = await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), ['saker']);
    expect(readCases(records!, TODAY, known).problems).toEqual([expect.objectContaining({ line: 3, key: 'import.problem.invalidValue' })]);
  });
});

describe('the Entra ID user list', () => {
  const entra = [
    'User principal name,Display name,Surname,Given name,Object Id,User type,Job title,Department,Account enabled',
    'kari.nordmann@testvik.kommune.no,Kari Nordmann,Nordmann,Kari,7a1e0c52-1111-4c8e-9a11-000000000002,Member,Sykepleier,Hjemmetjenesten,True',
    'per.hansen@testvik.kommune.no,Per Hansen,Hansen,Per,7A1E0C52-1111-4C8E-9A11-000000000004,Member,Lærer,Selfors skole,True',
  ].join('\n');

  it('reads people as IT downloads them: object id, name, e-mail from the user principal name, unit from the department', () => {
    const { people, problems, warnings } = readPeople(entra, TODAY);
    expect(problems).toEqual([]);
    expect(people).toEqual([
      expect.objectContaining({
        userId: '7a1e0c52-1111-4c8e-9a11-000000000002',
        name: 'Kari Nordmann',
        email: 'kari.nordmann@testvik.kommune.no',
        unit: 'Hjemmetjenesten',
      }),
      expect.objectContaining({ userId: '7a1e0c52-1111-4c8e-9a11-000000000004', name: 'Per Hansen', unit: 'Selfors skole' }),
    ]);
    expect(warnings).toEqual([expect.objectContaining({ key: 'import.warning.unknownColumns' })]);
  });

  it('tells the kinds of file apart by their headers as people write them', () => {
    expect(fileKindOf(entra.split('\n')[0]!.split(','))).toBe('people');
    expect(fileKindOf(KE_HEADER)).toBe('cases');
    expect(fileKindOf(['id', 'category', 'unit', 'name', 'offers'])).toBe('directory');
  });
});

describe('a small roles file keyed by e-mail', () => {
  const knownPeople = new Map([['per.hansen@testvik.kommune.no', { userId: 'coord-1', name: 'Per Hansen' }]]);

  it('sets KE and the units led for people the bot knows, named by e-mail', () => {
    const { people, problems } = readPeople('E-post;KE;Leder for\nPer.Hansen@testvik.kommune.no;ja;Hjemmetjenesten\n', TODAY, { known: knownPeople });
    expect(problems).toEqual([]);
    expect(people).toEqual([expect.objectContaining({ userId: 'coord-1', name: 'Per Hansen', ke: true, keAdmin: false, leads: ['Hjemmetjenesten'] })]);
    expect(fileKindOf(['E-post', 'KE', 'Leder for'])).toBe('people');
  });

  it('refuses an e-mail nobody has, and a file that names nobody', () => {
    expect(readPeople('E-post;KE\nukjent@testvik.kommune.no;ja\n', TODAY, { known: knownPeople }).problems).toEqual([
      expect.objectContaining({ line: 2, key: 'import.problem.unknownPerson' }),
    ]);
    expect(readPeople('Navn;KE\nPer;ja\n', TODAY, { known: knownPeople }).problems).toEqual([
      expect.objectContaining({ line: 1, key: 'import.problem.missingColumns' }),
    ]);
  });
});
