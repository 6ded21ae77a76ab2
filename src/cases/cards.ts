import {
  changeReasons,
  closeReasons,
  closingChecklistItems,
  leaveKinds,
  type Case,
  type CaseState,
  type ChangeReason,
  type CloseReason,
  type CommandType,
  type HistoryEntry,
  isChildCoordinatorCase,
} from './Case.js';
import type { NotificationKind } from './transitions.js';
import type { MessageKey } from '../i18n/messages.js';
import { osloDate, osloDateTime } from '../time/oslo.js';
import type { DirectoryEntry } from '../directory/DirectoryEntry.js';
import type { Translate } from '../i18n/translate.js';
import { expandCard, type CardAttachment } from '../cards/expandCard.js';
import { inert } from '../cards/inert.js';
import { formatPhone } from '../text/phone.js';
import { serviceChoice, withSearchableServices } from '../directory/cards.js';
import { EARLIER_SYSTEM, OPERATOR_PREFIX } from './importedCase.js';

/** The meldeskjema. `submissionId` makes a double click or a resent activity create one case. */
/** The meldeskjema. `units`: the municipality's known units to choose from (free text while it has none); `reporterUnit` preselected from the reporter's roles. */
export function reportFormCard(
  t: Translate,
  view: { services: readonly DirectoryEntry[]; searchable?: boolean; submissionId: string; units: readonly string[]; reporterUnit?: string },
): CardAttachment {
  const key = (k: string) => t(`report.form.${k}` as Parameters<Translate>[0]);
  const card = expandCard('reportForm', {
    labels: {
      ...Object.fromEntries(
        [
          'title',
          'intro',
          'residentName',
          'residentBirthDate',
          'ageGroup',
          'services',
          'need',
          'needPlaceholder',
          'consentHeading',
          'consentGiven',
          'consentGivenBy',
          'consentForm',
          'consentDate',
          'wishedCoordinator',
          'reporterUnit',
          'required',
          'consentRequired',
          'servicesRequired',
          'submit',
          'expectedHint',
          'childCoordinator',
          'childCoordinatorLabel',
          'childCoordinatorCriteria',
          'consentHint',
          'consentLabel',
        ].map((k) => [k, key(k)]),
      ),
      child: t('report.form.ageGroup.child'),
      adult: t('report.form.ageGroup.adult'),
      expected: t('report.form.ageGroup.expected'),
      resident: t('report.form.consentGivenBy.resident'),
      parents: t('report.form.consentGivenBy.parents'),
      nextOfKin: t('report.form.consentGivenBy.nextOfKin'),
      guardian: t('report.form.consentGivenBy.guardian'),
      oral: t('report.form.consentForm.oral'),
      written: t('report.form.consentForm.written'),
    },
    services: view.services.map(serviceChoice),
    submissionId: view.submissionId,
    units: view.units,
    reporterUnit: view.reporterUnit ?? '',
  });
  return view.searchable ? withSearchableServices(card, 'servicesInvolved') : card;
}

export function reportReceiptCard(t: Translate, c: Case): CardAttachment {
  return expandCard('reportReceipt', {
    title: t('report.receipt.title'),
    body: t('report.receipt.body'),
    referenceLabel: t('report.receipt.reference'),
    reference: c.reference,
    next: t('report.receipt.next'),
  });
}

/**
 * A proactive notice: what happened to which case reference, and a way in. Never health details.
 * It refreshes (`caseNotice`) to say where the case stands now, for those who still see it.
 */
export function caseNotificationCard(
  t: Translate,
  view: { kind: NotificationKind; caseId: string; reference: string; state?: CaseState; visible?: boolean },
): CardAttachment {
  const visible = view.visible ?? true;
  return expandCard('caseNotification', {
    text: t(`notify.${view.kind}`, { reference: view.reference }),
    status: view.state && visible ? t('case.statusNow', { state: t(`case.state.${view.state}`) }) : visible ? '' : t('case.noLongerVisible'),
    open: t('case.open'),
    canOpen: visible,
    caseId: view.caseId,
    reference: view.reference,
    kind: view.kind,
  });
}

