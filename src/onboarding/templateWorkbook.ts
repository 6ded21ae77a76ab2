import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { ImportFileKind } from '../files/Problem.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Translate } from '../i18n/translate.js';
import { CASE_COLUMNS, CASE_REQUIRED } from './casesFile.js';
import { PEOPLE_COLUMNS, PEOPLE_REQUIRED } from './peopleFile.js';
import { caseColumnAliases, peopleColumnAliases } from './vocabulary.js';

/** The sheet each template's rows are on: the name the import looks for first. */
export const TEMPLATE_SHEETS: Record<Exclude<ImportFileKind, 'directory'>, string> = { cases: 'Saker', people: 'Personer' };

/** The values a coded column takes, offered as a drop-down list (the import reads many more ways of writing them). */
const CHOICES: Record<string, readonly string[]> = {
  ageGroup: ['barn', 'voksen'],
  consentGivenBy: ['innbygger', 'foreldre', 'pårørende', 'verge'],
  consentForm: ['skriftlig', 'muntlig'],
  status: ['meldt', 'godtatt', 'avslått', 'oppnevnt', 'startet', 'avsluttet'],
  closingReason: ['behovet opphørt', 'bruker overtar', 'takker nei', 'annet'],
  coordinatorKind: ['koordinator', 'barnekoordinator'],
  ke: ['ja', 'nei'],
  keAdmin: ['ja', 'nei'],
};

/** The template's date columns: written as date cells, and explained as dates. */
const isDateColumn = (column: string) => /At$|Date$|^birthDate$/.test(column);

/** Rows a KE can fill in with the drop-downs in place. */
const ROWS = 1000;

const SPEC = {
  cases: { columns: CASE_COLUMNS, required: CASE_REQUIRED, aliases: caseColumnAliases },
  people: { columns: PEOPLE_COLUMNS, required: PEOPLE_REQUIRED, aliases: peopleColumnAliases },
} as const;

/**
 * A template as an Excel workbook: the CSV template's header and example rows on the sheet the import
 * reads, coded columns as drop-down lists (data validation), dates as date cells, and a second sheet
 * that explains each column — required or not, the values it takes, and the other headers it may have.
 */
export async function templateWorkbook(kind: 'cases' | 'people', csv: string, t: Translate): Promise<Buffer> {
  const spec = SPEC[kind];
  const [header, ...examples] = parse(csv, { bom: true, skip_empty_lines: true }) as string[][];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Koordinatorhjelpen';
  const sheet = workbook.addWorksheet(TEMPLATE_SHEETS[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header);
  sheet.getRow(1).font = { bold: true };
  for (const example of examples ?? [])
    sheet.addRow(example.map((cell, index) => (isDateColumn(header![index] ?? '') && /^\d{4}-\d{2}-\d{2}$/.test(cell) ? new Date(`${cell}T00:00:00Z`) : cell)));
  header!.forEach((column, index) => {
    const width = Math.min(40, Math.max(12, column.length + 2));
    sheet.getColumn(index + 1).width = width;
    const choices = CHOICES[column];
    if (isDateColumn(column)) sheet.getColumn(index + 1).numFmt = 'yyyy-mm-dd';
    if (!choices) return;
    for (let row = 2; row <= ROWS; row++)
      sheet.getCell(row, index + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${choices.join(',')}"`],
        showErrorMessage: true,
        errorTitle: t('template.invalidTitle'),
        error: t('template.invalid', { values: choices.join(', ') }),
      };
  });

  const help = workbook.addWorksheet(t('template.helpSheet'));
  help.addRow([t(`template.intro.${kind}`)]);
  help.addRow([]);
  help.addRow([t('template.column'), t('template.about'), t('template.required'), t('template.values'), t('template.aliases')]).font = { bold: true };
  for (const column of spec.columns) {
    help.addRow([
      column,
      t(`template.about.${column}` as MessageKey),
      t((spec.required as readonly string[]).includes(column) ? 'template.yes' : 'template.no'),
      CHOICES[column]?.join(', ') ?? (isDateColumn(column) ? t('template.date') : ''),
      (spec.aliases[column] ?? []).join(', '),
    ]);
  }
  help.getColumn(1).width = 26;
  help.getColumn(2).width = 70;
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  help.getColumn(3).width = 10;
  help.getColumn(4).width = 48;
  help.getColumn(5).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
