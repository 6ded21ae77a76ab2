import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/files/tabularFile.js';
import { readWorkbook } from '../../../src/files/workbook.js';
import { translator } from '../../../src/i18n/translate.js';
import { CASE_COLUMNS, CASE_REQUIRED } from '../../../src/onboarding/casesFile.js';
import { PEOPLE_COLUMNS, PEOPLE_REQUIRED } from '../../../src/onboarding/peopleFile.js';
import { templateWorkbook } from '../../../src/onboarding/templateWorkbook.js';

const t = translator('nb');

describe('templateWorkbook()', () => {
  it.each([
    ['cases', CASE_COLUMNS, CASE_REQUIRED],
    ['people', PEOPLE_COLUMNS, PEOPLE_REQUIRED],
  ] as const)('gives the %s template as a workbook the import reads exactly as the CSV', async (kind, known, required) => {
    const csv = readFileSync(`templates/${kind}.csv`, 'utf8');
    const bytes = await templateWorkbook(kind, csv, t);
    const records = await readWorkbook(new Uint8Array(bytes), [kind === 'cases' ? 'saker' : 'personer']);
    const fromWorkbook = readTable(records!, { required, known });
    expect(fromWorkbook.problems).toEqual([]);
    expect(fromWorkbook.rows).toEqual(readTable(csv, { required, known }).rows);
  });

  it('offers the coded columns as drop-down lists, and explains every column on a second sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateWorkbook('cases', readFileSync('templates/cases.csv', 'utf8'), t)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Saker')!;
    const column = (name: string) => (sheet.getRow(1).values as string[]).indexOf(name);
    expect(sheet.getCell(2, column('consentGivenBy')).dataValidation).toMatchObject({ type: 'list', formulae: ['"innbygger,foreldre,pårørende,verge"'] });
    expect(sheet.getCell(500, column('status')).dataValidation).toMatchObject({ type: 'list' });
    const help = workbook.getWorksheet('Forklaring')!;
    const rows = help.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((row) => row[1])).toEqual(expect.arrayContaining([...CASE_COLUMNS]));
    const birth = rows.find((row) => row[1] === 'birthDate')!;
    expect(birth).toEqual([
      undefined,
      'birthDate',
      'Fødselsdato. Kan stå tom for et ventet barn når termin er fylt ut.',
      'ja',
      'dato (2026-11-24 eller 24.11.2026)',
      'fødselsdato, fødd, født, birth date',
    ]);
  });

  it.each(['nb', 'nn', 'en'] as const)('explains every column in %s', async (locale) => {
    for (const kind of ['cases', 'people'] as const) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await templateWorkbook(kind, readFileSync(`templates/${kind}.csv`, 'utf8'), translator(locale))) as unknown as ExcelJS.Buffer);
      const rows = (workbook.worksheets[1]!.getSheetValues().filter(Boolean) as unknown[][]).slice(2);
      expect(rows.every((row) => typeof row[2] === 'string' && (row[2] as string).length > 5 && !(row[2] as string).startsWith('template.'))).toBe(true);
    }
  });
});
