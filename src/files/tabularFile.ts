import { CsvError, parse } from 'csv-parse/sync';
import type { Problem } from './Problem.js';

/** One data row, with the line it starts on in the file (the header is line 1). */
export interface TableRow {
  line: number;
  values: Record<string, string>;
}

/** A sheet's rows as text cells with their row numbers (a workbook's sheet; the header first). */
export type SheetRecords = { line: number; cells: string[] }[];

/** What a table is read from: CSV text, or the rows of a workbook's sheet. */
export type TableInput = string | SheetRecords;

/** The columns a file has: those it must have, every one it may have, and the other names people give them. */
export interface TableColumns {
  required: readonly string[];
  known: readonly string[];
  /** Column → headers people write for it (Norwegian, the Entra export's), matched like the column's own name. */
  aliases?: Readonly<Partial<Record<string, readonly string[]>>>;
}

/** A header as people write it, for matching: case, spaces, punctuation and accents on e/a do not matter («Fødselsdato» = «fødsels dato»). */
export function headerKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase('nb')
    .replace(/[éèê]/g, 'e')
    .replace(/[àá]/g, 'a')
    .replace(/[^a-z0-9æøå]/g, '');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Text from a file's bytes: UTF-8 with or without a byte-order mark, and otherwise Windows-1252,
 * which Excel writes by default on Norwegian Windows («Lagre som CSV»). Bytes that are not valid
 * UTF-8 cannot be UTF-8, so the fallback never misreads a UTF-8 file.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return windows1252.decode(bytes);
  }
}

/** `;` when the header has more semicolons than commas (Excel with a Norwegian list separator), else `,`. */
function delimiterOf(text: string): ',' | ';' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (char: string) => header.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Each column by the `headerKey` of its own name and of each of its aliases. */
export function columnsByHeader(columns: Pick<TableColumns, 'known' | 'aliases'>): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const column of columns.known) {
    byKey.set(headerKey(column), column);
    for (const alias of columns.aliases?.[column] ?? []) byKey.set(headerKey(alias), column);
  }
  return byKey;
}

/** The records of CSV text, each with the line it starts on; or the problem at the line where it breaks. */
function csvRecords(text: string): { records: SheetRecords; problems: Problem[] } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: false,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      const key =
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'import.problem.csvQuote'
          : error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
            ? 'import.problem.csvColumns'
            : 'import.problem.csv';
      return { records: [], problems: [{ line, key }] };
    }
    throw error;
  }
  // csv-parse counts to a record's last line; a quoted cell may span lines, and the report names the first.
  return { records: parsed.map(({ record, info }) => ({ line: info.lines - (record.join('').match(/\n/g)?.length ?? 0), cells: record })), problems: [] };
}

/**
 * A table (CSV text or a workbook's sheet) as rows keyed by column, with line numbers. Headers are
 * matched as people write them (`headerKey`, and each column's `aliases`); a missing required
 * column is a problem naming it, a column the file does not use is a warning (it is ignored).
 */
export function readTable(input: TableInput, columns: TableColumns): { rows: TableRow[]; problems: Problem[]; warnings: Problem[] } {
  const read = typeof input === 'string' ? csvRecords(input) : { records: input.filter((record) => record.cells.some((cell) => cell.trim())), problems: [] };
  if (read.problems.length) return { rows: [], problems: read.problems, warnings: [] };
  const [header, ...data] = read.records;
  if (!header) return { rows: [], problems: [{ line: 1, key: 'import.problem.empty' }], warnings: [] };
  const byKey = columnsByHeader(columns);
  const names = header.cells.map((name) => name.trim());
  const mapped = names.map((name) => byKey.get(headerKey(name)));
  const taken = new Set<string>();
  const target = mapped.map((column) => {
    if (!column || taken.has(column)) return undefined; // the first of two headers for one column counts
    taken.add(column);
    return column;
  });
  const warnings: Problem[] = [];
  const unknown = names.filter((name, index) => name && !target[index]);
  if (unknown.length)
    warnings.push({
      line: header.line,
      key: unknown.length === 1 ? 'import.warning.unknownColumn' : 'import.warning.unknownColumns',
      params: { columns: unknown.join(', '), known: columns.known.join(', ') },
    });
  const missing = columns.required.filter((column) => !taken.has(column));
  if (missing.length)
    return { rows: [], problems: [{ line: header.line, key: 'import.problem.missingColumns', params: { columns: missing.join(', ') } }], warnings };
  const rows = data.map(({ line, cells }) => ({
    line,
    values: Object.fromEntries(target.flatMap((column, index) => (column ? [[column, (cells[index] ?? '').trim()]] : []))),
  }));
  return { rows, problems: [], warnings };
}

/** The columns a file's header names, to tell people, cases and directory files apart. */
export function headerOf(text: string): string[] {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return header.split(delimiterOf(header)).map((name) => name.trim().replace(/^"|"$/g, ''));
}
