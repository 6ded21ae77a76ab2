/**
 * Every card template of `cards/`, expanded by its render function with representative data: the
 * states a user meets (empty and full lists, notices, forms new and filled in). A `Record` over
 * `CardName`, so a new template without a sample fails the type check.
 */
import type { Case } from '../../../src/cases/Case.js';
import {
  approvalCard,
  birthFormCard,
  caseDetailsCard,
  caseGoneCard,
  caseHistoryCard,
  caseListCard,
  caseNotificationCard,
  changeFormCard,
  closeFormCard,
  evaluationFormCard,
  reportFormCard,
  reportReceiptCard,
  startPlanCard,
  transferFormCard,
  welcomeCoordinatorCard,
} from '../../../src/cases/cards.js';
import type { CardAttachment, CardName } from '../../../src/cards/expandCard.js';
import { languageCard, menuCard } from '../../../src/conversation/cards.js';
import type { Meeting, Partner, Task } from '../../../src/coordination/CaseWork.js';
import { caseWorkCard, meetingCard, meetingFormCard, myMeetingsCard, myTasksCard, referatFormCard, taskCard, workNoticeFor } from '../../../src/coordination/cards.js';
import {
  directoryEditCard,
  directoryExportCard,
  directoryNoHitsCard,
  directoryResultsCard,
  directorySearchCard,
} from '../../../src/directory/cards.js';
import { seedEntries } from '../../../src/directory/seedData.js';
import { guidanceAnswerCard, guidanceMenuCard } from '../../../src/guidance/cards.js';
import type { Translate } from '../../../src/i18n/translate.js';
import { importHelpCard, importReportCard, municipalityChoiceCard } from '../../../src/onboarding/cards.js';
import type { ImportReport } from '../../../src/onboarding/ImportService.js';
import { overviewCard } from '../../../src/overview/cards.js';
import type { OverviewResult } from '../../../src/overview/OverviewService.js';
import { privacyRequestCard } from '../../../src/privacy/cards.js';
import { reminderDigestCard, reminderSettingsCard } from '../../../src/reminders/cards.js';
import { defaultReminderSettings } from '../../../src/reminders/ReminderSettings.js';
import type { ScheduledReminder } from '../../../src/reminders/rules.js';
import { rolesCard, rolesPickCard } from '../../../src/roles/cards.js';
import { competenceCard, courseAdminCard, courseCancelledCard, courseFormCard, myCoordinatorsCard, trainingOverviewCard } from '../../../src/training/cards.js';
import type { Course } from '../../../src/training/Course.js';
import { unansweredCard, unansweredKeywordsCard } from '../../../src/unanswered/cards.js';

const NOW = new Date('2026-12-07T09:00:00Z');
const at = (iso: string) => `${iso}T09:00:00.000Z`;
const services = seedEntries('rana');

const caseOf = (patch: Partial<Case> = {}): Case => ({
  id: 'case-1',
  reference: 'RANA-2026-0001',
  municipality: 'rana',
  state: 'planInProgress',
  report: {
    resident: { name: 'Ola Nordmann', birthDate: '2014-05-06' },
    ageGroup: 'child',
    servicesInvolved: ['rana-bup', 'rana-pp-tjenesten'],
    need: 'Trenger koordinering mellom skole, BUP og fysioterapi.',
    consent: { givenBy: 'guardian', form: 'written', date: '2026-11-20' },
    reporter: { userId: 'reporter', unit: 'Selfors skole' },
  },
  createdAt: at('2026-11-20'),
  updatedAt: at('2026-11-24'),
  declinedProposals: [],
  previousCoordinators: [],
  coordinator: { userId: 'kari', name: 'Kari Koordinator', unit: 'Hjemmetjenesten', appointedAt: at('2026-11-23'), approvedBy: 'leader', proposalId: 'p0' },
  history: [
    { at: at('2026-11-20'), by: 'reporter', byName: 'Rita Melder', event: 'report' },
    { at: at('2026-11-21'), by: 'ke', byName: 'Kåre KE', event: 'accept' },
  ],
  ...patch,
});
const proposed = caseOf({
  state: 'coordinatorProposed',
  coordinator: undefined,
  proposal: { id: 'p1', coordinator: { userId: 'kari', name: 'Kari Koordinator', unit: 'Hjemmetjenesten' }, proposedBy: 'ke', proposedAt: at('2026-11-22'), returnTo: 'accepted' },
});
const expecting = caseOf({ state: 'accepted', report: { ...caseOf().report, kind: 'childCoordinator', expectedChild: true, resident: { name: 'Mor Nordmann', birthDate: '2027-02-01' } } });

