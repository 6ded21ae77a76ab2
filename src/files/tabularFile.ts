import { CsvError, parse } from 'csv-parse/sync';
import type { Problem } from './Problem.js';

/** One data row, with the line it starts on in the file (the header is line 1). */
export interface TableRow {
  line: number;
  values: Record<string, string>;
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

/**
 * A CSV file as rows keyed by column, with line numbers. The header must name every `required`
 * column and no column outside `known`; a malformed file is one problem at the line it breaks.
 */
export function readTable(text: string, columns: { required: readonly string[]; known: readonly string[] }): { rows: TableRow[]; problems: Problem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: false,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      const key =
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'import.problem.csvQuote'
          : error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
            ? 'import.problem.csvColumns'
            : 'import.problem.csv';
      return { rows: [], problems: [{ line, key }] };
    }
    throw error;
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], problems: [{ line: 1, key: 'import.problem.empty' }] };
  const names = header.record.map((name) => name.trim());
  const problems: Problem[] = [];
  const missing = columns.required.filter((column) => !names.includes(column));
  if (missing.length) problems.push({ line: 1, key: 'import.problem.missingColumns', params: { columns: missing.join(', ') } });
  const unknown = names.filter((name) => !columns.known.includes(name));
  if (unknown.length)
    problems.push({ line: 1, key: 'import.problem.unknownColumns', params: { columns: unknown.join(', '), known: columns.known.join(', ') } });
  if (problems.length) return { rows: [], problems };
  // csv-parse counts to a record's last line; a quoted cell may span lines, and the report names the first.
  const rows = data.map(({ record, info }) => ({
    line: info.lines - (record.join('').match(/\n/g)?.length ?? 0),
    values: Object.fromEntries(names.map((name, index) => [name, record[index] ?? ''])),
  }));
  return { rows, problems: [] };
}

/** The columns a file's header names, to tell people, cases and directory files apart. */
export function headerOf(text: string): string[] {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return header.split(delimiterOf(header)).map((name) => name.trim().replace(/^"|"$/g, ''));
}