/** What replaces a case card for someone who may no longer see the case: the reason, and nothing of the case. */
export function caseGoneCard(text: string): CardAttachment {
  return expandCard('caseGone', { text });
}

/** A line saying what happened to a case just now, at the top of its card. */
export interface CaseNotice {
  text: string;
  tone: 'good' | 'attention';
}

/** The card buttons that open a form or act directly, per command. */
const commandLinks: Partial<Record<CommandType, { verb: string; title: MessageKey }>> = {
  startPlan: { verb: 'caseStartForm', title: 'welcome.coordinator.start' },
  reportChange: { verb: 'caseChangeForm', title: 'case.reportChange' },
  requestTransfer: { verb: 'caseTransferForm', title: 'case.transfer' },
  close: { verb: 'caseCloseForm', title: 'case.close' },
  reopen: { verb: 'caseReopen', title: 'case.reopen' },
  recordBirth: { verb: 'caseBirthForm', title: 'case.recordBirth' },
  recordEvaluation: { verb: 'caseEvaluationForm', title: 'case.recordEvaluation' },
};

/**
 * The case as its viewer may see it. Who the resident is, the need and notes are shown only to
 * KE, the coordinator and the reporter; a leader sees the reference, status and coordinator.
 * The buttons are the commands the viewer may give now.
 */
