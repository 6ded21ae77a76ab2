import { Cells } from '../files/cells.js';
import type { Problem } from '../files/Problem.js';
import { readTable, type TableInput } from '../files/tabularFile.js';
import { peopleColumnAliases } from './vocabulary.js';

export const PEOPLE_COLUMNS = ['aadObjectId', 'name', 'email', 'unit', 'leads', 'ke', 'keAdmin'] as const;
const REQUIRED = ['aadObjectId', 'name'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One person from the people file: who they are, the unit they work in, the units they lead, KE membership. */
export interface PersonRow {
  line: number;
  userId: string;
  name: string;
  email?: string;
  unit?: string;
  leads: string[];
  ke: boolean;
  keAdmin: boolean;
}

/** Every valid person, and a problem per bad row (duplicates name the line they repeat). */
export function readPeople(input: TableInput, today: string): { people: PersonRow[]; problems: Problem[]; warnings: Problem[] } {
  const table = readTable(input, { required: REQUIRED, known: PEOPLE_COLUMNS, aliases: peopleColumnAliases });
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
    const unit = cells.text('unit', { max: 120 });
    const leads = cells.list('leads');
    for (const led of leads) if (led.length > 120) cells.problem('import.problem.tooLong', { column: 'leads', max: 120 });
    const ke = cells.flag('ke');
    const keAdmin = cells.flag('keAdmin');
    if (userId) {
      const first = seen.get(userId.toLowerCase());
      if (first !== undefined) cells.problem('import.problem.duplicate', { column: 'aadObjectId', value: userId, first });
      else seen.set(userId.toLowerCase(), row.line);
    }
    problems.push(...cells.problems);
    if (cells.problems.length === 0 && userId && name)
      people.push({ line: row.line, userId: userId.toLowerCase(), name, email, unit, leads, ke: ke || keAdmin, keAdmin });
  }
  return { people, problems, warnings: table.warnings };
}