const brief = { id: 'case-1', reference: 'RANA-2026-0001', municipality: 'rana', state: 'planInProgress' as const, residentName: 'Ola Nordmann', coordinator: { userId: 'kari', name: 'Kari Koordinator', unit: 'Hjemmetjenesten' } };
const partners: Partner[] = [
  { id: 'pa1', caseId: 'case-1', municipality: 'rana', kind: 'internal', userId: 'per', name: 'Per Lærer', unit: 'Selfors skole', role: 'kontaktlærer', addedBy: 'kari', addedAt: at('2026-11-25') },
  { id: 'pa2', caseId: 'case-1', municipality: 'rana', kind: 'external', organisation: 'Helgelandssykehuset, BUP', role: 'behandler', phone: '75125000', email: 'bup@helgelandssykehuset.no', addedBy: 'kari', addedAt: at('2026-11-25') },
];
const meeting: Meeting = {
  id: 'm1',
  caseId: 'case-1',
  reference: 'RANA-2026-0001',
  municipality: 'rana',
  kind: 'coordination',
  startsAt: '2026-12-10T08:00:00.000Z',
  endsAt: '2026-12-10T09:00:00.000Z',
  place: 'Selfors skole, møterom 2',
  online: true,
  participants: ['pa1', 'pa2'],
  residentTakesPart: true,
  agenda: 'Status, skole, plan for våren',
  referent: 'per',
  state: 'planned',
  declined: [],
  version: 2,
  createdBy: 'kari',
  createdAt: at('2026-11-25'),
  updatedAt: at('2026-11-25'),
};
const held: Meeting = {
  ...meeting,
  id: 'm0',
  startsAt: '2026-11-26T08:00:00.000Z',
  endsAt: '2026-11-26T09:00:00.000Z',
  referat: { attended: ['pa1'], residentPresent: true, agreed: ['Skolen søker PPT', 'Nytt møte i desember'], recordedBy: 'kari', recordedAt: at('2026-11-26') },
};
const task: Task = {
  id: 't1',
  caseId: 'case-1',
  reference: 'RANA-2026-0001',
  municipality: 'rana',
  meetingId: 'm0',
  what: 'Sende henvisning til PPT',
  owner: { kind: 'partner', partnerId: 'pa1' },
  ownerUserId: 'per',
  dueOn: '2026-12-15',
  state: 'open',
  createdBy: 'kari',
  createdAt: at('2026-11-26'),
  updatedAt: at('2026-11-26'),
};
const overdue: Task = { ...task, id: 't2', what: 'Ringe fastlegen', owner: { kind: 'coordinator' }, ownerUserId: 'kari', dueOn: '2026-12-01' };
const course: Course = {
  id: 'c1',
  municipality: 'rana',
  kind: 'school',
  name: 'Koordinatorskolen våren 2027',
  sessions: [
    { id: 's1', startsAt: '2027-03-10T08:00:00.000Z', endsAt: '2027-03-10T11:30:00.000Z' },
    { id: 's2', startsAt: '2027-03-17T08:00:00.000Z', endsAt: '2027-03-17T11:30:00.000Z' },
  ],
  place: 'Rådhuset',
  capacity: 20,
  participants: [{ userId: 'kari', name: 'Kari Koordinator', signedUpAt: at('2026-12-01') }],
  attendance: {},
  createdBy: 'ke',
  createdAt: at('2026-12-01'),
} as Course;
const reminder: ScheduledReminder = {
  key: 'evaluation:case-1',
  kind: 'evaluation',
  to: { kind: 'user', userId: 'kari' },
  dueAt: at('2026-12-07'),
  on: '2026-12-14',
  caseId: 'case-1',
  reference: 'RANA-2026-0001',
};
const importReport = (dryRun: boolean, problems: ImportReport['problems'] = []): ImportReport => ({
  dryRun,
  municipality: 'rana',
  problems,
  warnings: [{ file: 'people', fileName: 'entra-users.csv', line: 1, key: 'import.problem.invalidField', params: { column: 'Office' } }],
  directory: { saved: 2, retired: 0, unchanged: 19 },
  people: { added: 3, changed: 1, unchanged: 10, neverUsed: 2 },
  cases: { added: 4, unchanged: 0, references: [{ line: 2, externalId: 'G-17', reference: 'RANA-2026-0002', isNew: true }] },
  reminders: 6,
});

