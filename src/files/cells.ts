import { headerKey, type TableRow } from './tabularFile.js';
import type { Problem } from './Problem.js';

/** A column's values by the words people write for them (keys are `headerKey`s): labels, codes, synonyms. */
export type Vocabulary<T extends string> = ReadonlyMap<string, T>;

/** Free text that ends up in cards: no markdown or HTML control characters, and no spreadsheet formula. */
const CONTROL = /[[\]*_`<>#~|\\]/;
/** A cell a spreadsheet would run as a formula (CSV injection). */
export const FORMULA = /^[=+\-@\t\r]/;

/** A cell Excel shows as text: one that would start a formula gets a leading apostrophe (OWASP's advice for CSV injection). */
export function spreadsheetText<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA.test(value) ? `'${value}` : value;
}
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Dates as Norwegians type them in Excel: 24.11.2026, 24.11.26 or 24/11/2026. */
const NORWEGIAN_DATE = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Reads the cells of one row, collecting a problem per bad cell (so one run reports every bad row)
 * instead of stopping at the first.
 */
export class Cells {
  readonly problems: Problem[] = [];
  /** Where the import had to interpret a cell (a value it kept as «annet», say): reported apart from the problems. */
  readonly warnings: Problem[] = [];

  constructor(
    private readonly row: TableRow,
    /** Today, yyyy-mm-dd, Oslo: dates after it are in the future. */
    private readonly today: string,
  ) {}

  get line(): number {
    return this.row.line;
  }

  raw(column: string): string {
    return (this.row.values[column] ?? '').trim();
  }

  problem(key: Problem['key'], params?: Problem['params']): void {
    this.problems.push({ line: this.row.line, key, ...(params ? { params } : {}) });
  }

  warning(key: Problem['key'], params?: Problem['params']): void {
    this.warnings.push({ line: this.row.line, key, ...(params ? { params } : {}) });
  }

  required(column: string): string | undefined {
    const value = this.raw(column);
    if (!value) this.problem('import.problem.required', { column });
    return value || undefined;
  }

  text(column: string, options: { max: number; required?: boolean }): string | undefined {
    const value = options.required ? this.required(column) : this.raw(column) || undefined;
    if (value === undefined) return undefined;
    if (value.length > options.max) this.problem('import.problem.tooLong', { column, max: options.max });
    else if (FORMULA.test(value)) this.problem('import.problem.formula', { column });
    else if (CONTROL.test(value)) this.problem('import.problem.plainText', { column });
    else return value;
    return undefined;
  }

  id(column: string, options: { required?: boolean } = {}): string | undefined {
    const value = options.required ? this.required(column) : this.raw(column) || undefined;
    if (value === undefined) return undefined;
    if (!ID_PATTERN.test(value)) {
      this.problem('import.problem.invalidId', { column, value: shorten(value) });
      return undefined;
    }
    return value;
  }

  /** A calendar date that exists (no 2026-13-45), as yyyy-mm-dd; not after today unless `future` is allowed. */
  date(column: string, options: { required?: boolean; future?: boolean } = {}): string | undefined {
    const value = options.required ? this.required(column) : this.raw(column) || undefined;
    if (value === undefined) return undefined;
    const date = calendarDate(value);
    if (!date) this.problem('import.problem.invalidDate', { column, value: shorten(value) });
    else if (!options.future && date > this.today) this.problem('import.problem.futureDate', { column, value: date });
    else return date;
    return undefined;
  }

  /** A value as people write it (`words`: labels in every language, codes, synonyms), mapped to its code; `shown` names what to write. */
  choice<T extends string>(column: string, words: Vocabulary<T>, options: { required?: boolean; shown: readonly string[] }): T | undefined {
    const value = options.required ? this.required(column) : this.raw(column) || undefined;
    if (value === undefined) return undefined;
    const code = words.get(headerKey(value));
    if (code === undefined) this.problem('import.problem.invalidValue', { column, value: shorten(value), allowed: options.shown.join(', ') });
    return code;
  }

  /**
   * A value as people write it, or — when it matches nothing known — `fallback`, with the text kept
   * and a warning (a closing reason written in the KE's own words).
   */
  choiceOr<T extends string>(column: string, words: Vocabulary<T>, fallback: T): { code: T; text?: string } | undefined {
    const value = this.raw(column);
    if (!value) return undefined;
    const code = words.get(headerKey(value));
    if (code !== undefined) return { code };
    const text = this.text(column, { max: 200 });
    if (text === undefined) return undefined;
    this.warning('import.warning.keptAsOther', { column, value: shorten(text) });
    return { code: fallback, text };
  }

  /** `ja` (or yes/x/true) → true, empty or `nei` → false. */
  flag(column: string): boolean {
    const value = this.raw(column).toLowerCase();
    if (['ja', 'j', 'yes', 'x', 'true', '1'].includes(value)) return true;
    if (['', 'nei', 'n', 'no', 'false', '0'].includes(value)) return false;
    this.problem('import.problem.invalidValue', { column, value: shorten(value), allowed: 'ja, (tom)' });
    return false;
  }

  /** A whole number within bounds. */
  integer(column: string, min: number, max: number): number | undefined {
    const value = this.raw(column);
    if (!value) return undefined;
    const number = Number(value);
    if (Number.isInteger(number) && number >= min && number <= max) return number;
    this.problem('import.problem.invalidNumber', { column, value: shorten(value), min, max });
    return undefined;
  }

  /** Values separated by `;` (or `,` inside a `;`-separated file's cell). */
  list(column: string): string[] {
    return this.raw(column)
      .split(/[;,]/)
      .map((part) => part.trim())
      .filter(Boolean);
  }
}

/** The oldest birth date that can be a living resident's: 125 years before `today` (yyyy-mm-dd). */
export function earliestBirthDate(today: string): string {
  return `${Number(today.slice(0, 4)) - 125}${today.slice(4)}`;
}

/** yyyy-mm-dd for a date that exists, from ISO or Norwegian (dd.mm.yyyy) writing; undefined otherwise. */
export function calendarDate(value: string): string | undefined {
  let year: number, month: number, day: number;
  const iso = ISO_DATE.exec(value);
  const norwegian = NORWEGIAN_DATE.exec(value);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (norwegian) {
    const shortYear = Number(norwegian[3]);
    // A two-digit year is this century unless that would be in the future (birth dates: 24.11.85 is 1985).
    const century = shortYear > new Date().getUTCFullYear() % 100 ? 1900 : 2000;
    [day, month, year] = [Number(norwegian[1]), Number(norwegian[2]), norwegian[3]!.length === 2 ? century + shortYear : shortYear];
  } else return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}…` : value;
}