export function caseDetailsCard(
  t: Translate,
  view: {
    case: Case;
    /** What just happened, said at the top (the result of the click, or why nothing changed). */
    notice?: CaseNotice;
    commands: readonly CommandType[];
    /** The municipality's known units, for the coordinator's unit when KE proposes. */
    units?: readonly string[];
    showPersonal: boolean;
    people: readonly { userId: string; name: string }[];
    serviceNames: ReadonlyMap<string, string>;
    /** KE's (or else the front desk's) number, for the appeal notice on a declined case. */
    contactPhone?: string;
    /** The case's work, for its coordinator and KE: facts (next meeting, tasks) and the way into it. */
    work?: { facts: { title: string; value: string }[]; link: { verb: string; title: string } };
  },
): CardAttachment {
  const c = view.case;
  const report = c.report;
  const change = c.change;
  const personal = view.showPersonal;
  const coordinatorName = (p: { name?: string; userId: string; unit: string }) => inert(`${p.name ?? p.userId} (${p.unit})`);
  const changeText =
    change?.kind === 'change'
      ? `${t(`change.reason.${change.reason}`)}${change.leaveKind ? ` – ${t(`change.leaveKind.${change.leaveKind}`).toLowerCase()}` : ''}, ${change.effectiveOn}`
      : change?.kind === 'transfer'
        ? t('case.transferFact', { name: inert(change.to.name ?? change.to.userId), unit: inert(change.to.unit) })
        : undefined;
  const replaceSuggested = change?.kind === 'transfer' || change?.reason === 'leavesPosition' || change?.reason === 'noLongerServices';
  return expandCard('caseDetails', {
    title: t('case.title', { reference: c.reference }),
    notice: view.notice?.text ?? '',
    noticeColor: view.notice?.tone === 'good' ? 'Good' : 'Attention',
    facts: [
      { title: t('case.state'), value: t(`case.state.${c.state}`) },
      { title: t('case.kind'), value: t(`case.kind.${report.kind ?? 'coordinator'}`) },
      ...(personal
        ? [
            {
              title: t('case.resident'),
              value: report.expectedChild
                ? t('case.expectedChild', { date: report.resident.birthDate, name: inert(report.resident.name) })
                : `${inert(report.resident.name)}, ${report.resident.birthDate} (${t(`report.form.ageGroup.${report.ageGroup}`)})`,
            },
          ]
        : []),
      { title: t('case.services'), value: report.servicesInvolved.map((id) => view.serviceNames.get(id) ?? id).join(', ') },
      ...(personal
        ? [
            {
              title: t('case.consent'),
              value: `${t(`report.form.consentGivenBy.${report.consent.givenBy}`)}, ${t(`report.form.consentForm.${report.consent.form}`).toLowerCase()}, ${report.consent.date}`,
            },
          ]
        : []),
      { title: t('case.reporterUnit'), value: inert(report.reporter.unit) },
      ...(personal && report.wishedCoordinator ? [{ title: t('case.wishedCoordinator'), value: inert(report.wishedCoordinator) }] : []),
      ...(personal && c.plan && report.ageGroup === 'child'
        ? [
            {
              title: t('case.childVoice'),
              value: c.plan.childVoice ? inert(c.plan.childVoice) : c.plan.checklist.childHeard ? t('case.childHeardYes') : t('case.childNotHeard'),
            },
          ]
        : []),
      ...(c.coordinator
        ? [
            {
              title: t('case.coordinatorFact'),
              value: t('case.coordinatorSince', { name: coordinatorName(c.coordinator), from: osloDate(new Date(c.coordinator.appointedAt)) }),
            },
          ]
        : []),
      ...(c.proposal ? [{ title: t('case.proposedFact'), value: coordinatorName(c.proposal.coordinator) }] : []),
      ...(c.plan ? [{ title: t('case.planStarted'), value: c.plan.startedAt }] : []),
      ...(changeText ? [{ title: t('case.changeFact'), value: changeText }] : []),
      ...(c.closure
        ? [
            {
              title: t('case.closedFact'),
              value: `${c.closure.closedOn}: ${t(`close.reason.${c.closure.reason}`)}${personal && c.closure.reasonText ? ` (${inert(c.closure.reasonText)})` : ''}`,
            },
          ]
        : []),
      ...(personal && c.decision?.outcome === 'declined' && c.decision.reason ? [{ title: t('case.declineReasonFact'), value: inert(c.decision.reason) }] : []),
      ...(view.work?.facts ?? []),
    ],
    // The right to appeal belongs on the case itself, not only in the one-off notice.
    appeal:
      c.state === 'declined' && personal
        ? `${t('case.appeal')}${view.contactPhone ? ` ${t('case.appealContact', { phone: formatPhone(view.contactPhone) })}` : ''}`
        : '',
    suggestion:
      change && view.commands.includes('proposeCoordinator')
        ? t(replaceSuggested ? 'case.suggest.replace' : 'case.suggest.close')
        : view.commands.includes('accept') && isChildCoordinatorCase(c)
          ? [t('case.childCriteria'), t('case.childCriteria.condition'), t('case.childCriteria.services'), t('case.childDecision')].join('\n\n')
          : '',
    needLabel: t('case.need'),
    need: personal ? report.need : '',
    noteText: personal ? (change?.note ?? '') : '',
    canDecide: view.commands.includes('accept'),
    canPropose: view.commands.includes('proposeCoordinator'),
    proposeDefault: change?.kind === 'transfer' ? { userId: change.to.userId, unit: change.to.unit } : { userId: '', unit: '' },
    people: view.people,
    units: view.units ?? [],
    caseId: c.id,
    step: c.history.length,
    links: [
      ...(view.work ? [view.work.link] : []),
      ...view.commands
        // Only an expected child's birth is recorded.
        .filter((command) => command !== 'recordBirth' || report.expectedChild)
        .flatMap((command) => (commandLinks[command] ? [{ verb: commandLinks[command].verb, title: t(commandLinks[command].title) }] : [])),
      { verb: 'caseHistory', title: t('case.history') },
    ],
    labels: {
      accept: t('case.accept'),
      decline: t('case.decline'),
      declineReason: t('case.declineReason'),
      proposeHeading: t('case.proposeHeading'),
      coordinator: t('case.coordinator'),
      unit: t('case.unit'),
      unitPlaceholder: t('case.unitPlaceholder'),
      propose: t('case.propose'),
      required: t('case.required'),
      note: t('case.changeNote'),
    },
  });
}

