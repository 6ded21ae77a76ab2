import { AuditLog } from './audit/AuditLog.js';
import { CaseService, type CaseEventSink } from './cases/CaseService.js';
import { DirectoryService } from './directory/DirectoryService.js';
import { searchLanguage } from './directory/searchLanguage.js';
import { Municipalities } from './municipalities/Municipalities.js';
import { ImportService } from './onboarding/ImportService.js';
import { OverviewService } from './overview/OverviewService.js';
import { TrainingService } from './training/TrainingService.js';
import { ReminderSchedule } from './reminders/ReminderSchedule.js';
import { Roles } from './roles/Roles.js';
import type { Store } from './store/Store.js';

/** The domain services over one store: what the bot and the command-line tools share. */
export interface Services {
  store: Store;
  municipalities: Municipalities;
  roles: Roles;
  audit: AuditLog;
  directory: DirectoryService;
  schedule: ReminderSchedule;
  cases: CaseService;
  imports: ImportService;
  overview: OverviewService;
  training: TrainingService;
}

export interface ServiceOptions {
  /** Local trials only: the municipality of tenants that are not connected. */
  defaultMunicipality?: string;
  directoryRefreshMs?: number;
  /** Carried out after the reminder schedule on every case change. */
  caseEvents?: readonly CaseEventSink[];
  /** Told when a case has notices waiting in its outbox (the bot delivers them at once). */
  onNotices?: (municipality: string, caseId: string) => void;
  /** The clock (tests fix it). */
  now?: () => Date;
}

/** Builds the domain services, wired to each other, over a store. */
export function createServices(store: Store, options: ServiceOptions = {}): Services {
  // Removal of a municipality asks the case service whether it still holds cases.
  const municipalities: Municipalities = new Municipalities({
    store,
    fallback: options.defaultMunicipality,
    holdsCases: (m): Promise<boolean> => cases.holdsAny(m),
  });
  const roles = new Roles(store);
  const audit = new AuditLog(store, options.now);
  const now = options.now;
  const directory = new DirectoryService({ store, roles, audit, language: searchLanguage(), refreshMs: options.directoryRefreshMs ?? 0, now });
  const schedule: ReminderSchedule = new ReminderSchedule({ store, roles, municipalities, openCases: (m) => cases.open(m), now });
  const cases: CaseService = new CaseService({ store, audit, events: [schedule, ...(options.caseEvents ?? [])], onNotices: options.onNotices, now });
  const imports = new ImportService({ store, municipalities, directory, roles, cases, schedule, audit, now });
  const overview = new OverviewService({ cases, roles, schedule, now });
  const training = new TrainingService({ store, roles, schedule, audit, overview, now });
  return { store, municipalities, roles, audit, directory, schedule, cases, imports, overview, training };
}
