import ExcelJS from 'exceljs';
import { decodeText, headerKey, type SheetRecords, type TableInput } from './tabularFile.js';

/** Whether a file is an Excel workbook (.xlsx): a zip, by its name or its first bytes. */
export function isWorkbook(file: { name: string; bytes: Uint8Array }): boolean {
  return /\.xlsx$/i.test(file.name) || (file.bytes[0] === 0x50 && file.bytes[1] === 0x4b);
}

/** A cell as the text a person sees: dates as yyyy-mm-dd, numbers as written, a formula's result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nei';
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  if ('error' in value) return '';
  return '';
}

/**
 * The sheet of a workbook that holds a kind of file: the one named like it («cases», «saker»), else
 * the first. Rows keep the sheet's row numbers, so a problem names the row Excel shows.
 */
export async function readWorkbook(bytes: Uint8Array, sheetNames: readonly string[]): Promise<SheetRecords | undefined> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return undefined;
  }
  const wanted = new Set(sheetNames.map(headerKey));
  const sheet = workbook.worksheets.find((candidate) => wanted.has(headerKey(candidate.name))) ?? workbook.worksheets[0];
  if (!sheet) return [];
  const records: SheetRecords = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value).trim();
    });
    records.push({ line: row.number, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return records;
}

/** An import file as a table: a workbook's sheet, or CSV text in whatever encoding Excel wrote. Undefined for a workbook that cannot be read. */
export async function tableInput(file: { name: string; bytes: Uint8Array }, sheetNames: readonly string[]): Promise<TableInput | undefined> {
  return isWorkbook(file) ? readWorkbook(file.bytes, sheetNames) : decodeText(file.bytes);
}
