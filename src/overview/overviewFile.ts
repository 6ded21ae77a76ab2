import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { spreadsheetText } from '../files/cells.js';
import type { Translate } from '../i18n/translate.js';
import type { CaseFacts } from './caseFacts.js';
import { duration, figureLines, openCount, unitName } from './figureLines.js';
import { daysBetween } from './figures.js';
import type { OverviewResult } from './OverviewService.js';

export interface OverviewFileInput {
  t: Translate;
  result: OverviewResult;
  cases: readonly CaseFacts[];
  /** Directory entry id → its category: a case's services as categories. */
  categoryOf: (entryId: string) => string | undefined;
}

type Cell = string | number;

/** The figures in long form (unit, figure, value), the whole first: one table a spreadsheet pivots. */
function figureRows({ t, result }: OverviewFileInput): Cell[][] {
  const lines = figureLines(t, result);
  const whole = [...lines.now, ...lines.period, ...lines.durations].map((line) => ['', line.title, line.value]);
  const perUnit = result.units.flatMap(({ unit: id, figures }) => {
    const unit = unitName(t, id);
    return [
      [unit, t('overview.unitOpen'), openCount(figures)],
      [unit, t('overview.waiting'), figures.waiting],
      [unit, t('overview.withoutCoordinator'), figures.withoutCoordinator],
      [unit, t('overview.planInProgress'), figures.planInProgress],
      [unit, t('overview.reported'), figures.reportedInPeriod],
      [unit, t('overview.closed'), figures.closedInPeriod],
      [unit, t('overview.toDecision'), duration(t, figures.toDecision)],
      [unit, t('overview.toAppointment'), duration(t, figures.toAppointment)],
      [unit, t('overview.toPlanStart'), duration(t, figures.toPlanStart)],
    ];
  });
  return [[t('overview.unit'), t('overview.file.figure'), t('overview.file.value')], ...whole, ...perUnit];
}

/** The de-identified case list: reference, unit, state, the date of each step, coordinator, service categories — never who the resident is or their need. */
function caseRows({ t, result, cases, categoryOf }: OverviewFileInput): Cell[][] {
  const header = [
    t('overview.file.reference'),
    t('overview.unit'),
    t('overview.file.state'),
    t('overview.file.reportedOn'),
    t('overview.file.decidedOn'),
    t('overview.file.appointedOn'),
    t('overview.file.planStartedOn'),
    t('overview.file.closedOn'),
    t('overview.file.coordinator'),
    t('overview.file.services'),
    t('overview.file.daysWaiting'),
  ];
  return [
    header,
    ...cases.map((f) => [
      f.reference,
      unitName(t, f.unit),
      t(`case.state.${f.state}`),
      f.reportedOn,
      f.decidedOn ?? '',
      f.appointedOn ?? '',
      f.planStartedOn ?? '',
      f.closedOn ?? '',
      f.coordinator?.name ?? '',
      [...new Set(f.services.map((id) => categoryOf(id) ?? id))].join(', '),
      f.state === 'closed' || f.state === 'declined' ? '' : daysBetween(f.reportedOn, result.today),
    ]),
  ];
}

/** Every text cell safe to open in Excel: one that would start a formula is written as text. */
function safe(rows: Cell[][]): Cell[][] {
  return rows.map((row) => row.map((cell) => spreadsheetText(cell)));
}

/** One CSV (UTF-8 with BOM, as Excel reads it): the figures, an empty line, then the cases. */
export function overviewCsv(input: OverviewFileInput): string {
  return stringify([...safe(figureRows(input)), [], ...safe(caseRows(input))], { bom: true });
}

/** An Excel workbook with two sheets, «Tall» and «Saker», header rows bold and frozen. */
export async function overviewXlsx(input: OverviewFileInput): Promise<Buffer> {
  const { t } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Koordinatorhjelpen';
  for (const [name, rows] of [
    [t('overview.file.figures'), safe(figureRows(input))],
    [t('overview.file.cases'), safe(caseRows(input))],
  ] as const) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRows(rows);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => {
      column.width = Math.min(50, Math.max(10, ...rows.map((row) => String(row[sheet.columns.indexOf(column)] ?? '').length + 2)));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
