import type { AuditLog } from '../audit/AuditLog.js';
import type { Case } from '../cases/Case.js';
import type { CaseService } from '../cases/CaseService.js';
import { importedCase, importedCaseId } from '../cases/importedCase.js';
import { readDirectoryFile } from '../directory/directoryFormats.js';
import type { DirectoryEntry } from '../directory/DirectoryEntry.js';
import type { DirectoryService } from '../directory/DirectoryService.js';
import { ConflictError } from '../errors.js';
import type { ImportFileKind, Problem } from '../files/Problem.js';
import { decodeText } from '../files/tabularFile.js';
import { tableInput } from '../files/workbook.js';
import type { Municipalities } from '../municipalities/Municipalities.js';
import type { ConversationReferences } from '../conversation/ConversationReferences.js';
import type { Municipality } from '../municipalities/Municipality.js';
import type { ReminderSchedule } from '../reminders/ReminderSchedule.js';
import type { ImportedTraining, Roles } from '../roles/Roles.js';
import type { Store, WriteOp } from '../store/Store.js';
import { osloParts } from '../time/oslo.js';
import { readCases, type CaseRow } from './casesFile.js';
import { peopleByEmail, readPeople, type PersonRow } from './peopleFile.js';

/** One file of an import: its name (for the report and the format) and its bytes, in any encoding Excel writes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export type ImportFiles = Partial<Record<ImportFileKind, ImportFile>>;

export interface ImportReport {
  municipality: string;
  dryRun: boolean;
  /** Nothing was written when there are problems. */
  problems: (Problem & { file: ImportFileKind; fileName: string })[];
  /** Where the import interpreted something (a column it skipped, a value kept as «annet»); they stop nothing. */
  warnings: (Problem & { file: ImportFileKind; fileName: string })[];
  directory?: { saved: number; retired: number; unchanged: number };
  people?: {
    added: number;
    changed: number;
    unchanged: number;
    /** People in the file who have never written to the bot (pre-install the app for them). */ neverUsed: number;
  };
  cases?: { added: number; unchanged: number; references: { line: number; externalId: string; reference: string; isNew: boolean }[] };
  /** Reminders scheduled for the new cases and training deadlines. */
  reminders: number;
}

export interface ImportOptions {
  importedBy: string;
  importedByName?: string;
  dryRun: boolean;
  allowLargeRetire?: boolean;
  /** Departments as the people file names them → the municipality's units (the Entra list's «Department»). */
  units?: Record<string, string>;
}

export interface ImportServiceDeps {
  store: Store;
  /** Who has a chat with the bot: the report tells how many imported people never wrote to it. */
  references: Pick<ConversationReferences, 'people'>;
  municipalities: Municipalities;
  directory: DirectoryService;
  roles: Roles;
  cases: CaseService;
  schedule: ReminderSchedule;
  audit: AuditLog;
  now?: () => Date;
}

/** The sheet of a workbook each kind of file is read from (else its first sheet). */
const SHEET_NAMES: Record<ImportFileKind, readonly string[]> = {
  directory: ['directory', 'tjenester', 'tjenesteoversikt'],
  people: ['people', 'personer', 'ansatte', 'users', 'brukere'],
  cases: ['cases', 'saker', 'individuelle planer'],
};

/** Attempts when a case is reported in chat between reading the reference counter and writing. */
const ATTEMPTS = 3;

/**
 * Brings a KE's existing work into the bot: directory, people and cases, from files. Every file is
 * validated whole before anything is written, and then everything is written in one all-or-nothing
 * batch (`Store.writeAll`). Re-running the same files changes nothing: people are keyed by Entra
 * object id, cases by `externalId`. Each service builds the writes for its own container.
 */