const choices = <T extends string>(values: readonly T[], title: (value: T) => string) => values.map((value) => ({ value, title: title(value) }));

/** The endringsskjema, with the seeds' reasons. */
export function changeFormCard(t: Translate, c: Case): CardAttachment {
  return expandCard('changeForm', {
    caseId: c.id,
    step: c.history.length,
    title: t('change.title', { reference: c.reference }),
    hint: t('change.hint'),
    reasons: choices(changeReasons, (reason) => t(`change.reason.${reason}`)),
    leaveKinds: choices(leaveKinds, (kind) => t(`change.leaveKind.${kind}`)),
    labels: {
      back: t('case.back'),
      reason: t('change.reason'),
      leaveKind: t('change.leaveKind'),
      effectiveOn: t('change.effectiveOn'),
      note: t('change.note'),
      required: t('case.required'),
      submit: t('change.submit'),
    },
  });
}

/** Overføring: the seeds' steps, and the colleague to hand over to. */
export function transferFormCard(t: Translate, c: Case, people: readonly { userId: string; name: string }[]): CardAttachment {
  return expandCard('transferForm', {
    caseId: c.id,
    step: c.history.length,
    title: t('transfer.title', { reference: c.reference }),
    hint: t('transfer.hint'),
    people,
    labels: { back: t('case.back'), person: t('transfer.person'), note: t('transfer.note'), required: t('transfer.required'), submit: t('transfer.submit') },
  });
}

/** Avslutning: reason, date and the seeds' closing checklist, every item required. */
/** Avslutning: reason, date and the seeds' closing checklist, every item required; `partnersNote` says who the bot tells and whom to call. */
export function closeFormCard(t: Translate, c: Case, partnersNote?: string): CardAttachment {
  const suggested = c.change?.kind === 'change' && (c.change.reason === 'needEnded' || c.change.reason === 'residentDeclinesPlan') ? c.change.reason : '';
  return expandCard('closeForm', {
    caseId: c.id,
    step: c.history.length,
    title: t('close.title', { reference: c.reference }),
    hint: partnersNote ? `${t('close.hint')}\n\n${partnersNote}` : t('close.hint'),
    reasons: choices(closeReasons, (reason) => t(`close.reason.${reason}`)),
    defaultReason: suggested,
    items: closingChecklistItems.map((id) => ({ id, title: t(`close.item.${id}`) })),
    yes: t('form.yes'),
    labels: { back: t('case.back'), reason: t('close.reason'), closedOn: t('close.closedOn'), required: t('close.required'), submit: t('close.submit') },
  });
}

/** Who did a step: a person by name, a step from the system a case was imported from, or municipal IT at the command line. */
function whoDid(t: Translate, entry: HistoryEntry): string {
  if (entry.by === EARLIER_SYSTEM) return t('history.earlierSystem');
  if (entry.by.startsWith(OPERATOR_PREFIX)) return t('history.operator', { name: inert(entry.by.slice(OPERATOR_PREFIX.length)) });
  return inert(entry.byName ?? entry.by);
}

/** The timeline of a case: coordinator periods and every event, newest last. */
export function caseHistoryCard(t: Translate, c: Case): CardAttachment {
  const day = (iso: string) => iso.slice(0, 10);
  const period = (p: { name?: string; userId: string; unit: string; appointedAt: string }, until?: string) =>
    until
      ? t('history.period', { name: inert(p.name ?? p.userId), unit: inert(p.unit), from: day(p.appointedAt), until: day(until) })
      : t('history.periodNow', { name: inert(p.name ?? p.userId), unit: inert(p.unit), from: day(p.appointedAt) });
  return expandCard('caseHistory', {
    caseId: c.id,
    title: t('history.title', { reference: c.reference }),
    periods: [
      ...c.previousCoordinators.map((p) => period(p, p.until)),
      ...(c.coordinator ? [period(c.coordinator, c.state === 'closed' ? c.closure?.at : undefined)] : []),
    ],
    events: c.history.map((entry) => ({ text: historyLine(t, entry), meta: t('history.by', { when: osloDateTime(entry.at), who: whoDid(t, entry) }) })),
    labels: { periods: t('history.periods'), events: t('history.events'), open: t('case.back') },
  });
}

