import { Cells } from '../files/cells.js';
import type { Problem } from '../files/Problem.js';
import { readTable, type TableInput } from '../files/tabularFile.js';
import { peopleColumnAliases } from './vocabulary.js';

export const PEOPLE_COLUMNS = ['aadObjectId', 'name', 'email', 'unit', 'leads', 'ke', 'keAdmin'] as const;
export const PEOPLE_REQUIRED = ['aadObjectId', 'name'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One person from the people file: who they are, the unit they work in, the units they lead, KE membership. */
export interface PersonRow {
  line: number;
  userId: string;
  name: string;
  email?: string;
  unit?: string;
  /** Undefined when the file has no such column (the Entra user list): the person keeps what they have. */
  leads?: string[];
  ke?: boolean;
  keAdmin?: boolean;
}

/** Every valid person, and a problem per bad row (duplicates name the line they repeat). */
/**
 * Every valid person, and a problem per bad row. `units` renames departments (the Entra list's
 * «Department») to the municipality's units, matched without regard to case.
 */
export function readPeople(
  input: TableInput,
  today: string,
  units: ReadonlyMap<string, string> = new Map(),
): { people: PersonRow[]; problems: Problem[]; warnings: Problem[] } {
  const table = readTable(input, { required: PEOPLE_REQUIRED, known: PEOPLE_COLUMNS, aliases: peopleColumnAliases });
  const people: PersonRow[] = [];
  const problems: Problem[] = [...table.problems];
  const seen = new Map<string, number>();
  if (!table.problems.length && table.rows.length === 0) problems.push({ line: 1, key: 'import.problem.noRows' });
  for (const row of table.rows) {
    const cells = new Cells(row, today);
    const userId = cells.id('aadObjectId', { required: true });
    const name = cells.text('name', { max: 120, required: true });
    const email = cells.raw('email') || undefined;
    if (email && !EMAIL.test(email)) cells.problem('import.problem.invalidEmail', { value: email });
    const department = cells.text('unit', { max: 120 });
    const unit = department && (units.get(department.toLocaleLowerCase('nb')) ?? department);
    // A file without role columns (the Entra user list) says nothing about them: people keep what they have.
    const says = (column: string) => column in row.values;
    const leads = says('leads') ? cells.list('leads') : undefined;
    for (const led of leads ?? []) if (led.length > 120) cells.problem('import.problem.tooLong', { column: 'leads', max: 120 });
    const ke = says('ke') ? cells.flag('ke') : undefined;
    const keAdmin = says('keAdmin') ? cells.flag('keAdmin') : undefined;
    if (userId) {
      const first = seen.get(userId.toLowerCase());
      if (first !== undefined) cells.problem('import.problem.duplicate', { column: 'aadObjectId', value: userId, first });
      else seen.set(userId.toLowerCase(), row.line);
    }
    problems.push(...cells.problems);
    if (cells.problems.length === 0 && userId && name)
      people.push({
        line: row.line,
        userId: userId.toLowerCase(),
        name,
        email,
        unit,
        ...(leads ? { leads } : {}),
        ...(ke !== undefined || keAdmin !== undefined ? { ke: Boolean(ke || keAdmin), keAdmin: Boolean(keAdmin) } : {}),
      });
  }
  return { people, problems, warnings: table.warnings };
}