export class ImportService {
  constructor(private readonly deps: ImportServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * Validates, and unless `dryRun` (or a problem) writes. `importedBy` is the audit identity. A
   * directory file that would retire more than half of the directory is a problem unless
   * `allowLargeRetire` says someone saw that and confirmed it (the chat's «Importer», the CLI's `--allow-retire`).
   */
  async run(municipalityId: string, files: ImportFiles, options: ImportOptions): Promise<ImportReport> {
    for (let attempt = 1; ; attempt++) {
      const { report, ops } = await this.plan(await this.deps.municipalities.require(municipalityId), files, options);
      if (report.problems.length > 0 || options.dryRun) return report;
      try {
        await this.deps.store.writeAll(ops);
      } catch (error) {
        if (error instanceof ConflictError && attempt < ATTEMPTS) continue;
        throw error;
      }
      if (report.directory) this.deps.directory.applied(municipalityId);
      return report;
    }
  }

  private async plan(municipality: Municipality, files: ImportFiles, options: ImportOptions): Promise<{ report: ImportReport; ops: WriteOp[] }> {
    const today = osloParts(this.now()).date;
    const m = municipality.id;
    const report: ImportReport = { municipality: m, dryRun: options.dryRun, problems: [], warnings: [], reminders: 0 };
    const problemsOf = (file: ImportFileKind, problems: readonly Problem[]) =>
      report.problems.push(...problems.map((problem) => ({ ...problem, file, fileName: files[file]!.name })));
    const warningsOf = (file: ImportFileKind, warnings: readonly Problem[]) =>
      report.warnings.push(...warnings.map((warning) => ({ ...warning, file, fileName: files[file]!.name })));
    /** A file as a table: a workbook's sheet for its kind, or CSV text; a workbook that cannot be read is one problem. */
    const tableOf = async (file: ImportFileKind) => {
      const input = await tableInput(files[file]!, SHEET_NAMES[file]);
      if (input === undefined) problemsOf(file, [{ line: 1, key: 'import.problem.workbook' }]);
      return input ?? '';
    };

    let entries: DirectoryEntry[] | undefined;
    if (files.directory) {
      const read = readDirectoryFile(files.directory.name, decodeText(files.directory.bytes));
      problemsOf('directory', read.problems);
      if (read.municipality && read.municipality !== m)
        problemsOf('directory', [{ line: 1, key: 'import.problem.otherMunicipality', params: { found: read.municipality, expected: m } }]);
      entries = read.entries;
    }
    let people: PersonRow[] = [];
    if (files.people) {
      const read = readPeople(await tableOf('people'), today, {
        units: new Map(Object.entries(options.units ?? {}).map(([from, to]) => [from.toLocaleLowerCase('nb'), to])),
        known: peopleByEmail(await this.deps.roles.people(m)),
      });
      problemsOf('people', read.problems);
      warningsOf('people', read.warnings);
      people = read.people;
    }
    let caseRows: CaseRow[] = [];
    if (files.cases) {
      const known = await this.references(m, entries, people);
      const read = readCases(await tableOf('cases'), today, known);
      problemsOf('cases', read.problems);
      warningsOf('cases', read.warnings);
      caseRows = read.cases;
    }
    if (report.problems.length > 0) return { report, ops: [] };

    const ops: WriteOp[] = [];
    if (entries) {
      const directory = await this.deps.directory.importOps(m, entries);
      ops.push(...directory.ops);
      report.directory = { saved: directory.saved, retired: directory.retired, unchanged: directory.unchanged };
      if (directory.retired * 2 > directory.activeBefore && !options.allowLargeRetire) {
        problemsOf('directory', [{ line: 1, key: 'import.problem.largeRetire', params: { retired: directory.retired, total: directory.activeBefore } }]);
        return { report, ops: [] };
      }
    }

    const existing = await this.deps.cases.existingReferences(
      m,
      caseRows.map((row) => importedCaseId(m, row.existing.externalId)),
    );
    const fresh = caseRows.filter((row) => !existing.has(importedCaseId(m, row.existing.externalId)));
    const { references, op: counter } = await this.deps.cases.reserveReferences(m, fresh.length);
    const at = this.now().toISOString();
    const created: Case[] = fresh.map((row, index) =>
      importedCase(row.existing, {
        reference: references[index]!,
        municipality: m,
        importedBy: options.importedBy,
        importedByName: options.importedByName,
        at,
      }),
    );

    const rolesChange = await this.deps.roles.importOps(m, people, trainingFrom(fresh, created));
    ops.push(
      ...rolesChange.ops,
      ...(await this.deps.municipalities.membershipOps(
        municipality,
        people.map((person) => person.userId),
      )),
    );
    if (files.people) {
      const reachable = new Set((await this.deps.references.people(m)).map((person) => person.userId));
      const neverUsed = people.filter((person) => !reachable.has(person.userId)).length;
      report.people = { added: rolesChange.added, changed: rolesChange.changed, unchanged: rolesChange.unchanged, neverUsed };
    }

    if (counter) ops.push(counter);
    ops.push(...this.deps.cases.importOps(m, created, options.importedBy));
    const reminders = await this.deps.schedule.importOps(m, created, rolesChange.trainingStarted);
    ops.push(...reminders);
    report.reminders = reminders.length;
    if (files.cases) {
      const referenceOf = new Map(created.map((c) => [c.id, c.reference]));
      report.cases = {
        added: created.length,
        unchanged: caseRows.length - created.length,
        references: caseRows.map((row) => {
          const id = importedCaseId(m, row.existing.externalId);
          return { line: row.line, externalId: row.existing.externalId, reference: referenceOf.get(id) ?? existing.get(id) ?? '', isNew: referenceOf.has(id) };
        }),
      };
    }
    if (ops.length > 0) {
      ops.push(
        this.deps.audit.entryOp(m, {
          actor: options.importedBy,
          action: 'import.run',
          target: 'import/*',
          details: {
            directory: entries?.length ?? null,
            people: people.length,
            cases: created.length,
            files: Object.values(files)
              .map((file) => file.name)
              .join(', '),
          },
        }),
      );
    }
    return { report, ops };
  }

  /** What a case row may refer to: the services, people and units of the files, or else of the store. */
  private async references(m: string, entries: readonly DirectoryEntry[] | undefined, people: readonly PersonRow[]) {
    const services = new Set((entries ?? (await this.deps.directory.list(m))).filter((entry) => !entry.retired).map((entry) => entry.id));
    const known = new Map<string, { name: string; unit?: string }>();
    const emails = new Map<string, string>();
    for (const person of await this.deps.roles.people(m)) {
      known.set(person.userId, person);
      if (person.email) emails.set(person.email.toLowerCase(), person.userId);
    }
    for (const person of people) {
      known.set(person.userId, { name: person.name, ...(person.unit ? { unit: person.unit } : {}) });
      if (person.email) emails.set(person.email.toLowerCase(), person.userId);
    }
    const units = new Set([...known.values()].map((person) => person.unit).filter((unit): unit is string => Boolean(unit)));
    return { services, people: known, units, emails };
  }
}

/** Training per coordinator from the new cases: done on the date a row gives, else the deadline runs from the first appointment. */
function trainingFrom(rows: readonly CaseRow[], created: readonly Case[]): Map<string, ImportedTraining> {
  const training = new Map<string, ImportedTraining>();
  rows.forEach((row, index) => {
    const coordinator = created[index]!.coordinator;
    if (!coordinator) return;
    const current = training.get(coordinator.userId) ?? {};
    if (row.trainingCompletedOn)
      current.completedOn = current.completedOn && current.completedOn > row.trainingCompletedOn ? current.completedOn : row.trainingCompletedOn;
    if (!current.startedAt || coordinator.appointedAt < current.startedAt) current.startedAt = coordinator.appointedAt;
    training.set(coordinator.userId, current);
  });
  return training;
}