/** One step of a case's history in words: what happened, with the coordinator and reason it concerns. */
export function historyLine(t: Translate, entry: HistoryEntry): string {
  const codeText = (entry: HistoryEntry) =>
    !entry.code
      ? ''
      : entry.event === 'reportChange'
        ? t(`change.reason.${entry.code as ChangeReason}`)
        : entry.event === 'close'
          ? t(`close.reason.${entry.code as CloseReason}`)
          : entry.event === 'import'
            ? t(`case.state.${entry.code as CaseState}`)
            : '';
  return t(`history.event.${entry.event}`, { coordinator: inert(entry.coordinator ?? ''), code: codeText(entry) });
}

/**
 * The leader's approval card (Universal Actions). The same function renders it open, decided or
 * replaced, so every copy — a second leader's, a stale one — refreshes to the truth.
 */
export function approvalCard(t: Translate, c: Case, proposalId: string): CardAttachment {
  const open = c.state === 'coordinatorProposed' && c.proposal?.id === proposalId;
  const proposed = open
    ? c.proposal!.coordinator
    : c.coordinator?.proposalId === proposalId
      ? c.coordinator
      : c.declinedProposals.find((p) => p.id === proposalId)?.coordinator;
  const declined = c.declinedProposals.find((p) => p.id === proposalId);
  const date = (iso: string) => iso.slice(0, 10);
  const outcome = open
    ? ''
    : c.coordinator?.proposalId === proposalId
      ? t('approval.approved', { date: date(c.coordinator.appointedAt) })
      : declined
        ? t('approval.declined', { date: date(declined.declinedAt) })
        : t('approval.closed');
  return expandCard('approval', {
    caseId: c.id,
    proposalId,
    title: t('approval.title', { reference: c.reference }),
    // A TextRun: plain text already.
    body: t('approval.body', { name: proposed?.name ?? proposed?.userId ?? '?', unit: proposed?.unit ?? '?' }),
    open,
    outcome,
    outcomeColor: c.coordinator?.proposalId === proposalId ? 'Good' : 'Attention',
    reasonLabel: t('approval.reason'),
    approveLabel: t('approval.approve'),
    declineLabel: t('approval.decline'),
  });
}

export const startChecklistItems = ['consentSigned', 'expectationsClarified', 'contactAgreed', 'partnersInformed', 'nextMeetingAgreed'] as const;

/** What the coordinator gets on approval: the case reference, what the role means, and the start checklist from the seeds. */
export function welcomeCoordinatorCard(t: Translate, c: Case): CardAttachment {
  return expandCard('welcomeCoordinator', {
    caseId: c.id,
    // A replacement coordinator takes over a plan already started; only a first appointment records the start.
    canStart: c.state === 'coordinatorAppointed',
    title: t(isChildCoordinatorCase(c) ? 'welcome.childCoordinator.title' : 'welcome.coordinator.title', { reference: c.reference }),
    intro: t('welcome.coordinator.intro'),
    roleHeading: t('welcome.coordinator.roleHeading'),
    role: t('welcome.coordinator.role'),
    checklistHeading: t('welcome.coordinator.checklistHeading'),
    checklist: t('welcome.coordinator.checklist'),
    training: t('welcome.coordinator.training'),
    childDuties: isChildCoordinatorCase(c) ? t('welcome.childCoordinator.duties') : '',
    childChecklist: isChildCoordinatorCase(c) ? t('welcome.childCoordinator.checklist') : '',
    startLabel: t('welcome.coordinator.start'),
    openLabel: t('case.open'),
  });
}