type Samples = Record<CardName, (t: Translate, overview: OverviewResult) => CardAttachment[]>;

export const samples: Samples = {
  menu: (t) => [menuCard(t, { municipalityName: 'Rana kommune' }), menuCard(t, { municipalityName: 'Rana kommune', welcome: true })],
  language: (t) => [languageCard(t)],
  directorySearch: (t) => [directorySearchCard(t)],
  directoryResults: (t) => {
    const answer = { id: '11111111-1111-4111-8111-111111111111', question: 'støttekontakt', offered: [services[0]!.id, services[1]!.id] };
    const view = { heading: 'Dette fant jeg', entries: services.slice(0, 2), canEdit: true, footer: 'Viser 2 av 5.' };
    return [
      directoryResultsCard(t, view),
      ...(['ask', 'thanks', 'sorry', 'noted'] as const).map((stage) =>
        directoryResultsCard(t, { ...view, feedback: { stage, answer, fallback: [{ name: 'Servicetorget', phone: '75145180' }], categories: ['Barn og unge', 'Helse'] } }),
      ),
      directoryResultsCard(t, { ...view, canEdit: false, shared: true, viewFor: { teamsUserId: '29:u', answer } }),
    ];
  },
  directoryNoHits: (t) => [
    directoryNoHitsCard(t, { query: 'qwxyz', categories: ['Barn og unge', 'Helse'], nearest: ['Helse'], fallback: [{ name: 'Servicetorget', phone: '75145180' }] }),
    directoryNoHitsCard(t, { query: 'qwxyz', categories: [], nearest: [], fallback: [] }),
  ],
  directoryEdit: (t) => [directoryEditCard(t), directoryEditCard(t, services[0]), directoryEditCard(t, undefined, { keywords: ['pause', 'omsorg'], solves: 'omsorg paus' })],
  directoryExport: (t) => [directoryExportCard(t, { csv: 'https://bot.example/a', json: 'https://bot.example/b', hsds: 'https://bot.example/c' })],
  reportForm: (t) => [
    reportFormCard(t, { services, submissionId: 'sub-1', units: ['Hjemmetjenesten', 'Selfors skole'], reporterUnit: 'Selfors skole' }),
    reportFormCard(t, { services, searchable: true, submissionId: 'sub-2', units: [] }),
  ],
  reportReceipt: (t) => [reportReceiptCard(t, caseOf({ state: 'reported' }))],
  caseNotification: (t) => [
    caseNotificationCard(t, { kind: 'reportReceived', caseId: 'case-1', reference: 'RANA-2026-0001', state: 'reported' }),
    caseNotificationCard(t, { kind: 'reportReceived', caseId: 'case-1', reference: 'RANA-2026-0001', visible: false }),
  ],
  caseDetails: (t) => [
    caseDetailsCard(t, {
      case: caseOf(),
      commands: ['reportChange', 'requestTransfer', 'close', 'recordEvaluation'],
      showPersonal: true,
      people: [{ userId: 'kari', name: 'Kari Koordinator' }],
      serviceNames: new Map(services.map((s) => [s.id, s.name])),
      notice: { text: 'Lagret.', tone: 'good' },
      work: { facts: [{ title: 'Neste møte', value: '10.12.2026 kl. 09:00' }], link: { verb: 'workOpen', title: 'Samarbeid og møter' } },
    }),
    caseDetailsCard(t, {
      case: proposed,
      commands: [],
      showPersonal: false,
      people: [],
      serviceNames: new Map(),
    }),
    caseDetailsCard(t, { case: caseOf({ state: 'accepted', coordinator: undefined }), commands: ['proposeCoordinator', 'decline'], units: ['Hjemmetjenesten'], showPersonal: true, people: [{ userId: 'kari', name: 'Kari Koordinator' }], serviceNames: new Map(), contactPhone: '75145180' }),
  ],
  caseGone: () => [caseGoneCard('Du har ikke lenger tilgang til denne saken.')],
  approval: (t) => [approvalCard(t, proposed, 'p1')],
  roles: (t) => [
    rolesCard(t, { person: { userId: 'kari', name: 'Kari Koordinator' }, current: { roles: ['keMember'], unit: 'Hjemmetjenesten', leads: [] }, municipalityName: 'Rana kommune', others: [] }),
    rolesCard(t, { person: { userId: 'kari', name: 'Kari Koordinator' }, current: { roles: [], leads: ['Hjemmetjenesten'] }, municipalityName: 'Rana kommune', others: [{ id: 'hemnes', name: 'Hemnes kommune' }] }),
  ],
  rolesPick: (t) => [rolesPickCard(t, [{ userId: 'kari', name: 'Kari Koordinator' }])],
  welcomeCoordinator: (t) => [welcomeCoordinatorCard(t, caseOf({ state: 'coordinatorAppointed' })), welcomeCoordinatorCard(t, expecting)],
  startPlan: (t) => [startPlanCard(t, caseOf({ state: 'coordinatorAppointed' }))],
  caseList: (t) => [
    caseListCard(t, { list: 'mine', cases: [caseOf(), proposed], showFilter: true, states: ['reported', 'planInProgress'], more: 'Viser 2 av 14.' }),
    caseListCard(t, { list: 'leading', cases: [], showFilter: false, states: [] }),
  ],
  changeForm: (t) => [changeFormCard(t, caseOf())],
  transferForm: (t) => [transferFormCard(t, caseOf(), [{ userId: 'per', name: 'Per Lærer' }])],
  closeForm: (t) => [closeFormCard(t, caseOf()), closeFormCard(t, caseOf(), 'Ring Helgelandssykehuset, BUP: 75 12 50 00')],
  caseHistory: (t) => [caseHistoryCard(t, caseOf())],
  guidanceMenu: (t) => [guidanceMenuCard(t, 'nb')],
  guidanceAnswer: (t) => [guidanceAnswerCard(t, 'nb', 'closing'), guidanceAnswerCard(t, 'nb', 'ke', { name: 'Koordinerende enhet', phone: '75145000' })],
  reminderDigest: (t) => [reminderDigestCard(t, [{ reminder, trainingMonths: 6 }]), reminderDigestCard(t, [{ reminder, trainingMonths: 6 }, { reminder: { ...reminder, key: 'k2', kind: 'contact' }, trainingMonths: 6 }])],
  privacyRequest: (t) => [privacyRequestCard(t, 'access'), privacyRequestCard(t, 'erase')],
  reminderSettings: (t) => [reminderSettingsCard(t, { settings: defaultReminderSettings, municipalityName: 'Rana kommune' })],
  municipalityChoice: (t) => [municipalityChoiceCard(t, [{ id: 'rana', name: 'Rana kommune' }, { id: 'hemnes', name: 'Hemnes kommune' }])],
  importHelp: (t) => [importHelpCard(t, 'https://bot.example/templates')],
  importReport: (t) => [
    importReportCard(t, importReport(true), 'Rana kommune', { files: '[]', digest: 'a'.repeat(64) }),
    importReportCard(t, importReport(true, [{ file: 'cases', fileName: 'saker.xlsx', line: 4, key: 'import.problem.invalidDate', params: { column: 'fødselsdato', value: '31.02.2014' } }]), 'Rana kommune'),
    importReportCard(t, importReport(false), 'Rana kommune'),
  ],
  overview: (t, overview) => [overviewCard(t, overview, { municipalityName: 'Rana kommune', choice: { kind: 'thisYear' }, tabUrl: 'https://teams.microsoft.com/l/entity/x/y' })],
  trainingOverview: (t) => [
    trainingOverviewCard(t, { userId: 'kari', status: { overdue: false, refresherOverdue: false, deadline: '2027-05-01' }, courses: [course], isAdmin: true, now: NOW.toISOString(), notice: { text: 'Du er påmeldt.', tone: 'good' } }),
    trainingOverviewCard(t, { userId: 'kari', status: { overdue: false, refresherOverdue: false }, courses: [], isAdmin: false, now: NOW.toISOString() }),
  ],
  courseForm: (t) => [courseFormCard(t)],
  courseAdmin: (t) => [courseAdminCard(t, course, NOW.toISOString()), courseAdminCard(t, course, '2027-03-20T09:00:00.000Z', { text: 'Oppmøte lagret.', tone: 'good' })],
  myCoordinators: (t) => [
    myCoordinatorsCard(t, ['Hjemmetjenesten'], [{ userId: 'kari', name: 'Kari Koordinator', unit: 'Hjemmetjenesten', status: { overdue: true, refresherOverdue: false, deadline: '2026-11-01' }, cases: [{ reference: 'RANA-2026-0001', state: 'planInProgress' }] }]),
    myCoordinatorsCard(t, ['Hjemmetjenesten'], []),
  ],
  courseCancelled: (t) => [courseCancelledCard(t, 'Koordinatorskolen våren 2027')],
  competence: (t) => [
    competenceCard(t, { coordinator: { userId: 'kari', name: 'Kari Koordinator', unit: 'Hjemmetjenesten' }, editable: true, fromList: true }),
    competenceCard(t, {
      coordinator: { userId: 'kari', name: 'Kari Koordinator', unit: 'Hjemmetjenesten' },
      mapping: { userId: 'kari', rows: { law: { assessment: 'good', measures: 'Ingen' } }, nextReviewOn: '2027-12-01', updatedBy: 'leader', updatedAt: at('2026-12-01') },
      editable: false,
      fromList: false,
      notice: 'Lagret.',
    } as Parameters<typeof competenceCard>[1]),
  ],
  caseWork: (t) => [
    caseWorkCard(t, { brief, partners, meetings: [meeting, held], tasks: [task, overdue], people: [{ userId: 'per', name: 'Per Lærer' }], now: NOW, editable: true, notice: { text: 'Lagt til.', tone: 'good' } }),
    caseWorkCard(t, { brief, partners: [], meetings: [], tasks: [], people: [], now: NOW, editable: false }),
  ],
  meetingForm: (t) => [meetingFormCard(t, { caseId: 'case-1', reference: 'RANA-2026-0001', partners, now: NOW }), meetingFormCard(t, { caseId: 'case-1', reference: 'RANA-2026-0001', partners, meeting, now: NOW })],
  meeting: (t) => [
    meetingCard(t, { meeting, brief, partners, tasks: [], manages: true, writesReferat: true, attendees: ['per@rana.kommune.no'], viewer: 'kari', now: NOW }),
    meetingCard(t, { meeting: held, brief, partners, tasks: [task], manages: false, writesReferat: false, attendees: [], viewer: 'per', now: NOW, downloadUrl: 'https://bot.example/referat' }),
  ],
  referatForm: (t) => [referatFormCard(t, { meeting: { ...meeting, startsAt: '2026-12-01T08:00:00.000Z', endsAt: '2026-12-01T09:00:00.000Z' }, brief, partners, tasks: [], manages: true, writesReferat: true, attendees: [] })],
  task: (t) => [
    taskCard(t, { task, brief, partners, manages: false, owns: true, now: NOW }),
    taskCard(t, { task: overdue, brief, partners, manages: true, owns: false, now: NOW, notice: { text: 'Utsatt.', tone: 'good' } }),
  ],
  myWork: (t) => [myTasksCard(t, { tasks: [task, overdue], now: NOW }), myTasksCard(t, { tasks: [], now: NOW }), myMeetingsCard(t, { meetings: [meeting] }), myMeetingsCard(t, { meetings: [] })],
  workNotice: (t) => [
    workNoticeFor(t, 'per', { kind: 'partnerAdded', brief, role: 'kontaktlærer' }, NOW),
    workNoticeFor(t, 'per', { kind: 'meetingInvite', meeting, brief, partners }, NOW),
    workNoticeFor(t, 'per', { kind: 'tasksCancelled', reference: 'RANA-2026-0001', count: 2 }, NOW),
  ],
  birthForm: (t) => [birthFormCard(t, expecting)],
  evaluationForm: (t) => [evaluationFormCard(t, caseOf(), '2026-12-07')],
  unanswered: (t) => [
    unansweredCard(t, {
      groups: [{ group: 'omsorg paus', count: 3, questions: ['pause fra omsorgen', 'en helg fri'], offered: ['rana-mta'], latestAt: at('2026-12-06') }],
      names: new Map([['rana-mta', 'MTA']]),
      lastWeek: { missed: 3, solvedGroups: 1 },
      notice: 'Lagt til.',
    }),
    unansweredCard(t, { groups: [], names: new Map(), lastWeek: { missed: 0, solvedGroups: 0 }, digest: true }),
  ],
  unansweredKeywords: (t) => [
    unansweredKeywordsCard(t, {
      group: { group: 'omsorg paus', count: 3, questions: ['pause fra omsorgen'], offered: ['rana-mta'], latestAt: at('2026-12-06') },
      services,
      searchable: false,
      proposed: ['pause', 'omsorgen'],
    }),
  ],
};
