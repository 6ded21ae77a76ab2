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

/** What the people file may refer to: departments renamed to units, and the people the bot knows, by e-mail (lower case) → object id and name. */
export interface PeopleReferences {
  units?: ReadonlyMap<string, string>;
  known?: ReadonlyMap<string, { userId: string; name: string }>;
}

/**
 * Every valid person, and a problem per bad row (duplicates name the line they repeat). A row names
 * its person by Entra object id, or — in a small roles file — by the e-mail of someone the bot knows
 * already (then the name may be left out). `units` renames departments (the Entra list's
 * «Department») to the municipality's units, matched without regard to case.
 */
export function readPeople(
  input: TableInput,
  today: string,
  references: PeopleReferences = {},
): { people: PersonRow[]; problems: Problem[]; warnings: Problem[] } {
  const units = references.units ?? new Map<string, string>();
  const table = readTable(input, { required: [], known: PEOPLE_COLUMNS, aliases: peopleColumnAliases });
  const header = new Set(Object.keys(table.rows[0]?.values ?? {}));
  // A people file names people by object id (our template, the Entra list) or by e-mail (a roles file).
  if (!table.problems.length && table.rows.length && !header.has('aadObjectId') && !header.has('email'))
    table.problems.push({ line: 1, key: 'import.problem.missingColumns', params: { columns: PEOPLE_REQUIRED.join(', ') } });
  const people: PersonRow[] = [];
  const problems: Problem[] = [...table.problems];
  const seen = new Map<string, number>();
  if (!table.problems.length && table.rows.length === 0) problems.push({ line: 1, key: 'import.problem.noRows' });
  for (const row of table.problems.length ? [] : table.rows) {
    const cells = new Cells(row, today);
    const email = cells.raw('email') || undefined;
    if (email && !EMAIL.test(email)) cells.problem('import.problem.invalidEmail', { value: email });
    const byEmail = !header.has('aadObjectId') && email ? references.known?.get(email.toLowerCase()) : undefined;
    if (!header.has('aadObjectId') && email && EMAIL.test(email) && !byEmail) cells.problem('import.problem.unknownPerson', { value: email });
    const userId = header.has('aadObjectId') ? cells.id('aadObjectId', { required: true }) : byEmail?.userId;
    // Named by e-mail, a known person keeps their name unless the file gives one.
    const name = header.has('aadObjectId') || cells.raw('name') ? cells.text('name', { max: 120, required: true }) : byEmail?.name;
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

/** The people a roles file may name by e-mail: those the bot knows, by e-mail (lower case). */
export function peopleByEmail(people: readonly { userId: string; name: string; email?: string }[]): Map<string, { userId: string; name: string }> {
  return new Map(people.flatMap((person) => (person.email ? [[person.email.toLowerCase(), { userId: person.userId, name: person.name }] as const] : [])));
}
