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
import { ConversationReferences } from './conversation/ConversationReferences.js';
import { CoordinationService, type WorkNotice } from './coordination/CoordinationService.js';
import { pickablePeople } from './roles/people.js';
import type { Store } from './store/Store.js';
import { QuestionLog } from './unanswered/QuestionLog.js';
import { UnansweredQuestions } from './unanswered/UnansweredQuestions.js';

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
  references: ConversationReferences;
  coordination: CoordinationService;
  unanswered: UnansweredQuestions;
  /** What the directory's answers teach: this process's memory of recent answers, over `unanswered`. */
  answers: QuestionLog;
}

export interface ServiceOptions {
  /** Tells a person about the work of a case (partners, meetings, tasks); the bot sends cards, the command-line tools nothing. */
  workNotices?: (municipality: string, userId: string, notice: WorkNotice) => Promise<void>;
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
  const references = new ConversationReferences(store);
  const schedule: ReminderSchedule = new ReminderSchedule({
    store,
    roles,
    municipalities,
    openCases: (m) => cases.open(m),
    changedCases: (m, since) => cases.changedSince(m, since),
    now,
  });
  const coordination: CoordinationService = new CoordinationService({
    store,
    audit,
    schedule,
    brief: (m, caseId) => cases.brief(m, caseId),
    people: async (m) => {
      const [picked, known] = await Promise.all([pickablePeople(roles, references, m), roles.people(m)]);
      const units = new Map(known.map((p) => [p.userId, p.unit]));
      return picked.map((p) => ({ ...p, ...(units.get(p.userId) ? { unit: units.get(p.userId)! } : {}) }));
    },
    emailOf: (m, userId) => roles.emailOf(m, userId),
    notify: options.workNotices ?? (async () => {}),
    now,
  });
  const cases: CaseService = new CaseService({
    store,
    audit,
    events: [schedule, coordination, ...(options.caseEvents ?? [])],
    onNotices: options.onNotices,
    now,
  });
  const imports = new ImportService({ store, references, municipalities, directory, roles, cases, schedule, audit, now });
  const overview = new OverviewService({ cases, roles, schedule, overdueTasks: (m) => coordination.overdueByCase(m), now });
  const training = new TrainingService({ store, roles, schedule, audit, overview, now });
  const unanswered = new UnansweredQuestions({ store, roles, audit, reader: directory, now });
  const answers = new QuestionLog(unanswered, now);
  return { store, municipalities, roles, audit, directory, schedule, cases, imports, overview, training, references, coordination, unanswered, answers };
}