export function startPlanCard(t: Translate, c: Case): CardAttachment {
  return expandCard('startPlan', {
    caseId: c.id,
    step: c.history.length,
    title: t('start.title', { reference: c.reference }),
    hint: t('start.hint'),
    labels: {
      back: t('case.back'),
      startedAt: t('start.startedAt'),
      firstMeeting: t('start.firstMeeting'),
      evaluationOn: t('start.evaluationOn'),
      evaluationEveryMonths: t('start.evaluationEveryMonths'),
      required: t('start.required'),
      submit: t('start.submit'),
    },
    items: startChecklistItems.map((id) => ({ id, title: t(`start.item.${id}`) })),
    yes: t('form.yes'),
    // A child's own voice: heard, and how (barnekonvensjonen art. 12).
    isChild: c.report.ageGroup === 'child',
    childHeard: t('start.childHeard'),
    childVoice: t('start.childVoice'),
  });
}

/** An evaluation of the plan, the next date and, for a child, how the child was heard this time. */
export function evaluationFormCard(t: Translate, c: Case, today: string): CardAttachment {
  return expandCard('evaluationForm', {
    caseId: c.id,
    step: c.history.length,
    today,
    isChild: c.report.ageGroup === 'child',
    childVoice: c.plan?.childVoice ?? '',
    title: t('evaluation.title', { reference: c.reference }),
    hint: t('evaluation.hint'),
    labels: {
      back: t('case.back'),
      on: t('evaluation.on'),
      nextOn: t('evaluation.nextOn'),
      childVoice: t('evaluation.childVoice'),
      required: t('evaluation.required'),
      submit: t('evaluation.submit'),
    },
  });
}

/** An expected child is born: the child's name and birth date. */
export function birthFormCard(t: Translate, c: Case): CardAttachment {
  return expandCard('birthForm', {
    caseId: c.id,
    step: c.history.length,
    dueDate: c.report.resident.birthDate,
    title: t('birth.title', { reference: c.reference }),
    hint: t('birth.hint'),
    labels: { back: t('case.back'), name: t('birth.name'), birthDate: t('birth.birthDate'), required: t('birth.required'), submit: t('birth.submit') },
  });
}

export type CaseListView = 'mine' | 'leading' | 'all';

/** The case list filter's choice of every status (every choice has a value). */
export const ALL_STATES = 'all';

/** A page of cases, newest activity first; rows name the reference and status, never the resident. */
export function caseListCard(
  t: Translate,
  view: { list: CaseListView; cases: readonly Case[]; more?: string; showFilter: boolean; selectedState?: string; states: readonly string[] },
): CardAttachment {
  return expandCard('caseList', {
    heading: t(`cases.${view.list}`),
    list: view.list,
    showFilter: view.showFilter,
    filterLabel: t('cases.filter'),
    filterSubmit: t('cases.filterSubmit'),
    selectedState: view.selectedState ?? ALL_STATES,
    states: [
      { title: t('cases.filterAll'), value: ALL_STATES },
      ...view.states.map((state) => ({ title: t(`case.state.${state}` as Parameters<Translate>[0]), value: state })),
    ],
    empty: t('cases.empty'),
    rows: view.cases.map((c) => ({
      caseId: c.id,
      reference: c.reference,
      detail: [
        t('cases.detail', {
          state: t(`case.state.${c.state}`),
          ageGroup: t(`report.form.ageGroup.${c.report.expectedChild ? 'expected' : c.report.ageGroup}`),
        }),
        ...(isChildCoordinatorCase(c) ? [t('cases.childCoordinatorMark')] : []),
      ].join(' · '),
      updated: t('cases.updated', { date: c.updatedAt.slice(0, 10) }),
    })),
    more: view.more ?? '',
    moreLabel: t('cases.more'),
  });
}
